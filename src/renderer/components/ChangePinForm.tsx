import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { errorText } from '../app/errors';
import { isDemoPin } from '../../shared/domain/demoPins';

/**
 * The PIN change a session must make before anything else when the hub is in
 * LAN mode and the PIN just typed is a demo PIN (the login answered
 * `pinChangeRequired`). The PIN typed at login is sent as the current one, so
 * the clerk types only the new PIN, twice. The hub checks the same rules.
 */
export function ChangePinForm({ token, username, currentPin, onChanged, onCancel }: { token: string; username: string; currentPin: string; onChanged: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!/^\d{4,8}$/.test(pin)) return setError(t('login.pinChange.tooShort'));
    if (pin !== again) return setError(t('login.pinChange.mismatch'));
    if (isDemoPin(pin) || pin === currentPin) return setError(t('errors.PIN_NOT_ALLOWED'));
    setError(null);
    setBusy(true);
    try {
      await api('changePin', { body: { oldPin: currentPin, newPin: pin }, token });
      onChanged();
    } catch (err) {
      setError(errorText(err));
      setPin('');
      setAgain('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login__card" onSubmit={submit} noValidate aria-labelledby="pin-change-title">
      <h1 id="pin-change-title">{t('login.pinChange.title')}</h1>
      <p className="notice">{t('login.pinChange.why')}</p>
      <p className="muted">{t('login.pinChange.account', { username })}</p>
      <label className="field">
        <span className="field__label">{t('login.pinChange.newPin')}</span>
        <input name="newPin" type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(digits(e.target.value))} autoFocus />
      </label>
      <label className="field">
        <span className="field__label">{t('login.pinChange.confirmPin')}</span>
        <input name="confirmPin" type="password" inputMode="numeric" autoComplete="new-password" value={again} onChange={(e) => setAgain(digits(e.target.value))} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--lg login__submit" disabled={busy}>
        {busy ? t('login.pinChange.saving') : t('login.pinChange.submit')}
      </button>
      <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
        {t('login.pinChange.cancel')}
      </button>
    </form>
  );
}
