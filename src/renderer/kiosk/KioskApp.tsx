import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './kiosk.css';
import { api, isUnauthorized } from '../app/api';
import { getDeviceToken, setDeviceToken } from '../app/auth';
import { errorCode, errorText } from '../app/errors';
import { localized } from '../app/format';
import { useCountdown, useIdle } from '../app/hooks';
import { currentLanguage, setLanguage } from '../app/i18n';
import { applyScreenSettings, defaultLanguage } from '../app/screenSettings';
import { printTicket, type PrintOutcome } from '../app/printPdf';
import { turnTexts } from '../app/turnText';
import { useHubEvents } from '../app/useHubEvents';
import { Clock } from '../components/Clock';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { LangSwitch } from '../components/LangSwitch';
import { PairingScreen } from '../components/PairingScreen';
import { PriorityIcon } from '../components/PriorityIcon';
import { TicketNumber } from '../components/TicketNumber';
import { ExitKioskDialog, useLongPress } from './ExitKiosk';
import { useCitizen } from './citizen/useCitizen';
import { CitizenScreens } from './citizen/CitizenScreens';
import { LargeTextToggle, ScanPanel } from './citizen/ScanPanel';
import './largeText.css';
import { MoreBelow, useScrollTopOn } from './PageScroll';
import { PRIORITY_REASONS, type PriorityReason } from '../../shared/domain';
import type { IssuedTicket, Service } from '../../shared/api';
import type { KioskPrinterStatus } from '../../shared/api/thermalPrinting';
import { PrinterBlocked } from './PrinterBlocked';
import { askPrinter, screenOnlyOutcome } from './printerCheck';

/** Until the board (which carries the office setting) has arrived. */
export const KIOSK_RETURN_SECONDS = 15;
const ERROR_RETURN_SECONDS = 12;
/** Forget a half-made choice (priority reason) after this long without a touch. */
const IDLE_RESET_MS = 45_000;
const LANGUAGE_RESET_MS = 60_000;

type Phase =
  | { kind: 'start' }
  | { kind: 'priority' }
  | { kind: 'issuing'; service: Service }
  | { kind: 'printerBlocked'; service: Service; status: KioskPrinterStatus }
  | { kind: 'ticket'; issued: IssuedTicket; print: PrintOutcome | null }
  | { kind: 'error'; message: string; code: string | null };

export default function KioskApp() {
  const [token, setToken] = useState(getDeviceToken);
  const unpair = useCallback(() => {
    setDeviceToken(null);
    setToken(null);
  }, []);
  if (!token) return <PairingScreen expectedRole="kiosk" onPaired={setToken} />;
  return <Kiosk key={token} token={token} onUnauthorized={unpair} />;
}

