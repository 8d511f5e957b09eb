import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './display.css';
import { getDeviceToken, setDeviceToken } from '../app/auth';
import { audioBlocked, audioContext, enableAudio, playChime } from '../app/chime';
import { useVoiceCalls } from './useVoiceCalls';
import { lobbyCalls } from './lobbyCalls';
import { counterSubtitle, localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { useHubEvents } from '../app/useHubEvents';
import { Clock } from '../components/Clock';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { LangSwitch } from '../components/LangSwitch';
import { PairingScreen } from '../components/PairingScreen';
import { TicketNumber } from '../components/TicketNumber';
import type { CallEvent, DisplayState } from '../../shared/api';

/** How long a fresh call stays highlighted. */
export const HIGHLIGHT_MS = 10_000;
/** After a call has been spoken its row stays highlighted this long. */
export const AFTER_SPEECH_MS = 4_000;

export default function DisplayApp() {
  const [token, setToken] = useState(getDeviceToken);
  const unpair = useCallback(() => {
    setDeviceToken(null);
    setToken(null);
  }, []);
  if (!token) return <PairingScreen expectedRole="display" onPaired={setToken} variant="dark" />;
  return <Display key={token} token={token} onUnauthorized={unpair} />;
}

interface Highlight {
  ticketNumber: string;
  counterId: number;
  counterNumber: number;
  until: number;
  seq: number;
}

function useSound() {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    // Create the AudioContext at start: Electron allows autoplay, so it runs at once there.
    const c = audioContext();
    if (!c) return;
    const sync = () => setBlocked(c.state !== 'running');
    c.addEventListener('statechange', sync);
    const first = setTimeout(sync, 0);
    // Some browsers start it suspended and allow resume() without a gesture.
    if (c.state !== 'running') void c.resume().catch(() => undefined).finally(sync);
    return () => {
      clearTimeout(first);
      c.removeEventListener('statechange', sync);
    };
  }, []);
  const enable = useCallback(async () => {
    await enableAudio();
    setBlocked(audioBlocked());
    playChime(0.25);
  }, []);
  return { blocked, enable };
}

function Display({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const { blocked, enable } = useSound();

  // The board highlights a call while it is announced (chime and voice, one call at a time), and a moment after.
  const { announce, speaking, pending } = useVoiceCalls(token, {
    onStart: (c) => setHighlight((h) => ({ ticketNumber: c.ticketNumber, counterId: c.counterId, counterNumber: c.counterNumber, until: Date.now() + 120_000, seq: (h?.seq ?? 0) + 1 })),
    onEnd: (c, spoken) => setHighlight((h) => (h && h.counterId === c.counterId && h.ticketNumber === c.ticketNumber ? { ...h, until: Date.now() + (spoken ? AFTER_SPEECH_MS : HIGHLIGHT_MS) } : h)),
  });
  const onCall = useCallback((c: CallEvent) => announce(c), [announce]);
  const { board, status } = useHubEvents(token, { onCall, onUnauthorized });

  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(null), Math.max(0, highlight.until - Date.now()));
    return () => clearTimeout(timer);
  }, [highlight]);

  return (
    <div className={`display${status === 'lost' ? ' is-lost' : ''}`}>
      <header className="display__head">
        <div className="display__office">
          <span className="display__kicker">{t('display.kicker')}</span>
          <span className="display__office-name">{board?.office.name ?? ' '}</span>
        </div>
        {blocked && (
          <button type="button" className="display__sound" onClick={() => void enable()}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M3 9v6h4l5 4V5L7 9H3z" />
            <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />
          </svg>
          {t('display.enableSound')}
          </button>
        )}
        <Clock timeZone={board?.office.timeZone} className="display__clock" />
        <LangSwitch />
      </header>
      <ConnectionBanner status={status} size="huge" />
      {board ? (
        <main className="display__body">
          <CountersTable board={board} highlight={highlight} speaking={speaking} lang={lang} />
          <aside className="display__side">
            <LastCalls board={board} highlight={highlight} speaking={speaking} pending={pending} />
            <Waiting board={board} lang={lang} />
          </aside>
        </main>
      ) : (
        <main className="display__body display__body--empty">
          <p className="display__connecting">{status === 'lost' ? t('connection.lost') : t('display.connecting')}</p>
        </main>
      )}
    </div>
  );
}

