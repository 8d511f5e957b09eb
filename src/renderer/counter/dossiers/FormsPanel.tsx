import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBytes, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { printPdfBytes } from '../../app/printPdf';
import { canMoveDossier, DOSSIER_STATUS, dossierStatusKey, formRefusal, type DossierForm } from '../../../shared/domain';
import { ReasonDialog } from './ReasonDialog';
import type { Dossier } from './dossierApi';

/**
 * The forms of Circular 03/2025 the receipt and slip buttons do not cover (05 the stop
 * notice, 06 the control sheet), the stop itself (status 8, with its reason), and the
 * fee's payment as the district reports it. Which form applies is the domain's rule,
 * the same one the hub enforces.
 */
export function FormsPanel({ dossier: d, onChanged, onAuthError }: { dossier: Dossier; onChanged: (d: Dossier) => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const [stopping, setStopping] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' | 'printing' | 'printed' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const key = dossierStatusKey(d.status);
  if (!key) return null;
  const facts = {
    status: key,
    hasSupplementRequest: d.events.some((e) => e.toStatus === DOSSIER_STATUS.supplement_requested),
    hasExtension: d.events.some((e) => e.fromStatus !== null && e.fromStatus === e.toStatus),
  };
  const forms = (['05', '06'] as DossierForm[]).filter((f) => formRefusal(f, facts) === null);
  const print = async (form: DossierForm) => {
    setState({ kind: 'printing' });
    try {
      const outcome = await printPdfBytes(await apiBytes('dossierFormPdf', { params: { code: d.code, form } }));
      setState(outcome.ok ? { kind: 'printed' } : { kind: 'failed', message: outcome.message });
    } catch (err) {
      if (!onAuthError(err)) setState({ kind: 'failed', message: errorText(err) });
    }
  };
  const payment = d.feeCollected > 0 ? (d.paymentStatus ?? 'pending') : null;
  return (
    <div className="dossier__buttons dossier__forms">
      {payment && (
        <p className={`fee-status fee-status--${payment}`} role="status">
          {t(`forms.payment.${payment}`)}
        </p>
      )}
      {canMoveDossier(key, 'stopped') && (
        <button type="button" className="btn btn--lg btn--warn" onClick={() => setStopping(true)}>
          {t('forms.stop')}
        </button>
      )}
      {forms.map((f) => (
        <button key={f} type="button" className="btn btn--lg" disabled={state.kind === 'printing'} onClick={() => void print(f)}>
          {t(`forms.print${f}`)}
        </button>
      ))}
      {state.kind !== 'idle' && (
        <p className={`print-status print-status--${state.kind}`} role="status">
          {state.kind === 'failed' ? t('dossier.printFailed', { message: state.message }) : t(state.kind === 'printing' ? 'dossier.printing' : 'dossier.printed')}
        </p>
      )}
      {stopping && (
        <ReasonDialog
          title={t('forms.stopTitle', { code: d.code })}
          label={t('forms.stopReason')}
          required
          field="reason"
          onClose={() => setStopping(false)}
          onAuthError={onAuthError}
          submit={(reason) => api('stopDossier', { params: { code: d.code }, body: { reason } })}
          onDone={(x) => {
            setStopping(false);
            onChanged(x);
            void print('05');
          }}
        />
      )}
    </div>
  );
}
