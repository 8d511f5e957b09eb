/**
 * Due dates ("thời hạn giải quyết", "ngày hẹn trả kết quả"): the clock of a
 * dossier from its acceptance, stopped by pauses (supplement awaited).
 * Calendar-day procedures: see dueAt. Pure rules, instants in ms (UTC).
 */

import {
  assertHours,
  assertInstant,
  DAY_MS,
  dayStartMs,
  isOpenOrClosing,
  MAX_WORKING_HOURS,
  nextOpening,
  normallyOpen,
  officeDayNumber,
  WORKING_HOURS_PER_DAY,
  type WorkingCalendar,
} from './workingCalendar';
import { addOpenMs, addWorkingHours, hoursToOpenMs, openMsBetween, workingHoursBetween } from './workingHours';

export type ProcessingUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface ProcessingTime {
  value: number;
  unit: ProcessingUnit;
}

/** The clock stops in [from, to); `to` null or absent = still paused (supplement awaited). */
export interface Pause {
  from: number;
  to?: number | null;
}

export interface DueInput {
  acceptedAt: number;
  processing: ProcessingTime;
  calendar: WorkingCalendar;
  /** Calendar-day procedures only: holidays that close the office do not count. */
  skipHolidaysForCalendarDays?: boolean;
  pauses?: readonly Pause[];
}

export type DueResult =
  | { paused: false; dueMs: number }
  | {
      paused: true;
      /** When the open pause took effect (not before acceptance). */
      pausedSince: number;
      /** Working hours left on the clock, as they were when it stopped. */
      remainingWorkingHours: number;
      /** Calendar-day procedures: calendar days left on the clock. */
      remainingCalendarDays?: number;
    };

interface Clock {
  /** Earliest instant at which `need` units have run after t. */
  advance(t: number, need: number): number;
  /** Units run in [a, b), a <= b. */
  measure(a: number, b: number): number;
}

interface MergedPause {
  from: number;
  to: number | null;
}

