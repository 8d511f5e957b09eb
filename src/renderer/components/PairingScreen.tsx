import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { setDeviceToken } from '../app/auth';
import { errorText } from '../app/errors';
import { digitsOnly } from '../app/format';
import type { DeviceRole } from '../../shared/api';
import { Keypad } from './Keypad';
import { LangSwitch } from './LangSwitch';

const CODE_LENGTH = 6;

/**
 * Shown on a kiosk or display that has no device token (or a revoked one):
 * the admin creates a 6-digit code in /admin → Devices, and it is typed here
 * on the on-screen keypad (a kiosk has no keyboard).
 */
export function PairingScreen({ expectedRole, onPaired, variant = 'light' }: { expectedRole: DeviceRole; onPaired: (token: string) => void; variant?: 'light' | 'dark' }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (code.length !== CODE_LENGTH || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api('pair', { body: { code }, token: null });
      if (res.role !== expectedRole) {
        setError(t('pairing.wrongRole', { got: t(`roles.${res.role}`), expected: t(`roles.${expectedRole}`) }));
        setCode('');
        return;
      }
      setDeviceToken(res.token);
      onPaired(res.token);
    } catch (err) {
      setError(errorText(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={`pairing pairing--${variant}`}>
      <div className="pairing__top">
        <LangSwitch size="large" />
      </div>
      <form className="pairing__card" onSubmit={submit}>
        <div className="pairing__info">
          <h1>{t('pairing.title')}</h1>
          <p className="pairing__lead">{t('pairing.instructions', { role: t(`roles.${expectedRole}`) })}</p>
          <label className="pairing__label" htmlFor="pairing-code">
            {t('pairing.codeLabel')}
          </label>
          <input
            id="pairing-code"
            className="pairing__code"
            inputMode="none"
            autoComplete="off"
            value={code}
            placeholder="••••••"
            onChange={(e) => setCode(digitsOnly(e.target.value, CODE_LENGTH))}
            aria-describedby={error ? 'pairing-error' : undefined}
          />
          {error && (
            <p id="pairing-error" className="pairing__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="pairing__pad">
          <Keypad
            disabled={busy}
            onDigit={(d) => setCode((c) => digitsOnly(c + d, CODE_LENGTH))}
            onBackspace={() => setCode((c) => c.slice(0, -1))}
            onClear={() => setCode('')}
          />
          <button type="submit" className="btn btn--primary btn--xl pairing__submit" disabled={busy || code.length !== CODE_LENGTH}>
            {busy ? t('pairing.pairing') : t('pairing.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
