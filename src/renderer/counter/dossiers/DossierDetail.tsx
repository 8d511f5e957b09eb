import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { FormError } from '../../components/FormError';
import { canMoveDossier, clockRuns, DOSSIER_STATUS, dossierStatusKey } from '../../../shared/domain';
import { getDossier, refuseDossier, resultReady, supplementReceived, withdrawDossier, type Dossier } from './dossierApi';
import { ChannelBadge } from './ChannelChoice';
import { docCountsText, processingText, statusLabel, workingTimeText } from './format';
import { usePrintReceipt } from './usePrintReceipt';
import { DueText } from './DueText';
import { ApologyDialog, SupplementDialog } from './DossierDialogs';
import { HandBack } from './HandBack';

import { FormsPanel } from './FormsPanel';
import { ReasonDialog } from './ReasonDialog';
import { DigitisePanel } from './digitise/DigitisePanel';
type Dialog = 'refuse' | 'withdraw' | 'supplement' | 'received' | 'ready' | 'apology' | null;

export function DossierDetail({ code, onChanged, onAuthError }: { code: string; onChanged: (d: Dossier) => void; onAuthError: (err: unknown) => boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [d, setD] = useState<Dossier | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [info, setInfo] = useState<string | null>(null);
  const printer = usePrintReceipt();

  useEffect(() => {
    let alive = true;
    setD(null);
    setLoadError(null);
    setInfo(null);
    getDossier(code)
      .then((x) => alive && setD(x))
      .catch((err: unknown) => {
        if (alive && !onAuthError(err)) setLoadError(err);
      });
    return () => {
      alive = false;
    };
  }, [code, onAuthError]);

  if (loadError) return <FormError error={loadError} />;
  if (!d) return <p className="muted">{t('common.loading')}</p>;

  const key = dossierStatusKey(d.status);
  const can = (to: Parameters<typeof canMoveDossier>[1]) => !!key && canMoveDossier(key, to);
  const done = (next: Dossier, message?: string) => {
    setD(next);
    setDialog(null);
    setInfo(message ?? t('dossier.saved', { code: next.code, status: statusLabel(next.status) }));
    onChanged(next);
  };
  const supplementAsked = d.events.some((e) => e.toStatus === DOSSIER_STATUS.supplement_requested);
  // A late (or nearly late) dossier whose clock runs can get a new appointment and the apology slip.
  // An event that keeps the status is a new appointment.
  const apologised = d.events.some((e) => e.fromStatus !== null && e.fromStatus === e.toStatus);
  // Nghị định 118/2025 Điều 19 khoản 6: one extension, proposed a day ahead (the hub says why when too late).
  const canApologise = !!key && clockRuns(key) && !apologised;
  const receivedBack = key === 'supplement_requested' && (can('accepted') || can('processing'));
  // The counter's actions and the documents it can print, each shown only when it can work.
  const actions: { dialog: Exclude<Dialog, null>; label: string; tone: string; when: boolean }[] = [
    { dialog: 'received', label: 'dossier.supplementReceived', tone: 'btn--go', when: receivedBack },
    { dialog: 'ready', label: 'dossier.resultReady', tone: 'btn--go', when: can('result_ready') },
    { dialog: 'supplement', label: 'dossier.supplementRequest', tone: 'btn--warn', when: can('supplement_requested') },
    { dialog: 'apology', label: 'dossier.apology', tone: 'btn--warn', when: canApologise },
    { dialog: 'refuse', label: 'dossier.refuse', tone: 'btn--danger', when: can('refused') },
    { dialog: 'withdraw', label: 'dossier.withdraw', tone: 'btn--danger', when: can('withdrawn') },
  ];
  const documents: { kind: 'receipt' | 'supplement' | 'apology' | 'refusal'; label: string; when: boolean }[] = [
    { kind: 'receipt', label: 'dossier.reprintReceipt', when: true },
    { kind: 'supplement', label: 'dossier.printSupplementSlip', when: supplementAsked },
    { kind: 'apology', label: 'dossier.printApologySlip', when: apologised },
    { kind: 'refusal', label: 'dossier.printRefusalSlip', when: key === 'refused' },
  ];

  return (
    <article className="dossier" aria-labelledby="dossier-code">
      <header className="dossier__head">
        <div>
          <p className="muted">{t('dossier.code')}</p>
          <h1 id="dossier-code" className="dossier__code mono">
            {d.code}
          </h1>
        </div>
        <span className={`dstatus dstatus--${key ?? 'unknown'}`}>{statusLabel(d.status)}</span>
        <ChannelBadge channel={d.channel} />
      </header>
      {d.channel === 2 && can('handed_over') && <p className="notice">{t('channel.onlineHandBack')}</p>}
      {info && (
        <p className="notice notice--ok" role="status">
          {info}
        </p>
      )}

      <div className="dossier__cols">
        <div className="dossier__main">
          <dl className="dossier__facts">
            <div className="dossier__fact--wide">
              <dt>{t('dossier.procedure')}</dt>
              <dd>
                <span className="mono muted">{d.procedure.code}</span> {localized(d.procedure, lang)} · {processingText({ value: d.procedure.processingValue, unit: d.procedure.processingUnit })}
                {d.procedure.level && ' '}
                {d.procedure.level && <span className="pill">{t(`dossier.procedureLevel.${d.procedure.level}`)}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('dossier.dueAt')}</dt>
              <dd>
                <DueText d={d} />
                {d.remainingWorkingHours !== null && !d.paused && (
                  <span className="muted dossier__remaining">
                    {workingTimeText(d.remainingWorkingHours)}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('dossier.acceptedAt')}</dt>
              <dd>{formatDateTime(d.acceptedAt)}</dd>
            </div>
            <div>
              <dt>{t('dossier.applicant')}</dt>
              <dd>
                {d.applicant.fullName}
                <span className="muted">
                  {' '}
                  · {t(`dossier.idTypes.${d.applicant.idType}`)} <span className="mono">{d.applicant.idNumber}</span>
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('dossier.contact')}</dt>
              <dd>
                <span className="mono">{d.applicant.phone}</span>
                {d.applicant.email ? ` · ${d.applicant.email}` : ''}
                <br />
                {d.applicant.address}
              </dd>
            </div>
            {d.owner && (
              <div>
                <dt>{t('dossier.owner')}</dt>
                <dd>
                  {d.owner.fullName} <span className="muted mono">{d.owner.idNumber}</span>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('dossier.delivery')}</dt>
              <dd>
                {t(`dossier.deliveries.${d.resultDelivery}`)}
                {d.postalAddress ? `: ${d.postalAddress}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('dossier.sets')}</dt>
              <dd>{d.sets}</dd>
            </div>
            <div>
              <dt>{t('dossier.registerBook')}</dt>
              <dd>{t('dossier.registerBookValue', { book: d.registerBook.book, number: d.registerBook.number })}</dd>
            </div>
            {d.clerk && (
              <div>
                <dt>{t('dossier.clerk')}</dt>
                <dd>
                  {d.clerk.fullName}
                  {d.ticketNumber ? ` · ${t('dossier.ticket')} ${d.ticketNumber}` : ''}
                </dd>
              </div>
            )}
            {d.notes && (
              <div className="dossier__fact--wide">
                <dt>{t('dossier.notes')}</dt>
                <dd className="dossier__notes">{d.notes}</dd>
              </div>
            )}
          </dl>

          {d.supplement && (
            <div className="dossier__supplement">
              <strong>{t('dossier.supplementOpen', { at: formatDateTime(d.supplement.requestedAt) })}</strong>
              <ul>
                {d.supplement.items.map((it, n) => (
                  <li key={n}>{it}</li>
                ))}
              </ul>
              <p className="muted">
                {t('dossier.reason')}: {d.supplement.reason}
              </p>
            </div>
          )}

          <h2 className="dossier__h2">{t('dossier.documents')}</h2>
          <ul className="dossier__docs">
            {d.documents.map((doc, n) => (
              <li key={n} className={doc.received ? '' : 'is-off'}>
                <span>{lang === 'en' && doc.nameEn ? doc.nameEn : doc.nameVi}</span>
                <span className="muted">
                  {docCountsText(doc)}
                  {doc.received ? '' : ` · ${t('dossier.notReceived')}`}
                </span>
              </li>
            ))}
          </ul>
          <DigitisePanel code={d.code} status={d.status} />

          <h2 className="dossier__h2">{t('dossier.timeline')}</h2>
          <ol className="timeline">
            {d.events.map((e, n) => (
              <li key={n} className="timeline__item">
                <span className="timeline__at mono">{formatDateTime(e.at)}</span>
                <span className="timeline__what">
                  {e.fromStatus !== null ? `${statusLabel(e.fromStatus)} → ` : ''}
                  <strong>{statusLabel(e.toStatus)}</strong>
                </span>
                <span className="timeline__who muted">
                  {t(`dossier.timelineActor.${e.actor.kind}`)}
                  {e.actor.name ? `: ${e.actor.name}` : ''}
                  {e.stage ? ` · ${e.stage}` : ''}
                </span>
                {e.note && <span className="timeline__note">{e.note}</span>}
              </li>
            ))}
          </ol>
        </div>

        <aside className="dossier__side" aria-labelledby="dossier-actions">
          <h2 id="dossier-actions" className="panel-title">
            {t('dossier.actionsTitle')}
          </h2>
          {can('handed_over') && <HandBack dossier={d} onDone={(x) => done(x, t('dossier.handedBack', { code: x.code }))} onAuthError={onAuthError} />}
          <div className="dossier__buttons">
            {actions
              .filter((x) => x.when)
              .map((x) => (
                <button key={x.dialog} type="button" className={`btn btn--lg ${x.tone}`} onClick={() => setDialog(x.dialog)}>
                  {t(x.label)}
                </button>
              ))}
            {documents
              .filter((x) => x.when)
              .map((x) => (
                <button key={x.kind} type="button" className="btn btn--lg" disabled={printer.state.kind === 'printing'} onClick={() => void printer.print(d.code, x.kind)}>
                  {t(x.label)}
                </button>
              ))}
          </div>
          <FormsPanel dossier={d} onChanged={(x) => done(x)} onAuthError={onAuthError} />
          {!can('handed_over') && !actions.some((x) => x.when) && <p className="muted">{t('dossier.noActions')}</p>}
          <p className={`print-status print-status--${printer.state.kind}`} role="status">
            {printer.text}
          </p>
        </aside>
      </div>

      {dialog === 'refuse' && (
        <ReasonDialog title={t('dossier.refuseTitle', { code: d.code })} label={t('dossier.reason')} required onClose={() => setDialog(null)} onAuthError={onAuthError} submit={(reason) => refuseDossier(d.code, reason)} onDone={(x) => done(x)} field="reason" />
      )}
      {dialog === 'withdraw' && (
        <ReasonDialog title={t('dossier.withdrawTitle', { code: d.code })} label={t('dossier.withdrawReason')} required onClose={() => setDialog(null)} onAuthError={onAuthError} submit={(reason) => withdrawDossier(d.code, reason)} onDone={(x) => done(x)} field="reason" />
      )}
      {dialog === 'received' && (
        <ReasonDialog title={t('dossier.supplementReceivedTitle', { code: d.code })} label={t('dossier.note')} onClose={() => setDialog(null)} onAuthError={onAuthError} submit={(note) => supplementReceived(d.code, note)} onDone={(x) => done(x)} field="note" />
      )}
      {dialog === 'ready' && (
        <ReasonDialog title={t('dossier.resultReadyTitle', { code: d.code })} label={t('dossier.note')} onClose={() => setDialog(null)} onAuthError={onAuthError} submit={(note) => resultReady(d.code, note)} onDone={(x) => done(x)} field="note" />
      )}
      {dialog === 'apology' && (
        <ApologyDialog
          dossier={d}
          onClose={() => setDialog(null)}
          onAuthError={onAuthError}
          onDone={(x) => {
            done(x);
            void printer.print(x.code, 'apology');
          }}
        />
      )}
      {dialog === 'supplement' && <SupplementDialog dossier={d} onClose={() => setDialog(null)} onAuthError={onAuthError} onDone={(x) => done(x)} />}
    </article>
  );
}
