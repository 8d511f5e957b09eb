/**
 * When a waiting ticket will be called: what the kiosk, the printed ticket and
 * the counter's walk-in slip tell the citizen ("people ahead", the estimate).
 *
 * It is a simulation under the call rule itself (`nextCall`, the function the
 * hub's call-next uses): the open counters take turns in counter order, each
 * calling its next ticket under its own services and its own interleave count,
 * until the ticket is called, assuming nobody new arrives. So a priority ticket
 * behind a counter that still owes normal tickets their turn is told so, and a
 * ticket whose service no open counter serves is told that instead of a number.
 *
 * Counters that do not serve the ticket's service take part (they still take
 * tickets of shared services away), but only calls made by counters that serve
 * it count as "people ahead": those are the citizens the ticket waits behind.
 */
import { CallQueue, nextCall, type CallingCounter, type WaitingTicket } from './callOrder';
import { meanServiceMinutes } from './waitEstimate';

/** An open counter (a clerk at it, not paused), as the forecast sees it. */
export interface ForecastCounter extends CallingCounter {
  /** A citizen is called or being served there now: that one comes first. */
  busy: boolean;
}

export type CallForecast =
  | {
      kind: 'queued';
      /** Citizens called before this ticket by the counters that serve its service. */
      ahead: number;
      /** The counter that calls it in the simulation. */
      counterId: number;
      /** Citizens that counter serves before this one (its calls before it, plus the one it is serving now). */
      turns: number;
    }
  /** No open counter serves the ticket's service (or its service is closed): nobody will call it now. */
  | { kind: 'no_counter' };

/**
 * @param waiting  every ticket waiting today in services open for calls (not only the target's service)
 * @param counters the open counters in the order they take turns (counter number)
 */
export function forecastCall(targetId: number, waiting: readonly WaitingTicket[], counters: readonly ForecastCounter[], priorityInterleave: number): CallForecast {
  const target = waiting.find((t) => t.id === targetId);
  if (!target) throw new Error(`forecastCall: ticket ${targetId} is not waiting`);
  const serving = (c: ForecastCounter) => c.serviceIds.includes(target.serviceId);
  if (!counters.some(serving)) return { kind: 'no_counter' };

  // Only the counters linked to the target's service through shared services can change when it is
  // called; the others never take a ticket these counters could call, so leaving them (and their
  // tickets) out of the simulation gives the same calls in the same order, for less work.
  const linked = linkedTo(target.serviceId, counters);
  const services = new Set(linked.flatMap((c) => c.serviceIds));
  const queue = new CallQueue(waiting.filter((t) => services.has(t.serviceId)));
  const states = linked.map((c) => ({ ...c, serviceIds: [...c.serviceIds] }));
  const calls = new Map(counters.map((c) => [c.id, 0]));
  let ahead = 0;
  // Each round calls at least one ticket or the queue is empty for every counter, so this ends
  // within `waiting.length` rounds; the target is reached because a counter serving it is open.
  for (;;) {
    let calledThisRound = false;
    for (const c of states) {
      const next = nextCall(queue, c, priorityInterleave);
      if (!next) continue;
      calledThisRound = true;
      if (next.ticket.id === target.id) return { kind: 'queued', ahead, counterId: c.id, turns: calls.get(c.id)! + (c.busy ? 1 : 0) };
      queue.take(next.ticket);
      c.normalsSincePriority = next.state.normalsSincePriority;
      calls.set(c.id, calls.get(c.id)! + 1);
      if (serving(c)) ahead++;
    }
    if (!calledThisRound) throw new Error('forecastCall: the queue ran dry before the ticket was called');
  }
}

/** The counters that serve `serviceId`, or share a service with one that does, and so on; in turn order. */
function linkedTo(serviceId: number, counters: readonly ForecastCounter[]): ForecastCounter[] {
  const services = new Set([serviceId]);
  const inside = new Set<ForecastCounter>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of counters) {
      if (inside.has(c) || !c.serviceIds.some((id) => services.has(id))) continue;
      inside.add(c);
      for (const id of c.serviceIds) services.add(id);
      grew = true;
    }
  }
  return counters.filter((c) => inside.has(c));
}

/**
 * Minutes until the ticket is called: the citizens its counter serves first,
 * each at the recent mean service time of the ticket's service. Zero when it is
 * next at an idle counter; at least a minute otherwise.
 */
export function forecastWaitMinutes(forecast: Extract<CallForecast, { kind: 'queued' }>, recentDurationsMs: readonly number[], defaultMinutes?: number): number {
  if (forecast.turns <= 0) return 0;
  return Math.max(1, Math.round(forecast.turns * meanServiceMinutes(recentDurationsMs, defaultMinutes)));
}
