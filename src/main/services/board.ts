import type { DisplayState, Office, WaitingCount } from '../../shared/api';
import type { Store } from '../db/store';
import type { Clock } from './clock';

const LAST_CALLS = 8;

export function officeInfo(store: Store, clock: Clock): Office {
  const o = store.settings.office();
  return { name: o.name, agencyCode: o.agencyCode, timeZone: clock.timeZone, officeDay: clock.officeDay(), kioskReturnSeconds: store.settings.queue().kioskReturnSeconds };
}

/** Waiting counts of every active service today (zero included, so a screen can list them all). */
export function waitingCounts(store: Store, clock: Clock, serviceIds?: readonly number[]): WaitingCount[] {
  const counts = new Map(store.tickets.waitingCounts(clock.officeDay()).map((r) => [r.service_id, r]));
  return store.services
    .active()
    .filter((s) => !serviceIds || serviceIds.includes(s.id))
    .map((s) => ({
      serviceId: s.id,
      nameVi: s.nameVi,
      nameEn: s.nameEn,
      prefix: s.prefix,
      waiting: counts.get(s.id)?.waiting ?? 0,
      priorityWaiting: counts.get(s.id)?.priority_waiting ?? 0,
    }));
}

/** The public board: numbers and counters only, never a person (CHECKLISTS.md, kiosk UX). */
export function displayState(store: Store, clock: Clock): DisplayState {
  const now = clock.now();
  const day = clock.officeDay();
  const current = new Map(store.tickets.currentAtCounters(day).map((t) => [t.counterId, t]));
  return {
    office: officeInfo(store, clock),
    counters: store.counters
      .list()
      .filter((c) => c.active)
      .map((c) => {
        const t = current.get(c.id);
        return {
          id: c.id,
          number: c.number,
          name: c.name,
          paused: c.paused,
          open: c.clerkId !== null,
          ticketNumber: t?.number ?? null,
          ticketStatus: t?.status ?? null,
          serviceNameVi: t?.serviceNameVi ?? null,
          serviceNameEn: t?.serviceNameEn ?? null,
        };
      }),
    lastCalls: store.tickets
      // Calls of the current office day only: the board starts empty every morning.
      .lastCalls(day, now - 24 * 3600 * 1000, LAST_CALLS * 3)
      // A recalled number is listed once, at its latest call.
      .filter((c, i, all) => all.findIndex((o) => o.ticket_number === c.ticket_number) === i)
      .slice(0, LAST_CALLS)
      .map((c) => ({ ticketNumber: c.ticket_number, counterNumber: c.counter_number, counterName: c.counter_name, at: c.at })),
    waiting: waitingCounts(store, clock),
    generatedAt: now,
  };
}
