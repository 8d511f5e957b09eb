/**
 * The citizen's "people ahead" forecast against what the counters really do.
 * "Really" is a deliberately plain driver: the open counters take turns in
 * counter order, each filters the whole waiting list down to its services and
 * applies the interleave rule to it, until nobody can call anything. The
 * forecast (a simulation over CallQueue, through nextCall, the hub's call-next)
 * must name, for every waiting ticket, the same position, the same counter and
 * the same number of turns. Seeded so CI is repeatable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CallQueue,
  chooseNextTicket,
  forecastCall,
  forecastWaitMinutes,
  nextCall,
  nextCallOrderState,
  type ForecastCounter,
  type WaitingTicket,
} from '../../src/shared/domain';

const RUNS = { seed: 20261204, numRuns: 400 };
const SERVICES = [1, 2, 3, 4];

interface Counter extends ForecastCounter {
  open: boolean;
}

/** Every call the counters make, in order, when nothing new arrives. */
function realCalls(waiting: readonly WaitingTicket[], counters: readonly Counter[], interleave: number): { ticketId: number; counterId: number }[] {
  const calls: { ticketId: number; counterId: number }[] = [];
  const left = [...waiting];
  const open = counters.filter((c) => c.open).sort((a, b) => a.id - b.id);
  const state = new Map(open.map((c) => [c.id, { normalsSincePriority: c.normalsSincePriority }]));
  for (let called = true; called; ) {
    called = false;
    for (const c of open) {
      const mine = left.filter((t) => c.serviceIds.includes(t.serviceId));
      const next = chooseNextTicket(mine, state.get(c.id)!, interleave);
      if (!next) continue;
      called = true;
      calls.push({ ticketId: next.id, counterId: c.id });
      state.set(c.id, nextCallOrderState(state.get(c.id)!, next));
      left.splice(left.indexOf(next), 1);
    }
  }
  return calls;
}

const scenario = fc.record({
  tickets: fc.array(fc.record({ serviceId: fc.constantFrom(...SERVICES), priority: fc.boolean(), queuedAt: fc.integer({ min: 0, max: 40 }) }), { maxLength: 40 }),
  counters: fc.array(
    fc.record({
      open: fc.boolean(),
      serviceIds: fc.subarray(SERVICES),
      normalsSincePriority: fc.integer({ min: 0, max: 7 }),
      busy: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  interleave: fc.integer({ min: 0, max: 5 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  // Ids are not in arrival order (a transferred ticket keeps its arrival time): reverse them.
  const waiting: WaitingTicket[] = s.tickets.map((t, i) => ({ id: s.tickets.length - i, ...t }));
  const counters: Counter[] = s.counters.map((c, i) => ({ id: i + 1, ...c }));
  return { waiting, counters, open: counters.filter((c) => c.open) };
}

describe('call forecast (property)', () => {
  it('predicts for every waiting ticket the position, counter and turns at which it is really called', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { waiting, counters, open } = build(s);
        const calls = realCalls(waiting, counters, s.interleave);
        for (const t of waiting) {
          const forecast = forecastCall(t.id, waiting, open, s.interleave);
          const at = calls.findIndex((c) => c.ticketId === t.id);
          if (at < 0) {
            // Never called: exactly when no open counter serves its service.
            expect(forecast).toEqual({ kind: 'no_counter' });
            expect(open.some((c) => c.serviceIds.includes(t.serviceId))).toBe(false);
            continue;
          }
          const before = calls.slice(0, at);
          const servesIt = (counterId: number) => counters[counterId - 1]!.serviceIds.includes(t.serviceId);
          const caller = calls[at]!.counterId;
          expect(forecast).toEqual({
            kind: 'queued',
            ahead: before.filter((c) => servesIt(c.counterId)).length,
            counterId: caller,
            turns: before.filter((c) => c.counterId === caller).length + (counters[caller - 1]!.busy ? 1 : 0),
          });
        }
      }),
      RUNS,
    );
  });

  it("nextCall over the queue picks what the plain rule picks from the counter's own tickets", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { waiting, counters } = build(s);
        const queue = new CallQueue(waiting);
        const left = [...waiting];
        // One counter after another, taking each pick out, until the queue is empty for all of them.
        for (let round = 0; round <= waiting.length; round++) {
          for (const c of counters) {
            const pick = nextCall(queue, c, s.interleave);
            const plain = chooseNextTicket(
              left.filter((t) => c.serviceIds.includes(t.serviceId)),
              c,
              s.interleave,
            );
            expect(pick?.ticket.id).toBe(plain?.id);
            if (!pick) continue;
            expect(pick.state).toEqual(nextCallOrderState(c, pick.ticket));
            queue.take(pick.ticket);
            left.splice(left.indexOf(plain!), 1);
            c.normalsSincePriority = pick.state.normalsSincePriority;
          }
        }
      }),
      RUNS,
    );
  });
});

