/**
 * The working calendar: office hours, holidays and swapped working days, and
 * which instants are open. Working-hours arithmetic is in workingHours.ts,
 * due dates in dueDate.ts, due status in dueStatus.ts, printing in dueFormat.ts.
 *
 * Pure rules: no clock, no I/O. Every instant is a number of milliseconds
 * since the epoch (UTC); every date is 'YYYY-MM-DD' at the office.
 *
 * Time zone: the office is in Asia/Ho_Chi_Minh, which has been a fixed UTC+7
 * with no daylight saving since 1975. We rely on that fixed offset (kept in
 * OFFICE_UTC_OFFSET_MS, the only place it appears) instead of Intl time-zone
 * lookups: this is called for every row of a list and iterates per day.
 *
 * Edge decision (tested in tests/unit/working-time.test.ts):
 * - nextOpening(ms) is ms itself while a session is open, [start, end);
 *   exactly at closing the office is closed, so it is the next session start.
 *
 * The helpers marked @internal are exported only for the sibling working-time
 * modules; src/shared/domain/index.ts does not re-export them.
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
export const MAX_SCAN_DAYS = 366 * 50;

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
export type Span = readonly [number, number];

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
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function assertInstant(ms: number, what: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new RangeError(`${what} must be a finite instant (ms), got ${String(ms)}`);
}

export function assertHours(hours: number, what = 'hours'): void {
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
export function normallyOpen(cal: WorkingCalendar, day: number): boolean {
  if (cal._workingDayDays.has(day)) return true;
  const wd = weekdayOfDay(day);
  if (wd >= 1 && wd <= 5) return true;
  return wd === 6 && cal.officeHours.saturdayMorning && cal._saturday.length > 0;
}

export function spansOn(cal: WorkingCalendar, day: number): readonly Span[] {
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
export function isOpenOrClosing(ms: number, cal: WorkingCalendar): boolean {
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
