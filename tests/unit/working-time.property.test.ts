/**
 * Property tests: the working-time rules against a deliberately simple
 * reference that walks the clock in 5-minute steps, over random instants in
 * 2025–2027 (biased towards Tết, 30/4 and year ends) and 0–30 working days.
 * Seeded so CI is repeatable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingHours,
  dueAt,
  isOpenAt,
  VN_OFFICIAL_DAYS,
  vietnamCalendar,
  workingHoursBetween,
  type WorkingCalendar,
} from '../../src/shared/domain';

const RUNS = { seed: 20260214, numRuns: 500 };
const STEP = 5 * 60_000;
const STEPS_PER_HOUR = 12;
const OFFSET = 7 * 3_600_000;
const DAY = 86_400_000;

// ------------------------------------------------------------ reference (5-minute walk)

const HOLIDAYS = new Set(VN_OFFICIAL_DAYS.filter((d) => d.kind === 'holiday').map((d) => d.date));
const WORKED = new Set(VN_OFFICIAL_DAYS.filter((d) => d.kind === 'working_day').map((d) => d.date));
const FULL: [number, number][] = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const SATURDAY: [number, number][] = [[7 * 60, 11 * 60 + 30]];

interface RefDay {
  date: string;
  weekday: number;
}
const dayCache = new Map<number, RefDay>();
function refDay(t: number): RefDay {
  const n = Math.floor((t + OFFSET) / DAY);
  let d = dayCache.get(n);
  if (!d) {
    const local = new Date(n * DAY);
    d = { date: local.toISOString().slice(0, 10), weekday: local.getUTCDay() };
    dayCache.set(n, d);
  }
  return d;
}
function refNormallyOpen(d: RefDay, sat: boolean): boolean {
  return WORKED.has(d.date) || (d.weekday >= 1 && d.weekday <= 5) || (d.weekday === 6 && sat);
}
/** Is the 5-minute step starting at t open? */
function refOpen(t: number, sat: boolean): boolean {
  const d = refDay(t);
  if (HOLIDAYS.has(d.date) || !refNormallyOpen(d, sat)) return false;
  const sessions = WORKED.has(d.date) || d.weekday !== 6 ? FULL : SATURDAY;
  const minute = Math.floor((((t + OFFSET) % DAY) + DAY) % DAY / 60_000);
  return sessions.some(([a, b]) => minute >= a && minute < b);
}
const inPauses = (t: number, pauses: { from: number; to: number }[]) => pauses.some((p) => t >= p.from && t < p.to);

function refAdd(start: number, steps: number, sat: boolean, pauses: { from: number; to: number }[] = []): number {
  let t = start;
  let left = steps;
  while (left > 0) {
    if (refOpen(t, sat) && !inPauses(t, pauses)) left--;
    t += STEP;
  }
  return t;
}
function refBetween(a: number, b: number, sat: boolean): number {
  let n = 0;
  for (let t = a; t < b; t += STEP) if (refOpen(t, sat)) n++;
  return n / STEPS_PER_HOUR;
}
function refCalendarDue(start: number, days: number, skip: boolean, sat: boolean): number {
  let t = start;
  let left = (days * DAY) / STEP;
  while (left > 0) {
    const d = refDay(t);
    if (!(skip && HOLIDAYS.has(d.date) && refNormallyOpen(d, sat))) left--;
    t += STEP;
  }
  if (refOpen(t, sat) || refOpen(t - STEP, sat)) return t; // open, or exactly at a closing time
  while (!refOpen(t, sat)) t += STEP;
  return t;
}

// ------------------------------------------------------------ generators

const cal = { off: vietnamCalendar(), sat: vietnamCalendar({ saturdayMorning: true }) };
const calOf = (sat: boolean): WorkingCalendar => (sat ? cal.sat : cal.off);
const local = (s: string) => Date.parse(`${s}T00:00:00+07:00`);
const around = (date: string, days: number) =>
  fc.integer({ min: -days * 288, max: days * 288 }).map((k) => local(date) + k * STEP);

/** 5-minute-grid instants in 2025–2027, half of them near Tết, 30/4 and year ends. */
const gridInstant = fc.oneof(
  fc.integer({ min: 0, max: ((local('2027-11-30') - local('2025-01-01')) / STEP) | 0 }).map((k) => local('2025-01-01') + k * STEP),
  around('2025-01-27', 40),
  around('2026-02-16', 40),
  around('2027-02-05', 40),
  around('2025-12-31', 30),
  around('2026-12-31', 30),
  around('2026-04-30', 20),
  around('2025-04-30', 20),
);
/** Any millisecond in 2025–2027. */
const anyInstant = fc.integer({ min: local('2025-01-01'), max: local('2027-12-31') });
/** 0–30 working days in 5-minute steps. */
const steps = fc.integer({ min: 0, max: 30 * 8 * STEPS_PER_HOUR });

// ------------------------------------------------------------ against the reference

