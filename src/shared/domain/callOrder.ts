/**
 * Which waiting ticket a counter calls next.
 *
 * - Only tickets of services the counter serves are candidates (the caller filters).
 * - Priority tickets (elderly, disability, pregnancy, small children) go first.
 * - With `priorityInterleave = N > 0`, one priority ticket is called per N normal
 *   ones while both kinds wait, so a stream of priority tickets never starves the
 *   normal queue; with 0, priority is strict.
 * - Otherwise first come, first served by arrival time (`queuedAt`, which a
 *   transfer keeps), ties broken by id.
 */
export interface CallCandidate {
  id: number;
  priority: boolean;
  queuedAt: number;
}

export interface CallOrderState {
  /** Normal tickets this counter called since it last called a priority ticket. */
  normalsSincePriority: number;
}

export const PRIORITY_REASONS = ['elderly', 'disability', 'pregnant', 'small_child'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

function byArrival(a: CallCandidate, b: CallCandidate): number {
  return a.queuedAt - b.queuedAt || a.id - b.id;
}

function earliest(list: CallCandidate[]): CallCandidate | undefined {
  let best: CallCandidate | undefined;
  for (const c of list) if (!best || byArrival(c, best) < 0) best = c;
  return best;
}

export function chooseNextTicket(
  waiting: readonly CallCandidate[],
  state: CallOrderState,
  priorityInterleave: number,
): CallCandidate | undefined {
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
 * How many tickets would be called before `ticket` in its service, assuming
 * strict order of the same rules (priority ahead of normal, then arrival).
 * Used for "people ahead of you" on the printed ticket.
 */
export function countAhead(ticket: CallCandidate, waitingInService: readonly CallCandidate[]): number {
  let n = 0;
  for (const t of waitingInService) {
    if (t.id === ticket.id) continue;
    if (ticket.priority && !t.priority) continue;
    if (!ticket.priority && t.priority) { n++; continue; }
    if (byArrival(t, ticket) < 0) n++;
  }
  return n;
}