function mergePauses(pauses: readonly Pause[], acceptedAt: number): MergedPause[] {
  const list: MergedPause[] = pauses.map((p) => {
    assertInstant(p.from, 'pause.from');
    const to = p.to ?? null;
    if (to !== null) {
      assertInstant(to, 'pause.to');
      if (to < p.from) throw new RangeError('a pause must end after it starts');
    }
    return { from: Math.max(p.from, acceptedAt), to };
  });
  list.sort((x, y) => x.from - y.from);
  const out: MergedPause[] = [];
  for (const p of list) {
    if (p.to !== null && p.to <= p.from) continue; // empty, or entirely before acceptance
    const prev = out[out.length - 1];
    if (prev && (prev.to === null || p.from <= prev.to)) {
      if (prev.to !== null) prev.to = p.to === null ? null : Math.max(prev.to, p.to);
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

type ClockRun = { done: true; at: number } | { done: false; since: number; left: number };

/** Runs the clock from `start` for `need` units; it stops inside each pause. */
function runClock(clock: Clock, start: number, need: number, pauses: readonly MergedPause[]): ClockRun {
  let t = start;
  let left = need;
  for (const p of pauses) {
    const from = Math.max(p.from, t);
    if (p.to !== null && p.to <= from) continue;
    const candidate = clock.advance(t, left);
    if (candidate <= from) return { done: true, at: candidate };
    left -= clock.measure(t, from);
    if (p.to === null) return { done: false, since: from, left };
    t = p.to;
  }
  return { done: true, at: clock.advance(t, left) };
}

/** Calendar clock: every millisecond counts, except (optionally) whole holidays that close the office. */
function calendarClock(cal: WorkingCalendar, skipHolidays: boolean): Clock {
  const skipped = (day: number): boolean => skipHolidays && cal._holidayDays.has(day) && normallyOpen(cal, day);
  return {
    advance(t, need) {
      if (!skipHolidays) return t + need;
      let left = need;
      let cur = t;
      for (let day = officeDayNumber(t); ; day++) {
        const end = dayStartMs(day + 1);
        if (!skipped(day)) {
          if (left <= end - cur) return cur + left;
          left -= end - cur;
        }
        cur = end;
      }
    },
    measure(a, b) {
      if (!skipHolidays) return b - a;
      let sum = 0;
      for (let day = officeDayNumber(a); day <= officeDayNumber(b); day++) {
        if (skipped(day)) continue;
        const from = Math.max(a, dayStartMs(day));
        const to = Math.min(b, dayStartMs(day + 1));
        if (to > from) sum += to - from;
      }
      return sum;
    },
  };
}

/**
 * The due instant of a dossier.
 * - working_days: addWorkingHours(acceptedAt, value × 8) (working_hours: value as is).
 * - calendar_days: acceptedAt + value × 24 h on the calendar; with
 *   skipHolidaysForCalendarDays, each holiday (a day off on a day the office
 *   would otherwise open, so a Sunday holiday is counted through its
 *   compensating Monday, not twice) adds one day. If that instant falls
 *   outside office hours it moves FORWARD to the next opening (the applicant
 *   can only collect when the office is open; the Civil Code likewise carries
 *   a deadline ending on a day off to the next working day). Exactly at a
 *   closing time it stays, as for working days.
 * - pauses: the clock stops inside each pause; the due moves by the working
 *   (or, for calendar days, counted calendar) time spent paused. A pause that
 *   starts after the clock has run out changes nothing (the dossier was
 *   already due). While a pause is open the result is `paused: true` with the
 *   time left on the clock instead of a due instant.
 */
export function dueAt(input: DueInput): DueResult {
  const { acceptedAt, processing, calendar } = input;
  assertInstant(acceptedAt, 'acceptedAt');
  if (!processing || typeof processing !== 'object') throw new RangeError('processing time is missing');
  const { value, unit } = processing;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`processing value must be a non-negative number, got ${String(value)}`);
  }
  const pauses = mergePauses(input.pauses ?? [], acceptedAt);

  if (unit === 'working_days' && value === 0) {
    // "Trong ngày" (same day): due at the closing of the working day the dossier counts from.
    const opening = nextOpening(acceptedAt, calendar);
    const leftToday = workingHoursBetween(opening, dayStartMs(officeDayNumber(opening) + 1), calendar);
    return { paused: false, dueMs: addWorkingHours(opening, leftToday, calendar) };
  }

  if (unit === 'working_days' || unit === 'working_hours') {
    const hours = unit === 'working_days' ? value * WORKING_HOURS_PER_DAY : value;
    assertHours(hours, 'processing time');
    const clock: Clock = {
      advance: (t, need) => addOpenMs(t, need, calendar),
      measure: (a, b) => openMsBetween(a, b, calendar),
    };
    const run = runClock(clock, acceptedAt, hoursToOpenMs(hours, calendar), pauses);
    if (run.done) return { paused: false, dueMs: run.at };
    return { paused: true, pausedSince: run.since, remainingWorkingHours: run.left / calendar.openMsPerWorkingHour };
  }

  if (unit === 'calendar_days') {
    if (value > MAX_WORKING_HOURS / WORKING_HOURS_PER_DAY) throw new RangeError('processing time is too long');
    const clock = calendarClock(calendar, input.skipHolidaysForCalendarDays === true);
    const run = runClock(clock, acceptedAt, Math.round(value * DAY_MS), pauses);
    const settle = (t: number): number => (isOpenOrClosing(t, calendar) ? t : nextOpening(t, calendar));
    if (run.done) return { paused: false, dueMs: settle(run.at) };
    const ifResumedNow = settle(clock.advance(run.since, run.left));
    return {
      paused: true,
      pausedSince: run.since,
      remainingWorkingHours: workingHoursBetween(run.since, ifResumedNow, calendar),
      remainingCalendarDays: run.left / DAY_MS,
    };
  }

  throw new RangeError(`unknown processing unit: ${String(unit)}`);
}
