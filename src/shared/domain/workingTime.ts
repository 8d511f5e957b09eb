/**
 * Working time and due dates ("thời hạn giải quyết", "ngày hẹn trả kết quả").
 *
 * Pure rules: no clock, no I/O. Every instant is a number of milliseconds
 * since the epoch (UTC); every date is 'YYYY-MM-DD' at the office.
 *
 * Time zone: the office is in Asia/Ho_Chi_Minh, which has been a fixed UTC+7
 * with no daylight saving since 1975. We rely on that fixed offset (kept in
 * OFFICE_UTC_OFFSET_MS, the only place it appears) instead of Intl time-zone
 * lookups: this is called for every row of a list and iterates per day.
 *
 * Working hours. Processing times are held in working hours, one working day
 * being 8 working hours whatever the exact sessions are. The open time of a
 * full working day (the weekday sessions) is mapped linearly onto 8 working
 * hours: one working hour = (open time of a full day) / 8. With the default
 * sessions 07:00–11:30 (4.5 h) and 13:30–17:00 (3.5 h) a full day is open
 * exactly 8 h, so one working hour is one hour on the clock. An office with
 * sessions totalling 7 h counts each open minute as 8/7 working minutes, so
 * "1 working day" is still exactly one full day of its sessions. A Saturday
 * morning, when open, counts its open time at the same rate (4.5 working
 * hours by default), and a swapped working day ("ngày làm bù") is a full day.
 *
 * Edge decisions (tested in tests/unit/working-time.test.ts):
 * - addWorkingHours returns the EARLIEST instant at which `hours` working
 *   hours have elapsed. When that happens exactly at a session end, the
 *   result is that closing time (17:00 stays 17:00 the same day, 11:30 stays
 *   11:30), never the next opening. A result is therefore always inside an
 *   open session or exactly at its end; adding 0 hours returns the start.
 * - nextOpening(ms) is ms itself while a session is open, [start, end);
 *   exactly at closing the office is closed, so it is the next session start.
 * - Calendar-day procedures: see dueAt.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh: UTC+7 all year (no DST). The one place the offset lives. */
export const OFFICE_UTC_OFFSET_MS = 7 * HOUR_MS;
/** One working day is this many working hours. */
export const WORKING_HOURS_PER_DAY = 8;
/** Largest processing time accepted (in working hours), about 40 years: guards against runaway loops. */
export const MAX_WORKING_HOURS = 100_000;
/** How far nextOpening looks ahead before deciding the calendar never opens. */
const MAX_SCAN_DAYS = 366 * 50;

export interface OfficeSession {
  /** 'HH:MM', 24-hour clock, office time. */
  start: string;
  /** 'HH:MM', after start; '24:00' allowed. */
  end: string;
}

export interface OfficeHours {
  /** Sessions of a full working day: Monday–Friday and swapped working days. */
  weekdaySessions: readonly OfficeSession[];
  /** Whether the office also opens on Saturday (normally only the morning). */
  saturdayMorning: boolean;
  /** Saturday sessions when saturdayMorning is on. */
  saturdaySessions: readonly OfficeSession[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  weekdaySessions: Object.freeze([
    Object.freeze({ start: '07:00', end: '11:30' }),
    Object.freeze({ start: '13:30', end: '17:00' }),
  ]),
  saturdayMorning: false,
  saturdaySessions: Object.freeze([Object.freeze({ start: '07:00', end: '11:30' })]),
});

/** A date's role in the calendar: an official day off, or a weekend day that is worked (swap). */
export type CalendarDayKind = 'holiday' | 'working_day';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
}

/** [start, end) in milliseconds after the office's local midnight. */
type Span = readonly [number, number];

/**
 * Office hours + holidays + swapped working days, prepared for fast lookups.
 * Build it with createCalendar (or calendarFromDays); do not write one by hand.
 */
