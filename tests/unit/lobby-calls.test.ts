import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lobbyCalls, type BoardCall } from '../../src/renderer/display/lobbyCalls';

const call = (ticketNumber: string, counterNumber: number, at: number): BoardCall => ({ ticketNumber, counterNumber, at });
const names = (calls: readonly BoardCall[]) => calls.map((c) => `${c.ticketNumber}@${c.counterNumber}`);

describe('the lobby card follows the voice', () => {
  const a = call('A001', 4, 1000);
  const b = call('B001', 1, 2000);

  it('two calls a second apart: the card shows the one being spoken; the next appears when its voice starts', () => {
    // A is spoken, B waits for its turn; the board already lists both, B newest.
    const whileA = lobbyCalls([b, a], a, [b]);
    expect(whileA.featured).toEqual(a);
    expect(names(whileA.rest)).toEqual([]);
    // B's voice starts.
    const whileB = lobbyCalls([b, a], b, []);
    expect(whileB.featured).toEqual(b);
    expect(names(whileB.rest)).toEqual(['A001@4']);
    // All said: the newest call.
    expect(lobbyCalls([a, b], null, []).featured).toEqual(b);
  });

  it('shows the call being spoken even before the board lists it', () => {
    const c = call('C007', 2, 3000);
    expect(lobbyCalls([b, a], c, []).featured).toEqual(c);
    expect(names(lobbyCalls([b, a], c, []).rest)).toEqual(['B001@1', 'A001@4']);
  });

  it('a recall waiting behind the first call of the same ticket hides its own entry only', () => {
    const recall = call('A001', 4, 5000);
    const r = lobbyCalls([recall, b, a], a, [recall, b]);
    expect(r.featured).toEqual(a);
    expect(names(r.rest)).toEqual([]);
    expect(lobbyCalls([recall, b, a], recall, []).featured).toEqual(recall);
  });

  it('with nothing on the board and nothing spoken there is no card; the list keeps 4 under the card', () => {
    expect(lobbyCalls([], null, [])).toEqual({ featured: null, rest: [] });
    const many = Array.from({ length: 9 }, (_, i) => call(`A00${i}`, 1, i));
    const r = lobbyCalls(many, null, []);
    expect(r.featured!.ticketNumber).toBe('A008');
    expect(names(r.rest)).toEqual(['A007@1', 'A006@1', 'A005@1', 'A004@1']);
  });

  it('property: the card names the spoken call, and no call waiting for its voice is shown', () => {
    const tickets = fc.constantFrom('A001', 'A002', 'B001', 'C003');
    const counters = fc.integer({ min: 1, max: 3 });
    const board = fc.uniqueArray(fc.record({ ticketNumber: tickets, counterNumber: counters, at: fc.integer({ min: 0, max: 10_000 }) }), { selector: (c) => c.at, maxLength: 12 });
    fc.assert(
      fc.property(board, fc.nat(), fc.nat(), (calls, speakingPick, pendingCount) => {
        // The voice's view of the same calls: the newest few still wait, the one before them is spoken.
        const byTime = [...calls].sort((x, y) => y.at - x.at);
        const pending = byTime.slice(0, Math.min(pendingCount % 4, byTime.length));
        const spoken = byTime.length > pending.length && speakingPick % 2 === 0 ? byTime[pending.length]! : null;
        const r = lobbyCalls(calls, spoken, pending);
        if (spoken) expect(r.featured).toEqual(spoken);
        else expect(r.featured).toEqual(byTime[pending.length] ?? null);
        const shown = [r.featured, ...r.rest].filter((c): c is BoardCall => c !== null);
        for (const p of pending) expect(shown).not.toContainEqual(p);
        expect(r.rest.length).toBeLessThanOrEqual(4);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
