/**
 * Which waiting ticket a counter calls next. This file is the one rule: the
 * hub's call-next (src/main/services/queue.ts) and the citizen's "people ahead"
 * forecast (callForecast.ts) both call `nextCall`, so what the kiosk says and
 * what the counters do cannot drift apart.
 *
 * - Only tickets of services the counter serves are candidates.
 * - Priority tickets (elderly, disability, pregnancy, small children) go first.
 * - With `priorityInterleave = N > 0`, one priority ticket is called per N normal
 *   ones while both kinds wait (each counter keeps its own count), so a stream of
 *   priority tickets never starves the normal queue; with 0, priority is strict.
 * - Otherwise first come, first served by arrival time (`queuedAt`, which a
 *   transfer keeps), ties broken by id.
 */
export interface CallCandidate {
  id: number;
  priority: boolean;
  queuedAt: number;
}

/** A waiting ticket of the day, in a service whose counters may call it. */
export interface WaitingTicket extends CallCandidate {
  serviceId: number;
}

export interface CallOrderState {
  /** Normal tickets this counter called since it last called a priority ticket. */
  normalsSincePriority: number;
}

/** What the rule needs to know of a counter. */
export interface CallingCounter extends CallOrderState {
  id: number;
  serviceIds: readonly number[];
}

export const PRIORITY_REASONS = ['elderly', 'disability', 'pregnant', 'small_child'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

function byArrival(a: CallCandidate, b: CallCandidate): number {
  return a.queuedAt - b.queuedAt || a.id - b.id;
}

function earliest<T extends CallCandidate>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of list) if (!best || byArrival(c, best) < 0) best = c;
  return best;
}

/** Priority or normal, among the candidates: the interleave rule on its own. */
export function chooseNextTicket<T extends CallCandidate>(waiting: readonly T[], state: CallOrderState, priorityInterleave: number): T | undefined {
  const prio = earliest(waiting.filter((t) => t.priority));
  const normal = earliest(waiting.filter((t) => !t.priority));
  if (!prio) return normal;
  if (!normal) return prio;
  if (priorityInterleave <= 0) return prio;
  return state.normalsSincePriority >= priorityInterleave ? prio : normal;
}

/** The counter's interleave state after it called `called`. */
export function nextCallOrderState(state: CallOrderState, called: CallCandidate): CallOrderState {
  return { normalsSincePriority: called.priority ? 0 : state.normalsSincePriority + 1 };
}

/**
 * The day's waiting tickets, kept per service and kind in arrival order, so a
 * counter's candidates (the earliest priority and the earliest normal ticket of
 * its services) cost one look per service, however long the queue.
 */
interface Line {
  tickets: WaitingTicket[];
  /** Index of the first ticket not yet taken (called tickets leave from the front). */
  head: number;
}

export class CallQueue {
  private readonly lines = new Map<number, Line>();
  private readonly taken = new Set<number>();

  constructor(waiting: Iterable<WaitingTicket>) {
    for (const t of waiting) {
      const k = CallQueue.lineKey(t.serviceId, t.priority);
      let line = this.lines.get(k);
      if (!line) this.lines.set(k, (line = { tickets: [], head: 0 }));
      line.tickets.push(t);
    }
    for (const line of this.lines.values()) line.tickets.sort(byArrival);
  }

  private static lineKey(serviceId: number, priority: boolean): number {
    return serviceId * 2 + (priority ? 1 : 0);
  }

  /** The earliest ticket of this kind still waiting in any of the services. */
  earliest(serviceIds: readonly number[], priority: boolean): WaitingTicket | undefined {
    let best: WaitingTicket | undefined;
    for (const id of serviceIds) {
      const line = this.lines.get(CallQueue.lineKey(id, priority));
      if (!line) continue;
      // Amortised O(1): each taken ticket is stepped over once.
      while (line.head < line.tickets.length && this.taken.has(line.tickets[line.head]!.id)) line.head++;
      const head = line.tickets[line.head];
      if (head && (!best || byArrival(head, best) < 0)) best = head;
    }
    return best;
  }

  /** The ticket was called: it no longer waits. */
  take(ticket: WaitingTicket): void {
    this.taken.add(ticket.id);
  }
}

/**
 * The ticket `counter` calls next and the counter's interleave state after it,
 * or undefined when none of its services has anyone waiting.
 */
export function nextCall(queue: CallQueue, counter: CallingCounter, priorityInterleave: number): { ticket: WaitingTicket; state: CallOrderState } | undefined {
  const candidates = [queue.earliest(counter.serviceIds, true), queue.earliest(counter.serviceIds, false)].filter((t): t is WaitingTicket => t !== undefined);
  const ticket = chooseNextTicket(candidates, counter, priorityInterleave);
  return ticket && { ticket, state: nextCallOrderState(counter, ticket) };
}
