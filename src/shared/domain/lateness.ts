/**
 * How late a dossier is, or how much time it has left: ONE definition and ONE
 * wording for the counter, the dashboard, the kiosk and the printed reports.
 *
 * Definition: working time between now and the due instant, measured on the
 * office's working-time calendar (workingHoursBetween), never clock time, so a
 * dossier due Friday 17:00 is "1 working hour late" on Monday 08:00, not "2 days
 * 15 hours". It is split into working days of WORKING_HOURS_PER_DAY working
 * hours (the unit processing times are given in), hours, and minutes (shown only
 * under a day, where they still matter to a clerk).
 */
import { WORKING_HOURS_PER_DAY, type WorkingCalendar } from './workingCalendar';
import { workingHoursBetween } from './workingHours';

export interface WorkingSpan {
  /** true when the due instant has passed. */
  late: boolean;
  /** Whole working days. */
  days: number;
  /** Whole working hours after the days (0–7). */
  hours: number;
  /** Working minutes after the hours; 0 whenever days > 0. */
  minutes: number;
}

/** Splits a signed number of working hours (negative = late, as remainingWorkingHours) into days, hours and minutes. */
export function workingSpan(remainingWorkingHours: number): WorkingSpan {
  if (typeof remainingWorkingHours !== 'number' || !Number.isFinite(remainingWorkingHours)) {
    throw new RangeError(`working hours must be a finite number, got ${String(remainingWorkingHours)}`);
  }
  const late = remainingWorkingHours < 0;
  // Rounded up to the minute (a second late reads "1 minute late"); the epsilon absorbs float noise such as 17.7 × 60.
  const total = Math.max(0, Math.ceil(Math.abs(remainingWorkingHours) * 60 - 1e-6));
  const perDay = WORKING_HOURS_PER_DAY * 60;
  const days = Math.floor(total / perDay);
  const rest = total - days * perDay;
  return { late, days, hours: Math.floor(rest / 60), minutes: days > 0 ? 0 : rest % 60 };
}

/** The working time from now to the due instant (late when now is past it). */
export function workingTimeToDue(dueMs: number, nowMs: number, calendar: WorkingCalendar): WorkingSpan {
  return workingSpan(workingHoursBetween(nowMs, dueMs, calendar));
}

/** i18next's `t` or anything shaped like it (the hub's reports use their own instance). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * "Trễ 2 ngày 3 giờ làm việc" / "Còn 3 giờ 20 phút làm việc" (English: "2 working days 3 hours late").
 * The words are the locale files' `lateness.*` keys, with i18next plural forms.
 */
export function formatWorkingSpan(span: WorkingSpan, t: Translate): string {
  const parts: string[] = [];
  if (span.days > 0) parts.push(t('lateness.day', { count: span.days }));
  if (span.hours > 0) parts.push(t('lateness.hour', { count: span.hours }));
  if (span.days === 0 && (span.minutes > 0 || span.hours === 0)) parts.push(t('lateness.minute', { count: span.minutes }));
  return t(span.late ? 'lateness.late' : 'lateness.left', { span: parts.join(' ') });
}
