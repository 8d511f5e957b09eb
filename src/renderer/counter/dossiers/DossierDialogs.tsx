import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { DateTimeField } from '../../components/DateField';
import { OFFICE_UTC_OFFSET_MS } from '../../../shared/domain';
import { apologise, requestSupplement, type Dossier } from './dossierApi';
import { messagesFor } from './fieldErrors';

/** The dossier's action dialogs: a supplement request and a new appointment (the reason dialog is ReasonDialog.tsx, which the forms panel shares). */

export function SupplementDialog({ dossier, onDone, onClose, onAuthError }: { dossier: Dossier; onDone: (d: Dossier) => void; onClose: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const missing = dossier.documents.filter((x) => !x.received).map((x) => x.nameVi);
  const [items, setItems] = useState<string[]>(missing.length ? missing : ['']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filled = items.map((s) => s.trim()).filter(Boolean);
  return (
    <Modal title={t('dossier.supplementTitle', { code: dossier.code })} onClose={onClose} wide>
      <form
        className="dossier-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          requestSupplement(dossier.code, filled, reason)
            .then(onDone)
            .catch((err: unknown) => {
              if (!onAuthError(err)) setError(err);
            })
            .finally(() => setBusy(false));
        }}
      >
        <p className="muted">{t('dossier.supplementLead')}</p>
        <fieldset className="supp-items">
          <legend>{t('dossier.supplementItems')}</legend>
          {items.map((it, n) => (
            <div key={n} className="supp-items__row">
              <input value={it} onChange={(e) => setItems((l) => l.map((x, i) => (i === n ? e.target.value : x)))} aria-label={t('dossier.supplementItem', { n: n + 1 })} maxLength={500} />
              <button type="button" className="btn btn--small btn--danger" aria-label={t('dossier.supplementRemoveItem', { n: n + 1 })} disabled={items.length === 1} onClick={() => setItems((l) => l.filter((_, i) => i !== n))}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
          <button type="button" className="btn btn--small" disabled={items.length >= 30} onClick={() => setItems((l) => [...l, ''])}>
            + {t('dossier.supplementAddItem')}
          </button>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('dossier.reason')}
          </label>
          <textarea id={id} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        </div>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || filled.length === 0 || !reason.trim()}>
            {t('dossier.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** `YYYY-MM-DDTHH:mm` in office time (Asia/Ho_Chi_Minh, UTC+7) ↔ epoch ms, for the date-and-time field. */
const toOfficeLocal = (ms: number) => new Date(ms + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16);
const fromOfficeLocal = (v: string) => Date.parse(`${v}:00Z`) - OFFICE_UTC_OFFSET_MS;

export function ApologyDialog({ dossier, onDone, onClose, onAuthError }: { dossier: Dossier; onDone: (d: Dossier) => void; onClose: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const whenId = useId();
  const reasonId = useId();
  const [when, setWhen] = useState(() => toOfficeLocal(Math.max(dossier.dueAt ?? 0, Date.now()) + 2 * 24 * 3600 * 1000));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const whenMsgs = messagesFor(error, 'newDueAt');
  return (
    <Modal title={t('dossier.apologyTitle', { code: dossier.code })} onClose={onClose}>
      <form
        className="dossier-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          apologise(dossier.code, reason, fromOfficeLocal(when))
            .then(onDone)
            .catch((err: unknown) => {
              if (!onAuthError(err)) setError(err);
            })
            .finally(() => setBusy(false));
        }}
      >
        <div className={`field${whenMsgs.length ? ' has-error' : ''}`}>
          <label className="field__label" htmlFor={whenId}>
            {t('dossier.newDueAt')}
          </label>
          <DateTimeField id={whenId} required value={when} onChange={setWhen} timeLabel={t('dateField.time')} />
          {whenMsgs.length > 0 && <span className="field__error">{whenMsgs.join('; ')}</span>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={reasonId}>
            {t('dossier.apologyReason')}
          </label>
          <textarea id={reasonId} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
        </div>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || !reason.trim() || !when}>
            {t('dossier.apologyConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