function CountersTable({ board, highlight, speaking, lang }: { board: DisplayState; highlight: Highlight | null; speaking: CallEvent | null; lang: 'vi' | 'en' }) {
  const { t } = useTranslation();
  const counters = [...board.counters].sort((a, b) => a.number - b.number);
  const dense = counters.length > 8;
  return (
    <section className={`display-counters${dense ? ' is-dense' : ''}`} aria-labelledby="display-counters-title">
      <h2 id="display-counters-title" className="visually-hidden">
        {t('display.countersTitle')}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('display.counter')}</th>
            <th scope="col">{t('display.number')}</th>
            <th scope="col">{t('display.service')}</th>
          </tr>
        </thead>
        <tbody style={{ ['--rows' as string]: String(Math.max(counters.length, 4)) }}>
          {counters.map((c) => {
            const hot = highlight && highlight.counterId === c.id;
            // The row being spoken shows the number being spoken, even if the board is a moment behind or ahead.
            const speakingHere = speaking?.counterId === c.id;
            const ticketNumber = speakingHere ? speaking.ticketNumber : c.ticketNumber;
            const state = !c.open ? 'closed' : c.paused ? 'paused' : ticketNumber ? (speakingHere ? 'called' : (c.ticketStatus ?? 'serving')) : 'idle';
            return (
              <tr key={c.id} className={`display-counter display-counter--${state}${hot ? ' is-hot' : ''}`} data-seq={hot ? highlight.seq : undefined} data-speaking={speakingHere ? 'true' : undefined}>
                <th scope="row">
                  <span className="display-counter__no">{t('display.counterN', { n: c.number })}</span>
                  {counterSubtitle(c.number, c.name) && <span className="display-counter__name">{c.name}</span>}
                </th>
                <td className="display-counter__ticket">
                  {state === 'closed' ? (
                    <span className="display-counter__state">{t('display.closed')}</span>
                  ) : state === 'paused' ? (
                    <span className="display-counter__state">{t('display.paused')}</span>
                  ) : ticketNumber ? (
                    <TicketNumber number={ticketNumber} key={hot ? `hot-${highlight.seq}` : 'n'} />
                  ) : (
                    <span className="display-counter__state display-counter__state--idle">—</span>
                  )}
                </td>
                <td className="display-counter__service">
                  {ticketNumber && c.open && !c.paused ? (
                    <>
                      <span>{localized(speakingHere ? { nameVi: speaking.serviceNameVi, nameEn: speaking.serviceNameEn } : { nameVi: c.serviceNameVi ?? '', nameEn: c.serviceNameEn ?? '' }, lang)}</span>
                      {state === 'called' && <span className="display-counter__badge">{t('display.calling')}</span>}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
          {counters.length === 0 && (
            <tr>
              <td colSpan={3} className="display-counters__empty">
                {t('display.noCounters')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The big "Xin mời số" card and the last calls: the call being spoken, never one still waiting for its voice (lobbyCalls.ts). */
function LastCalls({ board, highlight, speaking, pending }: { board: DisplayState; highlight: Highlight | null; speaking: CallEvent | null; pending: CallEvent[] }) {
  const { t } = useTranslation();
  const { featured: first, rest } = lobbyCalls(board.lastCalls, speaking, pending);
  const firstHot = !!first && !!highlight && highlight.ticketNumber === first.ticketNumber && highlight.counterNumber === first.counterNumber;
  return (
    <section className="display-calls" aria-labelledby="display-calls-title">
      <h2 id="display-calls-title">{t('display.lastCalls')}</h2>
      {first ? (
        <div
          className={`display-calls__latest${firstHot ? ' is-hot' : ''}`}
          key={firstHot ? `hot-${highlight.seq}` : 'latest'}
          aria-live="polite"
          data-speaking={speaking && speaking.ticketNumber === first.ticketNumber && speaking.counterNumber === first.counterNumber ? 'true' : undefined}
        >
          <span className="display-calls__invite">{t('display.invite')}</span>
          <TicketNumber number={first.ticketNumber} className="display-calls__number" />
          <span className="display-calls__arrow" aria-hidden="true">
            ➜
          </span>
          <span className="display-calls__to" aria-label={t('display.counterN', { n: first.counterNumber })}>
            <span className="display-calls__to-label" aria-hidden="true">
              {t('display.counter')}
            </span>
            <span className="display-calls__to-n" aria-hidden="true">
              {first.counterNumber}
            </span>
          </span>
        </div>
      ) : (
        <p className="display-calls__none">{t('display.noCalls')}</p>
      )}
      {rest.length > 0 && (
        <ol className="display-calls__list">
          {rest.map((c) => (
            <li key={`${c.ticketNumber}-${c.at}`}>
              <TicketNumber number={c.ticketNumber} />
              <span className="display-calls__to-small">{t('display.counterN', { n: c.counterNumber })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Waiting({ board, lang }: { board: DisplayState; lang: 'vi' | 'en' }) {
  const { t } = useTranslation();
  if (board.waiting.length === 0) return null;
  return (
    <section className="display-waiting" aria-labelledby="display-waiting-title">
      <h2 id="display-waiting-title">{t('display.waiting')}</h2>
      <ul>
        {board.waiting.map((w) => (
          <li key={w.serviceId}>
            <span className="display-waiting__prefix">{w.prefix}</span>
            <span className="display-waiting__name">{localized(w, lang)}</span>
            <span className="display-waiting__n">{w.waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
