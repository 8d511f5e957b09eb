import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { handBack, type Dossier } from './dossierApi';

/** The hand-back field: a USB scanner types the receipt's barcode or QR text and presses Enter. */
export function HandBack({ dossier, onDone, onAuthError }: { dossier: Dossier; onDone: (d: Dossier) => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [scanned, setScanned] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="handback"
      onSubmit={(e) => {
        e.preventDefault();
        if (!scanned.trim() || busy) return;
        setBusy(true);
        setError(null);
        handBack(dossier.code, scanned)
          .then(onDone)
          .catch((err: unknown) => {
            if (!onAuthError(err)) {
              setError(err);
              setScanned('');
            }
          })
          .finally(() => setBusy(false));
      }}
    >
      <label className="field__label" htmlFor={id}>
        {t('dossier.handBackScan')}
      </label>
      <div className="handback__row">
        <input ref={input} id={id} className="mono" value={scanned} onChange={(e) => setScanned(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${id}-hint`} maxLength={200} />
        <button type="submit" className="btn btn--primary" disabled={busy || !scanned.trim()}>
          {t('dossier.handBack')}
        </button>
      </div>
      <span className="field__hint" id={`${id}-hint`}>
        {t('dossier.handBackHint')}
      </span>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
