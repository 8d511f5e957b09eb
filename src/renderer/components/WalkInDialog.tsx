import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { errorText } from '../app/errors';
import { localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { printTicket } from '../app/printPdf';
import { turnTexts } from '../app/turnText';
import { PRIORITY_REASONS, type PriorityReason } from '../../shared/domain';
import type { IssuedTicket, Service } from '../../shared/api';
import { Modal } from './Modal';
import { ServiceChoices } from './ServiceChoices';
import { TicketNumber } from './TicketNumber';

/** A counter issues a ticket for a citizen standing in front of it; it prints like the kiosk's. */
export function WalkInDialog({ services, onClose, onAuthError }: { services: Service[]; onClose: () => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [priority, setPriority] = useState<PriorityReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  const [print, setPrint] = useState<'printing' | 'printed' | 'failed'>('printing');
  const [printMessage, setPrintMessage] = useState<string | null>(null);

  const issue = async (s: Service) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api('issueTicket', { body: { serviceId: s.id, priority } });
      setIssued(res);
      setPrint('printing');
      setPrintMessage(null);
      const outcome = await printTicket(res.ticket.id, lang);
      setPrint(outcome.ok ? 'printed' : 'failed');
      if (!outcome.ok) setPrintMessage(outcome.message);
    } catch (err) {
      if (!onAuthError(err)) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('walkin.title')} onClose={onClose} wide>
      {issued ? (
        <div className="walkin-result">
          <p className="muted">{t('kiosk.yourNumber')}</p>
          <TicketNumber number={issued.ticket.number} className="walkin-result__number" />
          <p className="walkin-result__service">{localized({ nameVi: issued.ticket.serviceNameVi, nameEn: issued.ticket.serviceNameEn }, lang)}</p>
          {issued.ticket.priority && <p className="status-pill status-pill--priority">{t(`priority.${issued.ticket.priority}`)}</p>}
          <p>{turnTexts(issued, t).ahead}</p>
          <p className={`print-status print-status--${print}`} role="status">
            {t(`walkin.print.${print}`)}
            {printMessage ? ` (${printMessage})` : ''}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setIssued(null);
                setPriority(null);
              }}
            >
              {t('walkin.another')}
            </button>
            <button type="button" className="btn btn--primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <fieldset className="walkin-prio">
            <legend>{t('walkin.priority')}</legend>
            <label className={`radio-chip${priority === null ? ' is-checked' : ''}`}>
              <input type="radio" name="walkin-priority" checked={priority === null} onChange={() => setPriority(null)} />
              {t('walkin.noPriority')}
            </label>
            {PRIORITY_REASONS.map((r) => (
              <label key={r} className={`radio-chip${priority === r ? ' is-checked' : ''}`}>
                <input type="radio" name="walkin-priority" checked={priority === r} onChange={() => setPriority(r)} />
                {t(`priority.${r}`)}
              </label>
            ))}
          </fieldset>
          <p className="muted">{t('walkin.pickService')}</p>
          <ServiceChoices services={services.filter((s) => s.active)} disabled={busy} onPick={(s) => void issue(s)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Modal>
  );
}
