/**
 * Where the renderer keeps its tokens.
 * - Device token (kiosk, display, counter PCs): localStorage, survives restarts.
 *   Electron hands it over as `#device=TOKEN`; we store it and drop the hash.
 * - Clerk session token: sessionStorage, gone when the window closes.
 */
import type { ClerkRole } from '../../shared/api';

export const DEVICE_TOKEN_KEY = 'motcua.deviceToken';
export const CLERK_TOKEN_KEY = 'motcua.clerkToken';
export const CLERK_INFO_KEY = 'motcua.clerk';

function safeGet(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Storage disabled (private mode): the token lives only in memory for this page.
  }
}

const local = () => window.localStorage;
const session = () => window.sessionStorage;

export const getDeviceToken = (): string | null => safeGet(local, DEVICE_TOKEN_KEY);
export const setDeviceToken = (token: string | null): void => safeSet(local, DEVICE_TOKEN_KEY, token);

export const getClerkToken = (): string | null => safeGet(session, CLERK_TOKEN_KEY);

export interface StoredClerk {
  id: number;
  username: string;
  fullName: string;
  role: ClerkRole;
}
export function getStoredClerk(): StoredClerk | null {
  const raw = safeGet(session, CLERK_INFO_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StoredClerk;
  } catch {
    return null;
  }
}
export function setClerkSession(token: string | null, clerk: StoredClerk | null): void {
  safeSet(session, CLERK_TOKEN_KEY, token);
  safeSet(session, CLERK_INFO_KEY, clerk ? JSON.stringify(clerk) : null);
}

/** `#device=TOKEN` → the token, or null. Other hash parameters are kept. */
export function parseDeviceHash(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('device');
  params.delete('device');
  const rest = params.toString();
  return { token: token && token.trim() ? token.trim() : null, rest: rest ? `#${rest}` : '' };
}

/** Called once at start: takes the device token out of the URL so it is neither shown nor bookmarked. */
export function captureDeviceTokenFromHash(): void {
  const { token, rest } = parseDeviceHash(window.location.hash);
  if (!token) return;
  setDeviceToken(token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + rest);
}
