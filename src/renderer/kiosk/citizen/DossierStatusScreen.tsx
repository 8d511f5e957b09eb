import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../../components/Keypad';
import { formatDateTime, localized } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { formatDue, workingTimeText } from '../../counter/dossiers/format';
import type { KioskDossierFull, KioskDossierLimited, KioskLookupResponse } from '../../../shared/api';
import { LetterKeyboard } from './LetterKeyboard';
import type { Citizen } from './useCitizen';

/** "Checked with the district just now" while the district's confirmation is this recent. */
const JUST_NOW_MS = 2 * 60_000;

/** Marks the moment the status is on screen (scan-to-status, bench/kiosk-scan.ts reads it). */
function usePaintedMark(key: unknown) {
  useEffect(() => {
    const raf = requestAnimationFrame(() => performance.mark('kiosk:status-painted'));
    return () => cancelAnimationFrame(raf);
  }, [key]);
}

export function DossierStatusScreen({ citizen, timeZone }: { citizen: Citizen; timeZone?: string }) {
  const { t } = useTranslation();
  const v = citizen.view;
  const result = v.kind === 'status' || v.kind === 'verify' ? v.result : null;
  usePaintedMark(result);
  if (!result) return null;
  const d = result.dossier;
  return (
    <section className={`dossier-status dossier-status--${d.dueStatus ?? 'none'}`} aria-labelledby="dossier-status-title">
      <p className="dossier-status__code">
        {t('scan.status.code')} <strong>{d.code}</strong>
      </p>
      <StatusHeadline d={d} />
      <DueBlock d={d} full={result.level === 'full' ? (d as KioskDossierFull) : null} />
      {result.level === 'full' ? <FullDetails d={d as KioskDossierFull} timeZone={timeZone} /> : v.kind === 'verify' ? <Verify citizen={citizen} /> : <LimitedNote citizen={citizen} />}
      <Freshness result={result} timeZone={timeZone} />
      <div className="citizen-actions">
        <button type="button" className="btn btn--primary btn--xl" onClick={citizen.home}>
          {t('scan.done')}
        </button>
      </div>
    </section>
  );
}

function StatusHeadline({ d }: { d: KioskDossierLimited }) {
  const { t } = useTranslation();
  const step = [d.stage, d.department].filter(Boolean).join(' · ');
  return (
    <div className="dossier-status__head">
      <h1 id="dossier-status-title">{t(`dossier.status.${d.statusKey}`)}</h1>
      <p className="dossier-status__plain">{t(`scan.status.plain.${d.statusKey}`)}</p>
      {step && (
        <p className="dossier-status__step">
          <span>{t('scan.status.step')}</span> <strong>{step}</strong>
        </p>
      )}
    </div>
  );
}

