import { describe, expect, it } from 'vitest';
import {
  canApply,
  chooseNextTicket,
  foldVietnamese,
  formatTicketNumber,
  meanServiceMinutes,
  nextCallOrderState,
  officeDateVi,
  officeDayOf,
  officeTimeOf,
  parseTicketNumber,
  type CallCandidate,
} from '../../src/shared/domain';

describe('office day (Asia/Ho_Chi_Minh)', () => {
  it('changes at local midnight, which is 17:00 UTC', () => {
    expect(officeDayOf(Date.parse('2026-11-23T16:59:59.999Z'))).toBe('2026-11-23');
    expect(officeDayOf(Date.parse('2026-11-23T17:00:00.000Z'))).toBe('2026-11-24');
  });
  it('rolls over the year end and formats Vietnamese dates and times', () => {
    const t = Date.parse('2026-12-31T17:05:00Z');
    expect(officeDayOf(t)).toBe('2027-01-01');
    expect(officeDateVi(t)).toBe('01/01/2027');
    expect(officeTimeOf(t)).toBe('00:05');
  });
});

describe('ticket numbers', () => {
  it('pads the daily sequence after the prefix', () => {
    expect(formatTicketNumber('A', 23)).toBe('A023');
    expect(formatTicketNumber('BH', 1)).toBe('BH001');
    expect(formatTicketNumber('C', 1234)).toBe('C1234');
  });
  it('refuses bad prefixes and sequences', () => {
    expect(() => formatTicketNumber('a', 1)).toThrow(/prefix/);
    expect(() => formatTicketNumber('ABC', 1)).toThrow(/prefix/);
    expect(() => formatTicketNumber('A', 0)).toThrow(/range/);
    expect(() => formatTicketNumber('A', 10000)).toThrow(/range/);
  });
  it('parses what it prints', () => {
    expect(parseTicketNumber('a023')).toEqual({ prefix: 'A', seq: 23 });
    expect(parseTicketNumber('023')).toBeNull();
  });
});

const t = (id: number, priority: boolean, queuedAt: number): CallCandidate => ({ id, priority, queuedAt });

/** Calls everything in `waiting` through the rules and returns the order of ids. */
function drain(waiting: CallCandidate[], interleave: number): number[] {
  const order: number[] = [];
  let state = { normalsSincePriority: 0 };
  const left = [...waiting];
  for (;;) {
    const next = chooseNextTicket(left, state, interleave);
    if (!next) return order;
    order.push(next.id);
    state = nextCallOrderState(state, next);
    left.splice(left.indexOf(next), 1);
  }
}

describe('call order', () => {
  it('is first come, first served among normal tickets, ties by id', () => {
    expect(drain([t(3, false, 30), t(1, false, 10), t(2, false, 10)], 0)).toEqual([1, 2, 3]);
  });
  it('calls priority tickets first when interleave is 0', () => {
    expect(drain([t(1, false, 1), t(2, false, 2), t(3, true, 3), t(4, true, 4)], 0)).toEqual([3, 4, 1, 2]);
  });
  it('interleaves one priority per N normal tickets so normal tickets never starve', () => {
    const waiting = [1, 2, 3, 4, 5, 6].map((i) => t(i, false, i)).concat([10, 11, 12].map((i) => t(i, true, i)));
    // N = 2: the first call goes to the normal queue (no normal called yet), then P after every 2 normals.
    expect(drain(waiting, 2)).toEqual([1, 2, 10, 3, 4, 11, 5, 6, 12]);
  });
  it('never leaves a counter idle: priority alone or normal alone is called', () => {
    expect(drain([t(1, true, 5)], 3)).toEqual([1]);
    expect(drain([t(1, false, 5)], 3)).toEqual([1]);
    expect(chooseNextTicket([], { normalsSincePriority: 0 }, 0)).toBeUndefined();
  });
  it('a transferred ticket keeps its place by its original arrival time', () => {
    // Ticket 9 was issued first in another service and transferred in later: it keeps queuedAt = 1.
    expect(drain([t(5, false, 50), t(6, false, 60), t(9, false, 1)], 0)).toEqual([9, 5, 6]);
  });
});

describe('mean service time', () => {
  it('uses the default when there is no history', () => {
    expect(meanServiceMinutes([], 5)).toBe(5);
  });
  it('follows the moving average of recent service times, ignoring outliers', () => {
    const minutes = (m: number) => m * 60000;
    expect(meanServiceMinutes([minutes(2), minutes(4)])).toBe(3);
    // An outlier over 3 hours (a ticket left open over lunch) is ignored.
    expect(meanServiceMinutes([minutes(4), minutes(600)])).toBe(4);
  });
});

describe('ticket moves', () => {
  it('allows only the moves of the ticket life', () => {
    expect(canApply('call', 'waiting')).toBe(true);
    expect(canApply('finish', 'called')).toBe(false);
    expect(canApply('finish', 'serving')).toBe(true);
    expect(canApply('transfer', 'serving')).toBe(true);
    expect(canApply('recall', 'done')).toBe(false);
    expect(canApply('requeue', 'no_show')).toBe(true);
  });
});

describe('Vietnamese folding', () => {
  it('folds case, diacritics and đ/Đ, from NFC or NFD', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Hà Nội'.normalize('NFD'))).toBe('ha noi');
    expect(foldVietnamese('ĐƯỜNG')).toBe('duong');
  });
});
