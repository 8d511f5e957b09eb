import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_CRITERIA, RATING_LEVELS, scoreOfOption, type CriterionScore, type RatingLevel } from '../../shared/domain';
import type { DisplayState, RatingPrompt } from '../../shared/api';
import { api, HubUnreachableError, isUnauthorized } from '../app/api';
import { getDeviceToken, setDeviceToken } from '../app/auth';
import { currentLanguage } from '../app/i18n';
import { LangSwitch } from '../components/LangSwitch';
import { PairingScreen } from '../components/PairingScreen';
import './rating.css';

const COUNTER_KEY = 'motcua.rateCounterId';
const POLL_MS = 2000;
const THANKS_MS = 4000;
/** A notice (a refused or replaced rating) stays this long, or until the next tap on a level. */
const NOTICE_MS = 10_000;

/**
 * The counter this screen stands at: `?counter=<id>` once, then remembered. There is no button to
 * change it on the screen (a citizen uses it): open `/rate?counter=<id>` again, or the picker shows
 * when the counter is gone.
 */
function initialCounter(): number | null {
  const q = Number(new URLSearchParams(window.location.search).get('counter'));
  if (Number.isInteger(q) && q > 0) {
    window.localStorage.setItem(COUNTER_KEY, String(q));
    return q;
  }
  const v = Number(window.localStorage.getItem(COUNTER_KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

/**
 * /rate: the citizen rates the service, on a small screen or tablet at the
 * counter (paired as a counter device) or on the kiosk. It asks the hub every
 * 2 s what may be rated at its counter (a ticket just finished, a result just
 * handed back); the hub decides, so the tablet cannot rate anything else. No
 * name, ID or phone is ever shown: the counter and the ticket number only.
 *
 * It always shows what the hub offers now: a newer service at the counter
 * replaces the question on screen, and a question the hub no longer offers goes
 * away unless the citizen is answering it. A rating the hub refuses is never
 * dropped in silence: the citizen is told it expired (or was already given), and
 * the current question, if any, is shown.
 */
export default function RatingApp() {
  const [token, setToken] = useState(getDeviceToken);
  const [counterId, setCounterId] = useState(initialCounter);
  if (!token) return <PairingScreen expectedRole="counter" onPaired={setToken} />;
  if (counterId === null)
    return (
      <CounterPicker
        token={token}
        onPick={(id) => {
          window.localStorage.setItem(COUNTER_KEY, String(id));
          setCounterId(id);
        }}
        onUnauthorized={() => {
          setDeviceToken(null);
          setToken(null);
        }}
      />
    );
  return (
    <RatingFlow
      counterId={counterId}
      onChangeCounter={() => {
        window.localStorage.removeItem(COUNTER_KEY);
        setCounterId(null);
      }}
      onUnauthorized={() => {
        setDeviceToken(null);
        setToken(null);
      }}
    />
  );
}

function CounterPicker({ token, onPick, onUnauthorized }: { token: string; onPick: (id: number) => void; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const [board, setBoard] = useState<DisplayState | null>(null);
  useEffect(() => {
    api('display', { token })
      .then(setBoard)
      .catch((err: unknown) => isUnauthorized(err) && onUnauthorized());
  }, [token, onUnauthorized]);
  return (
    <main className="rate rate--pick">
      <div className="rate__top">
        <LangSwitch size="large" />
      </div>
      <h1 className="rate__title">{t('rating.chooseCounter')}</h1>
      <div className="rate__counters">
        {board?.counters.map((c) => (
          <button key={c.id} type="button" className="rate__counter" onClick={() => onPick(c.id)}>
            {t('rating.counterN', { n: c.number })}
          </button>
        ))}
      </div>
    </main>
  );
}

type Offered = NonNullable<RatingPrompt['prompt']>;
type Notice = { kind: 'already_rated' } | { kind: 'expired'; number: string | null };
const expiredNotice = (p: Offered): Notice => ({ kind: 'expired', number: p.ticketNumber });
type Stage = { kind: 'welcome' } | { kind: 'ask'; prompt: Offered } | { kind: 'criteria'; prompt: Offered; level: RatingLevel } | { kind: 'thanks' };

function RatingFlow({ counterId, onChangeCounter, onUnauthorized }: { counterId: number; onChangeCounter: () => void; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'welcome' });
  const [settings, setSettings] = useState<{ criteria: boolean; idleSeconds: number }>({ criteria: false, idleSeconds: 30 });
  const [lost, setLost] = useState(false);
  const [failed, setFailed] = useState(false);
  const [scores, setScores] = useState<Record<string, CriterionScore>>({});
  const [counterNumber, setCounterNumber] = useState<number | null>(null);
  const [lastTouch, setLastTouch] = useState(() => Date.now());
  // What the notice says, not its words: a language switch while it shows retranslates it.
  const [notice, setNotice] = useState<Notice | null>(null);
  /** Keys the citizen skipped or let time out: not asked again. */
  const dismissed = useRef(new Set<string>());
  const stageRef = useRef(stage);
  stageRef.current = stage;

  const poll = useCallback(() => {
    api('ratingPrompt', { query: { counterId } })
      .then((p) => {
        setLost(false);
        setSettings({ criteria: p.criteria, idleSeconds: p.idleSeconds });
        const cur = stageRef.current;
        const offered = p.prompt && !dismissed.current.has(p.prompt.key) ? p.prompt : null;
        const ask = (prompt: Offered) => {
          setScores({});
          setFailed(false);
          setLastTouch(Date.now());
          setStage({ kind: 'ask', prompt });
        };
        if (cur.kind === 'welcome') {
          if (offered) ask(offered);
        } else if (cur.kind === 'ask' || cur.kind === 'criteria') {
          if (offered && offered.key !== cur.prompt.key) {
            // The next citizen's service ended: theirs is the question now; the old one is gone on the hub too.
            setNotice(expiredNotice(cur.prompt));
            ask(offered);
          } else if (!p.prompt && cur.kind === 'ask') {
            // No longer offered (its time passed); someone answering the criteria may still finish.
            setStage({ kind: 'welcome' });
          }
        }
        setCounterNumber(p.counterNumber);
      })
      .catch((err: unknown) => {
        if (isUnauthorized(err)) onUnauthorized();
        else if (err instanceof HubUnreachableError) setLost(true);
        else if ((err as { code?: string }).code === 'UNKNOWN_COUNTER') onChangeCounter();
      });
  }, [counterId, onUnauthorized, onChangeCounter]);
  useEffect(() => {
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  // Idle return: a question nobody answers goes away, and is not asked again.
  useEffect(() => {
    if (stage.kind !== 'ask' && stage.kind !== 'criteria') return;
    const timer = setTimeout(() => {
      dismissed.current.add(stage.prompt.key);
      setStage({ kind: 'welcome' });
    }, Math.max(0, lastTouch + settings.idleSeconds * 1000 - Date.now()));
    return () => clearTimeout(timer);
  }, [stage, lastTouch, settings.idleSeconds]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    if (stage.kind !== 'thanks') return;
    const timer = setTimeout(() => setStage({ kind: 'welcome' }), THANKS_MS);
    return () => clearTimeout(timer);
  }, [stage]);

  const send = async (prompt: Offered, level: RatingLevel, criteria: Record<string, CriterionScore> | null) => {
    setFailed(false);
    try {
      await api('submitRating', { body: { counterId, key: prompt.key, level, ...(criteria ? { criteria } : {}) } });
      dismissed.current.add(prompt.key);
      setStage({ kind: 'thanks' });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ALREADY_RATED' || code === 'RATING_EXPIRED' || code === 'RATING_NOT_OPEN') {
        // Refused for good: say so, and ask the hub at once what may be rated now.
        dismissed.current.add(prompt.key);
        setNotice(code === 'ALREADY_RATED' ? { kind: 'already_rated' } : expiredNotice(prompt));
        setStage({ kind: 'welcome' });
        poll();
      } else setFailed(true);
    }
  };
  const choose = (level: RatingLevel) => {
    if (stage.kind !== 'ask') return;
    setLastTouch(Date.now());
    setNotice(null);
    if (settings.criteria) setStage({ kind: 'criteria', prompt: stage.prompt, level });
    else void send(stage.prompt, level, null);
  };
  const complete = RATING_CRITERIA.every((c) => c.key in scores);

  return (
    <main className={`rate rate--${stage.kind}`} onPointerDown={() => setLastTouch(Date.now())}>
      <div className="rate__top">
        {counterNumber !== null && <span className="rate__where">{t('rating.counterN', { n: counterNumber })}</span>}
        <LangSwitch size="large" />
      </div>
      {lost && (
        <div className="rate__lost" role="alert">
          {t('rating.lost')}
        </div>
      )}
      {notice && (
        <div className="rate__notice" role="alert">
          <p>{notice.kind === 'already_rated' ? t('rating.alreadyRated') : notice.number ? t('rating.expired', { number: notice.number }) : t('rating.expiredVisit')}</p>
          {stage.kind === 'ask' && <p className="rate__notice-next">{t('rating.rateCurrent')}</p>}
        </div>
      )}
      {stage.kind === 'welcome' && (
        <section className="rate__welcome">
          <h1 className="rate__title">{t('rating.welcomeTitle')}</h1>
          <p className="rate__lead">{t('rating.welcomeText')}</p>
        </section>
      )}
      {stage.kind === 'ask' && (
        <section className="rate__ask" aria-labelledby="rate-q">
          <p className="rate__subject">{stage.prompt.ticketNumber ? t('rating.ticket', { number: stage.prompt.ticketNumber }) : t('rating.dossier')}</p>
          <h1 id="rate-q" className="rate__title">
            {t('rating.question', { counter: stage.prompt.counterNumber })}
          </h1>
          <div className="rate__levels">
            {RATING_LEVELS.map((l) => (
              <button key={l} type="button" className={`rate__level rate__level--${l}`} onClick={() => choose(l)}>
                <Face level={l} />
                <span>{t(`supervisor.levels.${l}`)}</span>
              </button>
            ))}
          </div>
          {failed && (
            <p className="rate__failed" role="alert">
              {t('rating.failed')}
            </p>
          )}
          <button
            type="button"
            className="rate__skip"
            onClick={() => {
              dismissed.current.add(stage.prompt.key);
              setStage({ kind: 'welcome' });
            }}
          >
            {t('rating.skip')}
          </button>
        </section>
      )}
      {stage.kind === 'criteria' && (
        <section className="rate__criteria" aria-labelledby="rate-c">
          <h1 id="rate-c" className="rate__title rate__title--small">
            {t('rating.criteriaTitle')}
          </h1>
          {RATING_CRITERIA.map((c) => (
            <fieldset key={c.key} className="rate__criterion">
              <legend>{c[currentLanguage()]}</legend>
              <div className="rate__options">
                {c.options.map((o, i) => {
                  const score = scoreOfOption(i as 0 | 1 | 2);
                  return (
                    <button key={i} type="button" aria-pressed={scores[c.key] === score} className={`rate__option${scores[c.key] === score ? ' is-on' : ''}`} onClick={() => setScores({ ...scores, [c.key]: score })}>
                      {o[currentLanguage()]}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ))}
          {failed && (
            <p className="rate__failed" role="alert">
              {t('rating.failed')}
            </p>
          )}
          <div className="rate__actions">
            <button type="button" className="rate__skip" onClick={() => void send(stage.prompt, stage.level, null)}>
              {t('rating.skip')}
            </button>
            <button type="button" className="rate__send" disabled={!complete} onClick={() => void send(stage.prompt, stage.level, scores)}>
              {t('rating.send')}
            </button>
          </div>
        </section>
      )}
      {stage.kind === 'thanks' && (
        <section className="rate__thanks" role="status">
          <Face level="very_satisfied" />
          <h1 className="rate__title">{t('rating.thanks')}</h1>
          <p className="rate__lead">{t('rating.thanksText')}</p>
        </section>
      )}
    </main>
  );
}

/** A drawn face per level (decorative: the label says it). */
function Face({ level }: { level: RatingLevel }) {
  const mouth = level === 'very_satisfied' ? 'M30 58 Q50 80 70 58' : level === 'satisfied' ? 'M32 62 Q50 70 68 62' : 'M32 70 Q50 54 68 70';
  return (
    <svg className="rate__face" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="44" fill="currentColor" opacity="0.14" />
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="6" fill="currentColor" />
      <circle cx="65" cy="40" r="6" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