const w = (id: number, serviceId: number, priority: boolean, queuedAt = id): WaitingTicket => ({ id, serviceId, priority, queuedAt });
const counter = (id: number, serviceIds: number[], normalsSincePriority = 0, busy = false): ForecastCounter => ({ id, serviceIds, normalsSincePriority, busy });

describe('call forecast (the cases of issue 11)', () => {
  it('a priority ticket behind normal tickets that the interleave still owes their turn is not told it is next', () => {
    const waiting = [w(1, 1, false), w(2, 1, false), w(3, 1, false), w(4, 1, true)];
    // Interleave 3, the counter has called no normal ticket since its last priority one: three normals first.
    expect(forecastCall(4, waiting, [counter(1, [1], 0)], 3)).toEqual({ kind: 'queued', ahead: 3, counterId: 1, turns: 3 });
    // The same counter after three normal calls calls the priority ticket at once.
    expect(forecastCall(4, waiting, [counter(1, [1], 3)], 3)).toEqual({ kind: 'queued', ahead: 0, counterId: 1, turns: 0 });
    // Strict priority (0).
    expect(forecastCall(4, waiting, [counter(1, [1], 0)], 0)).toMatchObject({ ahead: 0 });
  });

  it('each counter keeps its own interleave count', () => {
    const waiting = [w(1, 1, false), w(2, 1, false), w(3, 1, true)];
    // Counter 1 owes normals their turn and calls ticket 1; counter 2 has called three normals and takes the priority.
    expect(forecastCall(3, waiting, [counter(1, [1], 0), counter(2, [1], 3)], 3)).toEqual({ kind: 'queued', ahead: 1, counterId: 2, turns: 0 });
  });

  it("counts the other services' citizens a shared counter calls first, not those of counters that never serve the ticket", () => {
    const waiting = [w(1, 2, false), w(2, 2, false), w(3, 1, false)];
    // Counter 1 serves services 1 and 2 (ticket 1 and 2 came first); counter 2 serves only service 2.
    expect(forecastCall(3, waiting, [counter(1, [1, 2]), counter(2, [2])], 0)).toEqual({ kind: 'queued', ahead: 1, counterId: 1, turns: 1 });
  });

  it('says when no open counter serves the service, and refuses a ticket that is not waiting', () => {
    const waiting = [w(1, 1, false), w(2, 3, false)];
    expect(forecastCall(2, waiting, [counter(1, [1, 2])], 3)).toEqual({ kind: 'no_counter' });
    expect(forecastCall(2, waiting, [], 3)).toEqual({ kind: 'no_counter' });
    expect(() => forecastCall(9, waiting, [counter(1, [1])], 3)).toThrow(/not waiting/);
  });

  it('turns the forecast into minutes: the citizens its counter serves first, at the mean service time', () => {
    const minutes = (m: number) => m * 60_000;
    expect(forecastWaitMinutes({ kind: 'queued', ahead: 0, counterId: 1, turns: 0 }, [], 5)).toBe(0);
    expect(forecastWaitMinutes({ kind: 'queued', ahead: 0, counterId: 1, turns: 1 }, [], 5)).toBe(5);
    expect(forecastWaitMinutes({ kind: 'queued', ahead: 5, counterId: 1, turns: 3 }, [minutes(2), minutes(4)])).toBe(9);
    expect(forecastWaitMinutes({ kind: 'queued', ahead: 1, counterId: 1, turns: 1 }, [1000])).toBe(1);
  });
});
