import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import type { Dossier } from './dossierApi';
import { messagesFor } from './fieldErrors';

/** A dialog asking for one reason or note, then one dossier action (refuse, stop, result ready…). */
export function ReasonDialog({ title, label, required, field, submit, onDone, onClose, onAuthError }: { title: string; label: string; required?: boolean; field: string; submit: (text: string) => Promise<Dossier>; onDone: (d: Dossier) => void; onClose: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const msgs = messagesFor(error, field);
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="dossier-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          submit(text)
            .then(onDone)
            .catch((err: unknown) => {
              if (!onAuthError(err)) setError(err);
            })
            .finally(() => setBusy(false));
        }}
      >
        <div className={`field${msgs.length ? ' has-error' : ''}`}>
          <label className="field__label" htmlFor={id}>
            {label}
          </label>
          <textarea id={id} rows={4} value={text} onChange={(e) => setText(e.target.value)} required={required} maxLength={2000} aria-invalid={msgs.length ? true : undefined} />
          {msgs.length > 0 && <span className="field__error">{msgs.join('; ')}</span>}
        </div>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || (required && !text.trim())}>
            {t('dossier.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
