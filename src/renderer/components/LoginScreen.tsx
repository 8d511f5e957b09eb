import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { setClerkSession, type StoredClerk } from '../app/auth';
import { errorText } from '../app/errors';
import { LangSwitch } from './LangSwitch';
import { ChangePinForm } from './ChangePinForm';

/**
 * Username + PIN login for counter clerks and admins. In LAN mode a demo PIN
 * must be changed first: the session is kept here (not stored) until it is.
 */
export function LoginScreen({
  title,
  subtitle,
  requireAdmin,
  onLoggedIn,
  notice,
}: {
  title: string;
  subtitle?: string;
  requireAdmin?: boolean;
  onLoggedIn: (token: string, clerk: StoredClerk) => void;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** A login the hub accepted on condition that the demo PIN is changed first. */
  const [pending, setPending] = useState<{ token: string; clerk: StoredClerk; pin: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!username.trim() || !pin) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    try {
      const res = await api('login', { body: { username: username.trim(), pin }, token: null });
      const clerk: StoredClerk = { id: res.clerk.id, username: res.clerk.username, fullName: res.clerk.fullName, role: res.clerk.role };
      if (requireAdmin && clerk.role !== 'admin') {
        // Not an admin: end the session we just opened and say why.
        await api('logout', { token: res.token }).catch(() => undefined);
        setError(t('login.notAdmin'));
        setPin('');
        return;
      }
      if (res.pinChangeRequired) {
        setPending({ token: res.token, clerk, pin });
        setPin('');
        return;
      }
      setClerkSession(res.token, clerk);
      onLoggedIn(res.token, clerk);
    } catch (err) {
      setError(errorText(err));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  const top = (
    <div className="login__top">
      <span className="brand">
        <span className="brand__mark" aria-hidden="true" />
        MotCua
      </span>
      <LangSwitch />
    </div>
  );
  if (pending) {
    const done = () => {
      setClerkSession(pending.token, pending.clerk);
      onLoggedIn(pending.token, pending.clerk);
    };
    const cancel = () => {
      void api('logout', { token: pending.token }).catch(() => undefined);
      setPending(null);
    };
    return (
      <main className="login">
        {top}
        <ChangePinForm token={pending.token} username={pending.clerk.username} currentPin={pending.pin} onChanged={done} onCancel={cancel} />
      </main>
    );
  }

  return (
    <main className="login">
      {top}
      <form className="login__card" onSubmit={submit} noValidate>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
        {notice}
        <label className="field">
          <span className="field__label">{t('login.username')}</span>
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span className="field__label">{t('login.pin')}</span>
          <input name="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--lg login__submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