export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  /** Days off ('YYYY-MM-DD'), including swapped days off and compensating days. */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are worked as a full day ('YYYY-MM-DD'). */
  readonly workingDays: ReadonlySet<string>;
  /** Open milliseconds in one working hour (open time of a full day / 8). */
  readonly openMsPerWorkingHour: number;
  /** @internal */
  readonly _full: readonly Span[];
  /** @internal */
  readonly _saturday: readonly Span[];
  /** @internal day numbers (days since 1970-01-01, office time) */
  readonly _holidayDays: ReadonlySet<number>;
  /** @internal */
  readonly _workingDayDays: ReadonlySet<number>;
}

// ---------------------------------------------------------------- dates

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Day number (days since 1970-01-01) of an office date; RangeError when not a real date. */
export function dayNumberOfDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${String(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return t / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number (office time) of an instant. */
export function officeDayNumber(ms: number): number {
  return Math.floor((ms + OFFICE_UTC_OFFSET_MS) / DAY_MS);
}

/** The instant of the office's local midnight starting a day number. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - OFFICE_UTC_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function assertInstant(ms: number, what: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new RangeError(`${what} must be a finite instant (ms), got ${String(ms)}`);
}

function assertHours(hours: number, what = 'hours'): void {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > MAX_WORKING_HOURS) {
    throw new RangeError(`${what} must be a number between 0 and ${MAX_WORKING_HOURS}, got ${String(hours)}`);
  }
}

// ---------------------------------------------------------------- building a calendar

function minutesOf(hhmm: string): number {
  const m = typeof hhmm === 'string' ? TIME_RE.exec(hhmm) : null;
  if (!m) throw new RangeError(`not a time (HH:MM): ${String(hhmm)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) throw new RangeError(`not a time of day: ${hhmm}`);
  return h * 60 + min;
}

function spansOf(sessions: readonly OfficeSession[], what: string): Span[] {
  const spans = sessions.map((s): Span => [minutesOf(s.start) * MINUTE_MS, minutesOf(s.end) * MINUTE_MS]);
  let prevEnd = -1;
  for (const [a, b] of spans) {
    if (b <= a) throw new RangeError(`${what}: a session must end after it starts`);
    if (a < prevEnd) throw new RangeError(`${what}: sessions must be in order and must not overlap`);
    prevEnd = b;
  }
  return spans;
}

export interface CalendarOptions {
  officeHours?: Partial<OfficeHours>;
  holidays?: Iterable<string>;
  workingDays?: Iterable<string>;
}

/** Builds a calendar; RangeError on a malformed time, date, or a date both off and worked. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const officeHours: OfficeHours = {
    weekdaySessions: options.officeHours?.weekdaySessions ?? DEFAULT_OFFICE_HOURS.weekdaySessions,
    saturdayMorning: options.officeHours?.saturdayMorning ?? DEFAULT_OFFICE_HOURS.saturdayMorning,
    saturdaySessions: options.officeHours?.saturdaySessions ?? DEFAULT_OFFICE_HOURS.saturdaySessions,
  };
  const full = spansOf(officeHours.weekdaySessions, 'weekday sessions');
  if (full.length === 0) throw new RangeError('weekday sessions: at least one session is needed');
  const saturday = spansOf(officeHours.saturdaySessions, 'Saturday sessions');
  const openPerDay = full.reduce((s, [a, b]) => s + (b - a), 0);

  const holidays = new Set<string>();
  const holidayDays = new Set<number>();
  for (const d of options.holidays ?? []) {
    holidayDays.add(dayNumberOfDate(d));
    holidays.add(d);
  }
  const workingDays = new Set<string>();
  const workingDayDays = new Set<number>();
  for (const d of options.workingDays ?? []) {
    const n = dayNumberOfDate(d);
    if (holidayDays.has(n)) throw new RangeError(`${d} is both a day off and a swapped working day`);
    workingDayDays.add(n);
    workingDays.add(d);
  }
  return Object.freeze({
    officeHours,
    holidays,
    workingDays,
    openMsPerWorkingHour: openPerDay / WORKING_HOURS_PER_DAY,
    _full: full,
    _saturday: saturday,
    _holidayDays: holidayDays,
    _workingDayDays: workingDayDays,
  });
}

/** A calendar from a table of days (e.g. the seeded or edited holiday table). */
export function calendarFromDays(days: Iterable<CalendarDay>, officeHours?: Partial<OfficeHours>): WorkingCalendar {
  const holidays: string[] = [];
  const workingDays: string[] = [];
  for (const d of days) {
    if (d.kind === 'holiday') holidays.push(d.date);
    else if (d.kind === 'working_day') workingDays.push(d.date);
    else throw new RangeError(`unknown calendar day kind: ${String((d as { kind: unknown }).kind)}`);
  }
  return createCalendar({ officeHours, holidays, workingDays });
}

// ---------------------------------------------------------------- days and sessions

const CLOSED: readonly Span[] = Object.freeze([]);

/** Whether the office would open on this day if it were not a holiday. */
function normallyOpen(cal: WorkingCalendar, day: number): boolean {
  if (cal._workingDayDays.has(day)) return true;
  const wd = weekdayOfDay(day);
  if (wd >= 1 && wd <= 5) return true;
  return wd === 6 && cal.officeHours.saturdayMorning && cal._saturday.length > 0;
}

function spansOn(cal: WorkingCalendar, day: number): readonly Span[] {
  if (cal._holidayDays.has(day)) return CLOSED;
  if (cal._workingDayDays.has(day)) return cal._full;
  const wd = weekdayOfDay(day);
  if (wd >= 1 && wd <= 5) return cal._full;
  if (wd === 6 && cal.officeHours.saturdayMorning) return cal._saturday;
  return CLOSED;
}

/** Monday–Friday (plus Saturday when it opens), not a holiday; a swapped working day always works. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return spansOn(calendar, dayNumberOfDate(date)).length > 0;
}

/** Whether the office is open at this instant: inside a session, [start, end). */
export function isOpenAt(ms: number, calendar: WorkingCalendar): boolean {
  assertInstant(ms, 'ms');
  const day = officeDayNumber(ms);
  const off = ms - dayStartMs(day);
  return spansOn(calendar, day).some(([a, b]) => off >= a && off < b);
}

/** Open, or exactly at the end of a session (the documented edge of addWorkingHours). */
function isOpenOrClosing(ms: number, cal: WorkingCalendar): boolean {
  const day = officeDayNumber(ms);
  const off = ms - dayStartMs(day);
  return spansOn(cal, day).some(([a, b]) => off >= a && off <= b);
}

/**
 * The instant work can start on something received at `ms`: ms itself while
 * open; after closing, the next opening; at lunch, the afternoon start.
 */
export function nextOpening(ms: number, calendar: WorkingCalendar): number {
  assertInstant(ms, 'ms');
  const first = officeDayNumber(ms);
  for (let day = first; day < first + MAX_SCAN_DAYS; day++) {
    const base = dayStartMs(day);
    for (const [a, b] of spansOn(calendar, day)) {
      if (ms < base + a) return base + a;
      if (ms < base + b) return ms;
    }
  }
  throw new RangeError('the calendar never opens');
}

// ---------------------------------------------------------------- open time (internal unit: open ms)

/** Earliest instant at which `need` open milliseconds have elapsed after `start`. */
function addOpenMs(start: number, need: number, cal: WorkingCalendar): number {
  if (need <= 0) return start;
  let left = need;
  const first = officeDayNumber(start);
  for (let day = first; day < first + MAX_SCAN_DAYS * 4; day++) {
    const base = dayStartMs(day);
    for (const [a, b] of spansOn(cal, day)) {
      const from = Math.max(base + a, start);
      const to = base + b;
      if (from >= to) continue;
      const avail = to - from;
      if (left <= avail) return from + left;
      left -= avail;
    }
  }
  throw new RangeError('the calendar does not open often enough for this processing time');
}

/** Open milliseconds in [a, b); negative when b < a. */
function openMsBetween(a: number, b: number, cal: WorkingCalendar): number {
  if (b < a) return -openMsBetween(b, a, cal);
  let sum = 0;
  const last = officeDayNumber(b);
  for (let day = officeDayNumber(a); day <= last; day++) {
    const base = dayStartMs(day);
    for (const [s, e] of spansOn(cal, day)) {
      const from = Math.max(base + s, a);
      const to = Math.min(base + e, b);
      if (to > from) sum += to - from;
    }
  }
  return sum;
}

function hoursToOpenMs(hours: number, cal: WorkingCalendar): number {
  return Math.round(hours * cal.openMsPerWorkingHour);
}

/**
 * The instant when `hours` working hours have elapsed after `startMs`,
 * counting only open time. Exactly at a closing time stays at that closing
 * time; 0 hours returns startMs. RangeError on negative, NaN or absurd hours.
 */
export function addWorkingHours(startMs: number, hours: number, calendar: WorkingCalendar): number {
  assertInstant(startMs, 'startMs');
  assertHours(hours);
  return addOpenMs(startMs, hoursToOpenMs(hours, calendar), calendar);
}

/** Working hours in [a, b) (negative when b is before a: hours late). */
export function workingHoursBetween(a: number, b: number, calendar: WorkingCalendar): number {
  assertInstant(a, 'a');
  assertInstant(b, 'b');
  return openMsBetween(a, b, calendar) / calendar.openMsPerWorkingHour;
}

// ---------------------------------------------------------------- due dates

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

export type DueStatus = 'overdue' | 'nearly_due' | 'on_time';

/**
 * Nearly due while at most this many working hours are left, unless the office sets its own
 * (/admin, supervisor settings). Half a working day: a clerk can still act on it today, and a
 * same-day dossier is not amber the minute it is received.
 */
export const DEFAULT_NEARLY_DUE_WORKING_HOURS = 4;

/**
 * Computed on read, never stored: overdue once now is past the due instant;
 * nearly due while at most `nearlyDueWorkingHours` working hours are left;
 * otherwise on time. The one rule: the hub's lists, figures and kiosk view all call it.
 */
export function dueStatus(dueMs: number, nowMs: number, calendar: WorkingCalendar, nearlyDueWorkingHours = DEFAULT_NEARLY_DUE_WORKING_HOURS): DueStatus {
  assertInstant(dueMs, 'dueMs');
  assertInstant(nowMs, 'nowMs');
  assertHours(nearlyDueWorkingHours, 'nearlyDueWorkingHours');
  if (nowMs > dueMs) return 'overdue';
  return workingHoursBetween(nowMs, dueMs, calendar) <= nearlyDueWorkingHours ? 'nearly_due' : 'on_time';
}

// ---------------------------------------------------------------- printing

function officeParts(ms: number): { hh: string; mm: string; dd: string; mo: string; yyyy: string } {
  assertInstant(ms, 'ms');
  const d = new Date(ms + OFFICE_UTC_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    hh: p2(d.getUTCHours()),
    mm: p2(d.getUTCMinutes()),
    dd: p2(d.getUTCDate()),
    mo: p2(d.getUTCMonth() + 1),
    yyyy: String(d.getUTCFullYear()).padStart(4, '0'),
  };
}

/** "14 giờ 30 phút, ngày 25/11/2026" — the due time as the receipt prints it. */
export function formatDueVi(ms: number): string {
  const p = officeParts(ms);
  return `${p.hh} giờ ${p.mm} phút, ngày ${p.dd}/${p.mo}/${p.yyyy}`;
}

/** "14:30 on 25/11/2026" — the English twin of formatDueVi. */
export function formatDueEn(ms: number): string {
  const p = officeParts(ms);
  return `${p.hh}:${p.mm} on ${p.dd}/${p.mo}/${p.yyyy}`;
}
