/**
 * Working-hours arithmetic over a WorkingCalendar (workingCalendar.ts).
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
 * Edge decision (tested in tests/unit/working-time.test.ts):
 * - addWorkingHours returns the EARLIEST instant at which `hours` working
 *   hours have elapsed. When that happens exactly at a session end, the
 *   result is that closing time (17:00 stays 17:00 the same day, 11:30 stays
 *   11:30), never the next opening. A result is therefore always inside an
 *   open session or exactly at its end; adding 0 hours returns the start.
 *
 * addOpenMs, openMsBetween and hoursToOpenMs (@internal) are exported for
 * dueDate.ts only; src/shared/domain/index.ts does not re-export them.
 */

import { assertHours, assertInstant, dayStartMs, MAX_SCAN_DAYS, officeDayNumber, spansOn, type WorkingCalendar } from './workingCalendar';

// ---------------------------------------------------------------- open time (internal unit: open ms)

/** Earliest instant at which `need` open milliseconds have elapsed after `start`. */
export function addOpenMs(start: number, need: number, cal: WorkingCalendar): number {
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
export function openMsBetween(a: number, b: number, cal: WorkingCalendar): number {
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

export function hoursToOpenMs(hours: number, cal: WorkingCalendar): number {
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
