import { useCallback, useState } from 'react';
import { api } from './api';
import { getClerkToken, getStoredClerk, setClerkSession, type StoredClerk } from './auth';

export type ClerkSession = { token: string; clerk: StoredClerk };
export type Logout = (opts?: { expired?: boolean }) => Promise<void>;

/**
 * The signed-in clerk of this tab (kept in sessionStorage by LoginScreen).
 * `logout({ expired: true })` is for a session the hub no longer knows: it skips the logout call
 * and leaves `expired` set so the login screen can say why. `onLogout` must be stable.
 */
export function useClerkSession(onLogout?: () => void): { session: ClerkSession | null; expired: boolean; loggedIn: (token: string, clerk: StoredClerk) => void; logout: Logout } {
  const [session, setSession] = useState<ClerkSession | null>(() => {
    const token = getClerkToken();
    const clerk = getStoredClerk();
    return token && clerk ? { token, clerk } : null;
  });
  const [expired, setExpired] = useState(false);

  const logout = useCallback(
    async (opts: { expired?: boolean } = {}) => {
      const token = getClerkToken();
      if (token && !opts.expired) await api('logout', { token }).catch(() => undefined);
      setClerkSession(null, null);
      onLogout?.();
      setExpired(!!opts.expired);
      setSession(null);
    },
    [onLogout],
  );
  const loggedIn = useCallback((token: string, clerk: StoredClerk) => {
    setExpired(false);
    setSession({ token, clerk });
  }, []);
  return { session, expired, loggedIn, logout };
}
