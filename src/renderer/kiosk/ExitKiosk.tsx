import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../components/Keypad';
import { Modal } from '../components/Modal';

/**
 * Staff leave kiosk mode (Electron only) with a hidden gesture: hold the
 * emblem for 3 s, then type an admin PIN on the keypad. In a plain browser
 * there is no kiosk mode to leave, so nothing happens.
 */
export function useLongPress(ms: number, onFire: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => clearTimeout(timer.current);
  return {
    onPointerDown: () => {
      cancel();
      timer.current = setTimeout(onFire, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
  };
}

export function ExitKioskDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const bridge = window.motcua;
    if (!bridge || pin.length < 4) return;
    setBusy(true);
    setError(null);
    try {
      const res = await bridge.exitKiosk(pin);
      if (res.ok) onClose();
      else setError(res.message || t('kiosk.exit.wrongPin'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setPin('');
    }
  };
  return (
    <Modal title={t('kiosk.exit.title')} onClose={onClose}>
      <div className="kiosk-exit">
        <p className="muted">{t('kiosk.exit.lead')}</p>
        <input className="pairing__code" type="password" inputMode="none" readOnly value={pin} aria-label={t('kiosk.exit.pin')} />
        {error && (
          <p className="pairing__error" role="alert">
            {error}
          </p>
        )}
        <Keypad disabled={busy} onDigit={(d) => setPin((p) => (p + d).slice(0, 8))} onBackspace={() => setPin((p) => p.slice(0, -1))} onClear={() => setPin('')} />
        <button type="button" className="btn btn--primary btn--xl" disabled={busy || pin.length < 4} onClick={() => void submit()}>
          {t('kiosk.exit.submit')}
        </button>
      </div>
    </Modal>
  );
}
