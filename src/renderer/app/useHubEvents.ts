/**
 * Live updates from the hub: one EventSource on /api/v1/events.
 *
 * - `hello` (first on every connection) and `board` carry the whole public
 *   board: the state is replaced, so a missed event heals on the next one.
 * - `call` is handed to `onCall` (chime, highlight).
 * - The connection counts as lost AT ONCE on an `error`, and when nothing at
 *   all has arrived for STALE_MS (the hub pings every 10 s): then the stream
 *   is closed and reopened; the `hello` of the new stream restores the state
 *   and clears the "lost" flag.
 */
import { useEffect, useRef, useState } from 'react';
import { EVENTS_PATH, type CallEvent, type DisplayState } from '../../shared/api';
import { api, isUnauthorized } from './api';

export type HubStatus = 'connecting' | 'live' | 'lost';

export const STALE_MS = 25_000;
/** After a silent reopen, how long a new stream may take to say hello before we call it lost. */
export const REOPEN_GRACE_MS = 4_000;

export interface HubEventsOptions {
  onCall?: (event: CallEvent) => void;
  onBoard?: (board: DisplayState) => void;
  /** The hub refused the token (401): pair or log in again. */
  onUnauthorized?: () => void;
}

export interface HubEventsState {
  board: DisplayState | null;
  status: HubStatus;
}

export function eventsUrl(token: string): string {
  return `${EVENTS_PATH}?access_token=${encodeURIComponent(token)}`;
}

function parse<T>(ev: Event): T | null {
  try {
    return JSON.parse((ev as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

export function useHubEvents(token: string | null, options: HubEventsOptions = {}): HubEventsState {
  const [board, setBoard] = useState<DisplayState | null>(null);
  const [status, setStatus] = useState<HubStatus>('connecting');
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  useEffect(() => {
    if (!token) return;
    let es: EventSource | null = null;
    let disposed = false;
    let staleTimer: ReturnType<typeof setTimeout> | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const alive = () => {
      failures = 0;
      clearTimeout(graceTimer);
      graceTimer = undefined;
      setStatus('live');
      armStale();
    };
    const armStale = () => {
      clearTimeout(staleTimer);
      staleTimer = setTimeout(() => {
        // Silence: the link may be half-open (cable pulled). Reopen quietly; if the
        // new stream says nothing soon either, the hub is lost.
        clearTimeout(graceTimer);
        graceTimer = setTimeout(() => setStatus('lost'), REOPEN_GRACE_MS);
        open();
      }, STALE_MS);
    };

    const checkAuth = () => {
      api('me', { token })
        .then(() => undefined)
        .catch((err: unknown) => {
          if (!disposed && isUnauthorized(err)) opts.current.onUnauthorized?.();
        });
    };

    const onBoard = (ev: Event) => {
      const b = parse<DisplayState>(ev);
      alive();
      if (b) {
        setBoard(b);
        opts.current.onBoard?.(b);
      }
    };
    const onCall = (ev: Event) => {
      const c = parse<CallEvent>(ev);
      alive();
      if (c) opts.current.onCall?.(c);
    };

    function open() {
      es?.close();
      if (disposed) return;
      const source = new EventSource(eventsUrl(token!));
      es = source;
      source.addEventListener('open', alive);
      source.addEventListener('hello', onBoard);
      source.addEventListener('board', onBoard);
      source.addEventListener('call', onCall);
      source.addEventListener('ping', alive);
      source.addEventListener('message', alive);
      source.addEventListener('error', () => {
        if (es !== source) return;
        setStatus('lost');
        clearTimeout(graceTimer);
        armStale();
        if (source.readyState === EventSource.CLOSED) {
          // The browser gave up (an HTTP error, e.g. 401): find out why and retry ourselves.
          failures++;
          checkAuth();
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(open, Math.min(2000 * failures, 10_000));
        }
      });
    }

    open();
    armStale();
    return () => {
      disposed = true;
      clearTimeout(staleTimer);
      clearTimeout(graceTimer);
      clearTimeout(reopenTimer);
      es?.close();
    };
  }, [token]);

  return { board, status };
}