function DueBlock({ d, full }: { d: KioskDossierLimited; full: KioskDossierFull | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (d.paused) return <p className="due-block due-block--paused">{t('dossier.due.paused')}</p>;
  if (d.dueAt === null) return null;
  const finished = d.statusKey === 'result_ready' || d.statusKey === 'handed_over';
  return (
    <div className={`due-block due-block--${d.dueStatus ?? 'none'}`} role={d.dueStatus === 'overdue' && !finished ? 'alert' : undefined}>
      <p className="due-block__label">{t('scan.status.due')}</p>
      <p className="due-block__value">{formatDue(d.dueAt, lang)}</p>
      {d.dueStatus && <p className="due-block__badge">{t(`dossier.due.${d.dueStatus}`)}</p>}
      {full && full.remainingWorkingHours !== null && !finished && <p className="due-block__left">{workingTimeText(full.remainingWorkingHours)}</p>}
      {d.dueStatus === 'overdue' && !finished && <p className="due-block__apology">{full?.newAppointment ? t('scan.status.apologyNewDate') : t('scan.status.apology')}</p>}
      {d.dueStatus === 'nearly_due' && <p className="due-block__note">{t('scan.status.nearlyDue')}</p>}
    </div>
  );
}

function FullDetails({ d, timeZone }: { d: KioskDossierFull; timeZone?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="dossier-full">
      <dl className="dossier-facts">
        <div>
          <dt>{t('scan.status.procedure')}</dt>
          <dd>{localized(d.procedure, lang)}</dd>
        </div>
        <div>
          <dt>{t('scan.status.applicant')}</dt>
          <dd>{d.applicantMasked}</dd>
        </div>
        <div>
          <dt>{t('scan.status.received')}</dt>
          <dd>{formatDateTime(d.acceptedAt, timeZone)}</dd>
        </div>
        <div>
          <dt>{t('scan.status.collect')}</dt>
          <dd>{d.collect.delivery === 'post' ? t('scan.status.collectPost') : t('scan.status.collectCounter', { office: d.collect.officeName })}</dd>
        </div>
      </dl>
      {d.supplement && (
        <div className="dossier-missing" role="note">
          <h2>{t('scan.status.missing')}</h2>
          <ul>
            {d.supplement.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
          {d.supplement.reason && <p>{d.supplement.reason}</p>}
          <p className="dossier-missing__bring">{t('scan.status.bring')}</p>
        </div>
      )}
      <div className="dossier-timeline">
        <h2>{t('scan.status.timeline')}</h2>
        <ol>
          {d.timeline.map((e, i) => (
            <li key={i} className={i === d.timeline.length - 1 ? 'is-current' : ''}>
              <span className="dossier-timeline__at">{formatDateTime(e.at, timeZone)}</span>
              <span className="dossier-timeline__what">
                {t(`dossier.status.${e.statusKey}`)}
                {e.stage ? ` · ${e.stage}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function LimitedNote({ citizen }: { citizen: Citizen }) {
  const { t } = useTranslation();
  return (
    <div className="dossier-limited">
      <p>{t('scan.verify.why')}</p>
      <div className="dossier-limited__actions">
        <button type="button" className="btn btn--xl" onClick={() => citizen.verify('phone_last4')}>
          {t('scan.verify.phone')}
        </button>
        <button type="button" className="btn btn--xl" onClick={() => citizen.verify('secret')}>
          {t('scan.verify.secret')}
        </button>
      </div>
    </div>
  );
}

function Verify({ citizen }: { citizen: Citizen }) {
  const { t } = useTranslation();
  const v = citizen.view;
  const [value, setValue] = useState('');
  const method = v.kind === 'verify' ? v.method : 'phone_last4';
  const max = method === 'phone_last4' ? 4 : 6;
  useEffect(() => setValue(''), [method]);
  if (v.kind !== 'verify') return null;
  const add = (c: string) => setValue((s) => (s.length < max ? s + c : s));
  return (
    <div className="verify">
      <h2>{method === 'phone_last4' ? t('scan.verify.phoneTitle') : t('scan.verify.secretTitle')}</h2>
      <output className="verify__value" aria-label={t('scan.verify.value')}>
        {(value + '_'.repeat(max)).slice(0, max)}
      </output>
      {v.error !== null && (
        <p className="verify__error" role="alert">
          {t('scan.verify.wrong', { count: Number(v.error) })}
        </p>
      )}
      {method === 'phone_last4' ? (
        <Keypad onDigit={add} onBackspace={() => setValue((s) => s.slice(0, -1))} onClear={() => setValue('')} disabled={v.busy} />
      ) : (
        <LetterKeyboard label={t('scan.keyboard.label')} space={false} onKey={add} onBackspace={() => setValue((s) => s.slice(0, -1))} onClear={() => setValue('')} />
      )}
      <div className="citizen-actions">
        <button type="button" className="btn btn--ghost btn--xl" onClick={citizen.backToStatus}>
          <span aria-hidden="true">‹ </span>
          {t('common.back')}
        </button>
        <button type="button" className="btn btn--primary btn--xl" disabled={value.length !== max || v.busy} onClick={() => citizen.submitProof(value)}>
          {t('scan.verify.submit')}
        </button>
      </div>
    </div>
  );
}

function Freshness({ result, timeZone }: { result: KioskLookupResponse; timeZone?: string }) {
  const { t } = useTranslation();
  const f = result.freshness;
  const text =
    f.source === 'district' && f.confirmedAt !== null && result.readAt - f.confirmedAt < JUST_NOW_MS
      ? t('scan.status.checkedNow')
      : t('scan.status.updatedAt', { at: formatDateTime(f.confirmedAt ?? result.dossier.updatedAt, timeZone) });
  return <p className="dossier-status__fresh">{text}</p>;
}
