import type { DisplayState } from './schemas';
import type { AlertsState } from './supervisor';

/**
 * Server-Sent Events on /api/v1/events. Each event's `data` is JSON.
 * - `board`: the whole public board after any change (small; the display
 *   replaces its state with it, so a missed event heals on the next one);
 * - `call`: a number was called or recalled (the display chimes and highlights);
 * - `hello`: sent first on every connection with the current board.
 */
export interface CallEvent {
  ticketId: number;
  ticketNumber: string;
  counterId: number;
  counterNumber: number;
  counterName: string;
  serviceNameVi: string;
  serviceNameEn: string;
  recall: boolean;
  at: number;
}

export interface HubEvents {
  hello: DisplayState;
  board: DisplayState;
  call: CallEvent;
  /** Supervisor alerts (thresholds crossed), after queue changes and every 30 s; nothing personal. */
  alerts: AlertsState;
}
export type HubEventName = keyof HubEvents;
export const EVENTS_PATH = '/api/v1/events';
