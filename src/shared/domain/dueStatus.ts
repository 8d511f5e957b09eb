/** Due status (overdue, nearly due, on time), computed on read from the due instant. */

import { assertHours, assertInstant, type WorkingCalendar } from './workingCalendar';
import { workingHoursBetween } from './workingHours';

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