function Kiosk({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { board, status } = useHubEvents(token, { onUnauthorized });
  const [services, setServices] = useState<Service[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [officeName, setOfficeName] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'start' });
  const [priority, setPriority] = useState<PriorityReason | null>(null);

  // Services: at start, whenever the live link comes back, and every 2 minutes.
  const loadServices = useCallback(async () => {
    try {
      const list = await api('services');
      setServices(list.filter((s) => s.active).sort((a, b) => a.sort - b.sort || a.id - b.id));
      setLoadError(null);
    } catch (err) {
      if (isUnauthorized(err)) onUnauthorized();
      else setLoadError(errorText(err));
    }
  }, [onUnauthorized]);
  useEffect(() => {
    let alive = true;
    const run = () => {
      if (alive) void loadServices();
    };
    run();
    api('office')
      .then((o) => alive && setOfficeName(o.name))
      .catch(() => undefined);
    api('screenSettings')
      .then((s) => alive && applyScreenSettings(s))
      .catch(() => undefined);
    const timer = setInterval(run, 120_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [loadServices]);
  useEffect(() => {
    if (status === 'live') void loadServices();
  }, [status, loadServices]);
  // While the services could not be loaded, retry every few seconds.
  useEffect(() => {
    if (!loadError) return;
    const timer = setInterval(() => void loadServices(), 5000);
    return () => clearInterval(timer);
  }, [loadError, loadServices]);

  const waitingBy = useMemo(() => {
    const m = new Map<number, number>();
    for (const w of board?.waiting ?? []) m.set(w.serviceId, w.waiting);
    return m;
  }, [board]);

  const backToStart = useCallback(() => {
    setPriority(null);
    setPhase({ kind: 'start' });
  }, []);
  const citizen = useCitizen({ onAttract: backToStart });
  useIdle(phase.kind === 'priority' || (phase.kind === 'start' && priority !== null), IDLE_RESET_MS, backToStart);
  // The next citizen should find the kiosk in Vietnamese: after a quiet minute, switch back.
  const backToVietnamese = useCallback(() => setLanguage(defaultLanguage()), []);
  useIdle(phase.kind === 'start' && lang !== defaultLanguage(), LANGUAGE_RESET_MS, backToVietnamese);

  const take = async (service: Service, screenOnly: KioskPrinterStatus | null = null) => {
    if (phase.kind === 'issuing') return;
    setPhase({ kind: 'issuing', service });
    // Ask the printer BEFORE the number exists: a citizen told "no paper" has not taken one yet.
    const printer = screenOnly ? null : await askPrinter();
    if (printer && !printer.canPrint) {
      setPhase({ kind: 'printerBlocked', service, status: printer });
      return;
    }
    let issued: IssuedTicket;
    try {
      issued = await api('issueTicket', { body: { serviceId: service.id, priority } });
    } catch (err) {
      if (isUnauthorized(err)) {
        onUnauthorized();
        return;
      }
      setPhase({ kind: 'error', message: errorText(err), code: errorCode(err) });
      if (errorCode(err) === 'SERVICE_INACTIVE' || errorCode(err) === 'UNKNOWN_SERVICE') void loadServices();
      return;
    }
    setPriority(null);
    setPhase({ kind: 'ticket', issued, print: null });
    const outcome = screenOnly ? screenOnlyOutcome(screenOnly) : await printTicket(issued.ticket.id, lang);
    setPhase((p) => (p.kind === 'ticket' && p.issued.ticket.id === issued.ticket.id ? { ...p, print: outcome } : p));
  };

  const [exiting, setExiting] = useState(false);
  const longPress = useLongPress(3000, () => {
    if (window.motcua) setExiting(true);
  });

  const name = board?.office.name ?? officeName;
  const tz = board?.office.timeZone;
  useScrollTopOn(`${citizen.view.kind}/${phase.kind}`);

  return (
    <div className={`kiosk${citizen.largeText ? ' kiosk--large' : ''}`} onContextMenu={(e) => e.preventDefault()}>
      <header className="kiosk__head">
        <div className="kiosk__office">
          <span className="kiosk__emblem" aria-hidden="true" {...longPress}>
            <svg viewBox="0 0 40 40" width="40" height="40">
              <path d="M20 5l4.1 10.6 11.4.6-8.9 7.2 3 11L20 28.2 10.4 34.4l3-11-8.9-7.2 11.4-.6z" fill="currentColor" />
            </svg>
          </span>
          <div>
            <div className="kiosk__office-kicker">{t('kiosk.kicker')}</div>
            <div className="kiosk__office-name">{name ?? ' '}</div>
          </div>
        </div>
        <div className="kiosk__head-side">
          <Clock timeZone={tz} seconds={false} className="kiosk__clock" />
          <div className="kiosk__head-tools">
            <LargeTextToggle citizen={citizen} />
            <LangSwitch size="large" />
          </div>
        </div>
      </header>
      <ConnectionBanner status={status} />

      <main className="kiosk__main">
        {citizen.view.kind !== 'none' ? (
          <CitizenScreens citizen={citizen} officeName={name} timeZone={tz} />
        ) : phase.kind === 'start' || phase.kind === 'issuing' ? (
          <StartScreen
            scan={<ScanPanel citizen={citizen} />}
            services={services}
            loadError={loadError}
            waitingBy={waitingBy}
            priority={priority}
            busy={phase.kind === 'issuing' ? phase.service.id : null}
            onTake={take}
            onPriority={() => setPhase({ kind: 'priority' })}
            onCancelPriority={() => setPriority(null)}
          />
        ) : phase.kind === 'priority' ? (
          <PriorityStep
            onChoose={(r) => {
              setPriority(r);
              setPhase({ kind: 'start' });
            }}
            onBack={backToStart}
          />
        ) : phase.kind === 'printerBlocked' ? (
          <PrinterBlocked status={phase.status} onScreenOnly={() => void take(phase.service, phase.status)} onBack={backToStart} />
        ) : phase.kind === 'ticket' ? (
          <TicketScreen issued={phase.issued} print={phase.print} returnSeconds={board?.office.kioskReturnSeconds ?? KIOSK_RETURN_SECONDS} onDone={backToStart} />
        ) : (
          <ErrorScreen message={phase.message} code={phase.code} onBack={backToStart} />
        )}
      </main>
      <MoreBelow />
      {exiting && <ExitKioskDialog onClose={() => setExiting(false)} />}
    </div>
  );
}

function StartScreen({
  scan,
  services,
  loadError,
  waitingBy,
  priority,
  busy,
  onTake,
  onPriority,
  onCancelPriority,
}: {
  services: Service[] | null;
  loadError: string | null;
  waitingBy: Map<number, number>;
  priority: PriorityReason | null;
  busy: number | null;
  onTake: (s: Service) => void;
  onPriority: () => void;
  onCancelPriority: () => void;
  scan?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="kiosk-start" aria-labelledby="kiosk-title">
      <div className="kiosk-start__intro">
        <h1 id="kiosk-title">{t('kiosk.title')}</h1>
        <p>{priority ? t('kiosk.choosePriorityService') : t('kiosk.chooseService')}</p>
      </div>
      {!priority && scan}

      {priority && (
        <div className="kiosk-prio-ribbon" role="status">
          <PriorityIcon reason={priority} className="kiosk-prio-ribbon__icon" />
          <div className="kiosk-prio-ribbon__text">
            <strong>{t('kiosk.priorityTicket')}</strong>
            <span>{t(`priority.${priority}`)}</span>
          </div>
          <button type="button" className="btn btn--ghost btn--lg" onClick={onCancelPriority}>
            {t('kiosk.cancelPriority')}
          </button>
        </div>
      )}

      {services === null && !loadError && <p className="kiosk-note">{t('kiosk.loading')}</p>}
      {loadError && services === null && (
        <div className="kiosk-note kiosk-note--warn" role="alert">
          <strong>{t('kiosk.unavailableTitle')}</strong>
          <span>{loadError}</span>
          <span>{t('kiosk.unavailableHint')}</span>
        </div>
      )}
      {services !== null && services.length === 0 && <p className="kiosk-note">{t('kiosk.noServices')}</p>}

      {services !== null && services.length > 0 && (
        <ul className={`kiosk-services kiosk-services--n${Math.min(services.length, 9)}${priority ? ' is-priority' : ''}`}>
          {services.map((s) => {
            const waiting = waitingBy.get(s.id);
            return (
              <li key={s.id}>
                <button type="button" className="kiosk-service" onClick={() => onTake(s)} disabled={busy !== null} aria-busy={busy === s.id}>
                  <span className="kiosk-service__prefix" aria-hidden="true">
                    {s.prefix}
                  </span>
                  <span className="kiosk-service__name">{localized(s, lang)}</span>
                  {waiting !== undefined && (
                    <span className="kiosk-service__waiting" aria-hidden="true">
                      <span className="kiosk-service__waiting-n">{waiting}</span>
                      <span className="kiosk-service__waiting-l">{t('kiosk.waitingShort')}</span>
                    </span>
                  )}
                  <span className="kiosk-service__go" aria-hidden="true">
                    ›
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {!priority && services !== null && services.length > 0 && (
        <button type="button" className="kiosk-priority-cta" onClick={onPriority} aria-labelledby="kiosk-prio-cta-name" aria-describedby="kiosk-prio-cta-desc">
          <span className="kiosk-priority-cta__icons" aria-hidden="true">
            {PRIORITY_REASONS.map((r) => (
              <PriorityIcon key={r} reason={r} />
            ))}
          </span>
          <span className="kiosk-priority-cta__text">
            <strong id="kiosk-prio-cta-name">{t('kiosk.priorityButton')}</strong>
            <span id="kiosk-prio-cta-desc">{t('kiosk.priorityWho')}</span>
          </span>
          <span className="kiosk-service__go" aria-hidden="true">
            ›
          </span>
        </button>
      )}
    </section>
  );
}

function PriorityStep({ onChoose, onBack }: { onChoose: (r: PriorityReason) => void; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-priority" aria-labelledby="kiosk-priority-title">
      <div className="kiosk-start__intro">
        <h1 id="kiosk-priority-title">{t('kiosk.priorityTitle')}</h1>
        <p>{t('kiosk.priorityLead')}</p>
      </div>
      <ul className="kiosk-priority__grid">
        {PRIORITY_REASONS.map((r) => (
          <li key={r}>
            <button type="button" className="kiosk-reason" onClick={() => onChoose(r)}>
              <PriorityIcon reason={r} className="kiosk-reason__icon" />
              <span>{t(`priority.${r}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="kiosk-priority__note">{t('kiosk.priorityNote')}</p>
      <button type="button" className="btn btn--ghost btn--xl kiosk-back" onClick={onBack}>
        <span aria-hidden="true">‹ </span>
        {t('common.back')}
      </button>
    </section>
  );
}


function TicketScreen({
  issued,
  print,
  returnSeconds,
  onDone,
}: {
  issued: IssuedTicket;
  /** null while the print is on its way. */
  print: PrintOutcome | null;
  returnSeconds: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const left = useCountdown(returnSeconds, onDone);
  const { ticket } = issued;
  const turn = turnTexts(issued, t);
  return (
    <section className="kiosk-ticket" aria-labelledby="kiosk-ticket-label">
      <div className="kiosk-ticket__center">
        <div className="kiosk-ticket__card">
          <p id="kiosk-ticket-label" className="kiosk-ticket__label">
            {t('kiosk.yourNumber')}
          </p>
          <TicketNumber number={ticket.number} className="kiosk-ticket__number" />
          <p className="kiosk-ticket__service">{localized({ nameVi: ticket.serviceNameVi, nameEn: ticket.serviceNameEn }, lang)}</p>
          {ticket.priority && (
            <p className="kiosk-ticket__prio">
              <PriorityIcon reason={ticket.priority} />
              {t('kiosk.priorityTicket')} · {t(`priority.${ticket.priority}`)}
            </p>
          )}
          <ul className="kiosk-ticket__facts">
            <li>
              <FactIcon kind="people" />
              <span>{turn.ahead}</span>
            </li>
            {turn.wait && (
              <li>
                <FactIcon kind="clock" />
                <span>{turn.wait}</span>
              </li>
            )}
          </ul>
          <PrintStatus print={print} />
        </div>
      </div>
      <div className="kiosk-ticket__done">
        <p className="kiosk-ticket__hint">{t('kiosk.watchScreen')}</p>
        <button type="button" className="btn btn--primary btn--xl" onClick={onDone}>
          {t('kiosk.done')}
        </button>
        <p className="kiosk-ticket__countdown" aria-live="off">
          {t('kiosk.returning', { count: left })}
        </p>
        <div className="kiosk-ticket__bar" aria-hidden="true">
          <span style={{ transform: `scaleX(${left / returnSeconds})` }} />
        </div>
      </div>
    </section>
  );
}

/** What is known about the paper: on its way, taken by the spooler, a browser dialog, or the printer's error. */
function PrintStatus({ print }: { print: PrintOutcome | null }) {
  const { t } = useTranslation();
  const state = print === null ? 'printing' : !print.ok ? 'failed' : print.mode === 'dialog' ? 'dialog' : print.mode === 'skipped' ? 'none' : 'sent';
  const reason = print && !print.ok ? print.message.trim().replace(/([^.!?…])$/, '$1.') : '';
  return (
    <p className={`kiosk-ticket__print kiosk-ticket__print--${state}`} role="status">
      {t(`kiosk.print.${state}`, { reason })}
    </p>
  );
}

function FactIcon({ kind }: { kind: 'people' | 'clock' }) {
  return (
    <svg className="kiosk-ticket__fact-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      {kind === 'people' ? (
        <g fill="currentColor">
          <circle cx="17" cy="15" r="6" />
          <path d="M6 37c0-7 5-12 11-12s11 5 11 12z" />
          <circle cx="33" cy="17" r="5" opacity="0.6" />
          <path d="M30 26.5c1-.3 2-.5 3-.5 5 0 9 4.5 9 11H31c0-4-.4-7.6-1-10.5z" opacity="0.6" />
        </g>
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round">
          <circle cx="24" cy="24" r="16" />
          <path d="M24 14v10l7 5" />
        </g>
      )}
    </svg>
  );
}

function ErrorScreen({ message, code, onBack }: { message: string; code: string | null; onBack: () => void }) {
  const { t } = useTranslation();
  const left = useCountdown(ERROR_RETURN_SECONDS, onBack);
  return (
    <section className="kiosk-error" role="alert" aria-labelledby="kiosk-error-title">
      <div className="kiosk-error__icon" aria-hidden="true">
        i
      </div>
      <h1 id="kiosk-error-title">{t('kiosk.errorTitle')}</h1>
      <p className="kiosk-error__msg">{message}</p>
      {code !== 'SERVICE_INACTIVE' && code !== 'UNKNOWN_SERVICE' && (
        <p className="kiosk-error__hint">{code === 'HUB_UNREACHABLE' ? t('kiosk.errorHintOffline') : t('kiosk.errorHint')}</p>
      )}
      <button type="button" className="btn btn--primary btn--xl" onClick={onBack}>
        {t('common.back')}
      </button>
      <p className="kiosk-ticket__countdown">{t('kiosk.returning', { count: left })}</p>
    </section>
  );
}
