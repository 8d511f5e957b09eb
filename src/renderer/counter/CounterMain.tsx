import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReprintTicket } from './ReprintTicket';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { StoredClerk } from '../app/auth';
import type { Logout } from '../app/useClerkSession';
import { errorCode, errorText } from '../app/errors';
import { counterSubtitle, localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { useHubEvents } from '../app/useHubEvents';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { CounterAlerts } from '../supervisor/AlertsBanner';
import { TicketNumber } from '../components/TicketNumber';
import { WalkInDialog } from '../components/WalkInDialog';
import { Modal } from '../components/Modal';
import { ServiceChoices } from '../components/ServiceChoices';
import { isAtCounter } from '../../shared/domain';
import { availableActions } from './actions';
import { DossierWorkspace, type DossierView } from './dossiers/DossierWorkspace';
import { TopBar } from './TopBar';
import type { CounterState, Service, Ticket } from '../../shared/api';

/** The seated clerk's screen: the ticket being served and its actions, the queue, the dossier tab. */
type Action = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pause' | 'requeue';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function CounterMain({
  token,
  clerk,
  counterId,
  services,
  onChangeCounter,
  onLogout,
  handleAuth,
}: {
  token: string;
  clerk: StoredClerk;
  counterId: number;
  services: Service[];
  onChangeCounter: () => void;
  onLogout: Logout;
  handleAuth: (err: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [state, setState] = useState<CounterState | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [toast, setToast] = useState<{ text: string; kind: 'error' | 'info'; id: number } | null>(null);
  const [dialog, setDialog] = useState<'transfer' | 'walkin' | null>(null);
  const [lastNoShow, setLastNoShow] = useState<Ticket | null>(null);
  const [mode, setMode] = useState<'queue' | 'dossiers'>('queue');
  const [dossierView, setDossierView] = useState<DossierView>({ kind: 'empty' });

  const fail = useCallback(
    (err: unknown) => {
      if (handleAuth(err)) return;
      const code = errorCode(err);
      if (code === 'COUNTER_NOT_OPEN' || code === 'UNKNOWN_COUNTER') {
        onChangeCounter();
        return;
      }
      setToast({ text: errorText(err), kind: 'error', id: Date.now() });
    },
    [handleAuth, onChangeCounter],
  );

  const refresh = useCallback(() => {
    api('counterState', { params: { id: counterId } })
      .then((s) => {
        if (s.counter.clerkId !== null && s.counter.clerkId !== clerk.id) {
          // Someone else sits here now.
          onChangeCounter();
          return;
        }
        setState(s);
      })
      .catch(fail);
  }, [counterId, clerk.id, fail, onChangeCounter]);
  useEffect(refresh, [refresh]);
  const { status } = useHubEvents(token, { onBoard: refresh, onUnauthorized: () => void onLogout({ expired: true }) });

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toast.kind === 'error' ? 9000 : 5000);
    return () => clearTimeout(timer);
  }, [toast]);

  const can = availableActions(state);
  const cur = state?.current ?? null;

  const run = useCallback(
    async (action: Action, fn: () => Promise<CounterState | void>) => {
      if (busy) return;
      setBusy(action);
      try {
        const next = await fn();
        if (next) setState(next);
        setToast(null);
      } catch (err) {
        fail(err);
        refresh();
      } finally {
        setBusy(null);
      }
    },
    [busy, fail, refresh],
  );

  const callNext = useCallback(() => {
    if (!can.callNext) return;
    void run('callNext', () => api('callNext', { params: { id: counterId } }));
  }, [can.callNext, run, counterId]);
  const recall = useCallback(() => {
    if (!can.recall || !cur) return;
    void run('recall', () => api('recall', { params: { id: cur.id } }));
  }, [can.recall, cur, run]);

  // Keyboard: N = call next, R = recall; not while typing or with a dialog open.
  const keys = useRef({ callNext, recall, dialog, mode });
  useEffect(() => {
    keys.current = { callNext, recall, dialog, mode };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target) || keys.current.dialog || keys.current.mode !== 'queue') return;
      const k = e.key.toLowerCase();
      if (k === 'n') {
        e.preventDefault();
        keys.current.callNext();
      } else if (k === 'r') {
        e.preventDefault();
        keys.current.recall();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const counter = state?.counter;
  const served = useMemo(() => new Set(counter?.serviceIds ?? []), [counter]);
  const waitingHere = (state?.waiting ?? []).filter((w) => served.size === 0 || served.has(w.serviceId));
  const totalWaiting = waitingHere.reduce((n, w) => n + w.waiting, 0);
  const sub = counter ? counterSubtitle(counter.number, counter.name) : null;
  const title = counter ? t('display.counterN', { n: counter.number }) + (sub ? ` · ${sub}` : '') : t('counter.title');

  return (
    <div className="counter-app">
      <TopBar
        clerk={clerk}
        title={title}
        nav={
          <nav className="viewtabs" aria-label={t('counter.views')}>
            <button type="button" className={`viewtabs__tab${mode === 'queue' ? ' is-active' : ''}`} aria-pressed={mode === 'queue'} onClick={() => setMode('queue')}>
              {t('counter.tabQueue')}
            </button>
            <button type="button" className={`viewtabs__tab${mode === 'dossiers' ? ' is-active' : ''}`} aria-pressed={mode === 'dossiers'} onClick={() => setMode('dossiers')}>
              {t('counter.tabDossiers')}
            </button>
          </nav>
        }
      >
        <button type="button" className="btn btn--ghost" onClick={onChangeCounter}>
          {t('counter.changeCounter')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => void onLogout()}>
          {t('counter.logout')}
        </button>
      </TopBar>
      <ConnectionBanner status={status} />
      <CounterAlerts token={token} serviceIds={counter?.serviceIds ?? null} />
      {counter?.paused && (
        <div className="paused-strip" role="status">
          {t('counter.pausedStrip')}
        </div>
      )}
      {toast && (
        <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} key={toast.id}>
          <span>{toast.text}</span>
          <button type="button" className="toast__close" onClick={() => setToast(null)} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {mode === 'dossiers' && <DossierWorkspace view={dossierView} onView={setDossierView} onBackToQueue={() => setMode('queue')} onAuthError={handleAuth} />}
      <main className="counter-main" hidden={mode !== 'queue'}>
        <section className="current" aria-labelledby="current-title">
          <h2 id="current-title" className="panel-title">
            {t('counter.current')}
          </h2>
          {cur && isAtCounter(cur.status) ? (
            <div className={`current__ticket current__ticket--${cur.status}`}>
              <TicketNumber number={cur.number} className="current__number" />
              <div className="current__meta">
                <span className={`status-pill status-pill--${cur.status}`}>{t(`ticketStatus.${cur.status}`)}</span>
                {cur.priority && <span className="status-pill status-pill--priority">{t(`priority.${cur.priority}`)}</span>}
                <span className="current__service">{localized({ nameVi: cur.serviceNameVi, nameEn: cur.serviceNameEn }, lang)}</span>
                <span className="current__recalls">{t('counter.recalls', { count: cur.recallCount, limit: state?.settings.recallLimit ?? 0 })}</span>
                {cur.transferCount > 0 && <span className="current__recalls">{t('counter.transferred', { count: cur.transferCount })}</span>}
                <ReprintTicket ticketId={cur.id} />
              </div>
            </div>
          ) : (
            <div className="current__empty">
              <p>{state ? (counter?.paused ? t('counter.emptyPaused') : totalWaiting > 0 ? t('counter.emptyReady') : t('counter.emptyNobody')) : t('common.loading')}</p>
            </div>
          )}

          <div className="actions" role="group" aria-label={t('counter.actions')}>
            <button type="button" className="btn btn--primary btn--action btn--call" disabled={!can.callNext || busy !== null} onClick={callNext} aria-keyshortcuts="N">
              {t('counter.callNext')}
              <kbd aria-hidden="true">N</kbd>
            </button>
            <button type="button" className="btn btn--action" disabled={!can.recall || busy !== null} onClick={recall} aria-keyshortcuts="R">
              {t('counter.recall')}
              <kbd aria-hidden="true">R</kbd>
            </button>
            <button
              type="button"
              className="btn btn--action btn--go"
              disabled={!can.start || busy !== null}
              onClick={() => cur && void run('start', () => api('start', { params: { id: cur.id } }))}
            >
              {t('counter.start')}
            </button>
            <button
              type="button"
              className="btn btn--action btn--go"
              disabled={!can.finish || busy !== null}
              onClick={() => cur && void run('finish', () => api('finish', { params: { id: cur.id } }))}
            >
              {t('counter.finish')}
            </button>
            <button
              type="button"
              className="btn btn--action btn--warn"
              disabled={!can.noShow || busy !== null}
              onClick={() =>
                cur &&
                void run('noShow', async () => {
                  const s = await api('noShow', { params: { id: cur.id } });
                  setLastNoShow(cur);
                  return s;
                })
              }
            >
              {t('counter.noShow')}
            </button>
            <button type="button" className="btn btn--action" disabled={!can.transfer || busy !== null} onClick={() => setDialog('transfer')}>
              {t('counter.transfer')}
            </button>
            <button type="button" className="btn btn--action" onClick={() => setDialog('walkin')}>
              {t('counter.walkIn')}
            </button>
            <button
              type="button"
              className={`btn btn--action${counter?.paused ? ' btn--primary' : ''}`}
              disabled={!can.pause || busy !== null}
              onClick={() => void run('pause', () => api('pauseCounter', { params: { id: counterId }, body: { paused: !counter?.paused } }))}
            >
              {counter?.paused ? t('counter.resume') : t('counter.pause')}
            </button>
            <button
              type="button"
              className="btn btn--action btn--dossier"
              disabled={cur?.status !== 'serving'}
              title={t('counter.registerDossierHint')}
              onClick={() => {
                if (!cur) return;
                setDossierView({ kind: 'register', ticket: { id: cur.id, number: cur.number }, n: Date.now() });
                setMode('dossiers');
              }}
            >
              {t('counter.registerDossier')}
            </button>
          </div>

          {lastNoShow && !(cur && isAtCounter(cur.status)) && (
            <div className="requeue">
              <span>{t('counter.requeueHint', { number: lastNoShow.number })}</span>
              <button
                type="button"
                className="btn btn--ghost"
                disabled={busy !== null}
                onClick={() =>
                  void run('requeue', async () => {
                    await api('requeue', { params: { id: lastNoShow.id } });
                    setToast({ text: t('counter.requeued', { number: lastNoShow.number }), kind: 'info', id: Date.now() });
                    setLastNoShow(null);
                    refresh();
                  })
                }
              >
                {t('counter.requeue', { number: lastNoShow.number })}
              </button>
            </div>
          )}
        </section>

        <aside className="side">
          <section className="panel" aria-labelledby="waiting-title">
            <h2 id="waiting-title" className="panel-title">
              {t('counter.waitingTitle')}
            </h2>
            <ul className="waiting-list">
              {waitingHere.map((w) => (
                <li key={w.serviceId}>
                  <span className="waiting-list__prefix">{w.prefix}</span>
                  <span className="waiting-list__text">
                    <span className="waiting-list__name">{localized(w, lang)}</span>
                    {w.priorityWaiting > 0 && <span className="waiting-list__prio">{t('counter.priorityWaiting', { count: w.priorityWaiting })}</span>}
                  </span>
                  <span className="waiting-list__n" aria-label={t('counter.waitingCount', { count: w.waiting })}>
                    {w.waiting}
                  </span>
                </li>
              ))}
              {state && waitingHere.length === 0 && <li className="muted">{t('counter.noServices')}</li>}
            </ul>
            <p className="waiting-total">
              {t('counter.totalWaiting')}: <strong>{totalWaiting}</strong>
            </p>
          </section>
          <section className="panel panel--stat" aria-labelledby="served-title">
            <h2 id="served-title" className="panel-title">
              {t('counter.servedToday')}
            </h2>
            <p className="stat">{state?.servedToday ?? '–'}</p>
          </section>
        </aside>
      </main>

      {dialog === 'transfer' && cur && (
        <Modal title={t('counter.transferTitle', { number: cur.number })} onClose={() => setDialog(null)}>
          <p className="muted">{t('counter.transferLead')}</p>
          <ServiceChoices
            services={services.filter((s) => s.active && s.id !== cur.serviceId)}
            disabled={busy !== null}
            onPick={(s) => {
              setDialog(null);
              void run('transfer', () => api('transfer', { params: { id: cur.id }, body: { serviceId: s.id } }));
            }}
          />
        </Modal>
      )}
      {dialog === 'walkin' && <WalkInDialog services={services} onClose={() => setDialog(null)} onAuthError={handleAuth} />}
    </div>
  );
}