describe('working time against a 5-minute reference walk', () => {
  it('addWorkingHours', () => {
    fc.assert(
      fc.property(gridInstant, steps, fc.boolean(), (start, n, sat) => {
        expect(addWorkingHours(start, n / STEPS_PER_HOUR, calOf(sat))).toBe(refAdd(start, n, sat));
      }),
      RUNS,
    );
  });

  it('workingHoursBetween', () => {
    fc.assert(
      fc.property(gridInstant, fc.integer({ min: 0, max: 60 * 288 }), fc.boolean(), (a, k, sat) => {
        const b = a + k * STEP;
        expect(workingHoursBetween(a, b, calOf(sat))).toBeCloseTo(refBetween(a, b, sat), 9);
      }),
      RUNS,
    );
  });

  it('dueAt, working days, with an optional pause', () => {
    fc.assert(
      fc.property(
        gridInstant,
        // 0 days is "trong ngày" (same day), its own rule, tested by example in working-time.test.ts
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 30 * 288 }), fc.integer({ min: 0, max: 10 * 288 }))),
        (acceptedAt, days, sat, p) => {
          const pauses = p ? [{ from: acceptedAt + p[0] * STEP, to: acceptedAt + (p[0] + p[1]) * STEP }] : [];
          const r = dueAt({ acceptedAt, processing: { value: days, unit: 'working_days' }, calendar: calOf(sat), pauses });
          expect(r).toEqual({ paused: false, dueMs: refAdd(acceptedAt, days * 8 * STEPS_PER_HOUR, sat, pauses) });
        },
      ),
      RUNS,
    );
  });

  it('dueAt, calendar days, with and without skipping holidays', () => {
    fc.assert(
      fc.property(gridInstant, fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean(), (acceptedAt, days, skip, sat) => {
        const r = dueAt({
          acceptedAt,
          processing: { value: days, unit: 'calendar_days' },
          calendar: calOf(sat),
          skipHolidaysForCalendarDays: skip,
        });
        if (days === 0) return; // 0 days: settles acceptedAt; covered by the invariants below
        expect(r).toEqual({ paused: false, dueMs: refCalendarDue(acceptedAt, days, skip, sat) });
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------ invariants (any millisecond)

describe('working time invariants', () => {
  const minutes = fc.integer({ min: 0, max: 30 * 8 * 60 });

  it('is monotonic in hours', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, fc.boolean(), (a, m1, m2, sat) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingHours(a, lo / 60, calOf(sat))).toBeLessThanOrEqual(addWorkingHours(a, hi / 60, calOf(sat)));
      }),
      RUNS,
    );
  });

  it('workingHoursBetween(a, addWorkingHours(a, h)) === h', () => {
    fc.assert(
      fc.property(anyInstant, minutes, fc.boolean(), (a, m, sat) => {
        const h = m / 60;
        expect(workingHoursBetween(a, addWorkingHours(a, h, calOf(sat)), calOf(sat))).toBe(h);
      }),
      RUNS,
    );
  });

  it('adding h1 then h2 equals adding h1 + h2', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, fc.boolean(), (a, m1, m2, sat) => {
        const c = calOf(sat);
        expect(addWorkingHours(addWorkingHours(a, m1 / 60, c), m2 / 60, c)).toBe(addWorkingHours(a, (m1 + m2) / 60, c));
      }),
      RUNS,
    );
  });

  it('a due instant is never in a closed period (it may be exactly at a closing time)', () => {
    fc.assert(
      fc.property(
        anyInstant,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('working_days' as const, 'calendar_days' as const),
        fc.boolean(),
        fc.boolean(),
        (acceptedAt, value, unit, skip, sat) => {
          const c = calOf(sat);
          const r = dueAt({ acceptedAt, processing: { value, unit }, calendar: c, skipHolidaysForCalendarDays: skip });
          if (r.paused) throw new Error('not paused');
          expect(isOpenAt(r.dueMs, c) || isOpenAt(r.dueMs - 1, c)).toBe(true);
          expect(r.dueMs).toBeGreaterThanOrEqual(acceptedAt);
        },
      ),
      RUNS,
    );
  });

  it('a closed pause moves the due by the working time spent paused before it; an open one reports the rest', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 10 * DAY }), (a, days, off, len) => {
        const c = cal.off;
        const H = days * 8;
        const plain = addWorkingHours(a, H, c);
        const from = a + off;
        const to = from + len;
        const r = dueAt({ acceptedAt: a, processing: { value: days, unit: 'working_days' }, calendar: c, pauses: [{ from, to }] });
        if (r.paused) throw new Error('not paused');
        const expected = from >= plain ? plain : addWorkingHours(a, H + workingHoursBetween(from, to, c), c);
        expect(r.dueMs).toBe(expected);
        const open = dueAt({ acceptedAt: a, processing: { value: days, unit: 'working_days' }, calendar: c, pauses: [{ from }] });
        if (from >= plain) expect(open).toEqual({ paused: false, dueMs: plain });
        else {
          if (!open.paused) throw new Error('should be paused');
          expect(open.pausedSince).toBe(from);
          expect(open.remainingWorkingHours).toBeCloseTo(H - workingHoursBetween(a, from, c), 9);
          expect(open.remainingWorkingHours).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});

describe('speed', () => {
  it('computes 10 000 due dates of up to 30 working days quickly', () => {
    const c = cal.off;
    const t0 = performance.now();
    let acc = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = dueAt({ acceptedAt: local('2026-01-05') + i * 37 * 60_000, processing: { value: (i % 30) + 1, unit: 'working_days' }, calendar: c });
      if (!r.paused) acc += r.dueMs % 7;
    }
    expect(acc).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
