import { describe, expect, it } from 'vitest';
import {
  addWorkingHours,
  calendarFromDays,
  createCalendar,
  dayNumberOfDate,
  dueAt,
  dueStatus,
  formatDueEn,
  formatDueVi,
  isOpenAt,
  isWorkingDay,
  nextOpening,
  VN_OFFICIAL_DAYS,
  vietnamCalendar,
  workingHoursBetween,
  type DueInput,
} from '../../src/shared/domain';

/** An office-time instant: at('2026-03-13 16:30'). */
const at = (s: string): number => {
  const t = Date.parse(`${s.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${s}`);
  return t;
};
/** Back to 'YYYY-MM-DD HH:MM' office time, for readable failures. */
const show = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const vn = vietnamCalendar();
const vnSat = vietnamCalendar({ saturdayMorning: true });
const wd = (days: number): DueInput['processing'] => ({ value: days, unit: 'working_days' });
const cd = (days: number): DueInput['processing'] => ({ value: days, unit: 'calendar_days' });
const due = (input: Omit<DueInput, 'calendar'> & { calendar?: DueInput['calendar'] }): string => {
  const r = dueAt({ calendar: vn, ...input });
  if (r.paused) throw new Error('unexpectedly paused');
  return show(r.dueMs);
};

describe('working days and opening', () => {
  it('knows weekdays, weekends, holidays and swapped working days', () => {
    expect(isWorkingDay('2026-03-13', vn)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', vn)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-14', vnSat)).toBe(true); // Saturday morning on
    expect(isWorkingDay('2026-03-15', vnSat)).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-17', vn)).toBe(false); // mùng 1 Tết Bính Ngọ
    expect(isWorkingDay('2026-01-10', vn)).toBe(true); // swapped working Saturday
    expect(isWorkingDay('2025-04-26', vn)).toBe(true); // swapped working Saturday
    expect(isWorkingDay('2025-05-02', vnSat)).toBe(false); // swapped day off
    expect(isWorkingDay('2026-04-27', vn)).toBe(false); // compensating Monday for Giỗ Tổ on Sunday
  });

  it('counts from the next opening: after closing, at lunch, before opening', () => {
    expect(show(nextOpening(at('2026-03-13 17:00'), vn))).toBe('2026-03-16 07:00'); // Friday closing → Monday
    expect(show(nextOpening(at('2026-03-12 12:00'), vn))).toBe('2026-03-12 13:30'); // lunch
    expect(show(nextOpening(at('2026-03-12 11:30'), vn))).toBe('2026-03-12 13:30'); // exactly at the end of the morning
    expect(show(nextOpening(at('2026-03-12 06:15'), vn))).toBe('2026-03-12 07:00');
    expect(show(nextOpening(at('2026-03-12 07:00'), vn))).toBe('2026-03-12 07:00');
    expect(show(nextOpening(at('2026-03-12 16:59'), vn))).toBe('2026-03-12 16:59');
    expect(show(nextOpening(at('2026-02-13 17:30'), vn))).toBe('2026-02-23 07:00'); // into the Tết break
    expect(isOpenAt(at('2026-03-12 11:29'), vn)).toBe(true);
    expect(isOpenAt(at('2026-03-12 11:30'), vn)).toBe(false);
  });
});

describe('addWorkingHours (clerk examples)', () => {
  it('Friday 16:30 + 1 working day → Monday 16:30', () => {
    // Friday 16:30–17:00 = 0.5 h, Monday 07:00–11:30 = 4.5 h, then 3 h of the afternoon.
    expect(show(addWorkingHours(at('2026-03-13 16:30'), 8, vn))).toBe('2026-03-16 16:30');
    expect(due({ acceptedAt: at('2026-03-13 16:30'), processing: wd(1) })).toBe('2026-03-16 16:30');
  });

  it('received at lunch counts from 13:30', () => {
    expect(show(addWorkingHours(at('2026-03-12 12:00'), 2, vn))).toBe('2026-03-12 15:30');
    // Thursday afternoon 3.5 h + Friday morning 4.5 h: due at Friday's 11:30 closing.
    expect(show(addWorkingHours(at('2026-03-12 12:00'), 8, vn))).toBe('2026-03-13 11:30');
  });

  it('received on Saturday when Saturday is off counts from Monday; with Saturday morning on, from Saturday', () => {
    expect(show(addWorkingHours(at('2026-03-14 09:00'), 8, vn))).toBe('2026-03-16 17:00');
    // Saturday 09:00–11:30 = 2.5 h, Monday 4.5 h by 11:30, 1 h more.
    expect(show(addWorkingHours(at('2026-03-14 09:00'), 8, vnSat))).toBe('2026-03-16 14:30');
    // A Saturday morning counts its open time at the weekday rate: 4.5 working hours.
    expect(workingHoursBetween(at('2026-03-14 00:00'), at('2026-03-15 00:00'), vnSat)).toBe(4.5);
  });

  it('exactly at closing stays at closing (not the next morning)', () => {
    expect(show(addWorkingHours(at('2026-03-16 07:00'), 8, vn))).toBe('2026-03-16 17:00');
    expect(show(addWorkingHours(at('2026-03-16 07:00'), 4.5, vn))).toBe('2026-03-16 11:30');
    expect(show(addWorkingHours(at('2026-03-16 18:00'), 8, vn))).toBe('2026-03-17 17:00');
    // Zero hours is the start itself, open or not.
    expect(show(addWorkingHours(at('2026-03-14 09:00'), 0, vn))).toBe('2026-03-14 09:00');
  });

  it('skips Tết 2026 (break 14/02–22/02)', () => {
    // Thu 12/02 10:00: 5 h that day, 8 h Friday, Mon 23/02 8 h, 3 h on Tue 24/02.
    expect(due({ acceptedAt: at('2026-02-12 10:00'), processing: wd(3) })).toBe('2026-02-24 10:00');
    expect(workingHoursBetween(at('2026-02-13 17:00'), at('2026-02-23 07:00'), vn)).toBe(0);
  });

  it('skips 30/4–1/5 (2026: Thursday–Friday)', () => {
    expect(due({ acceptedAt: at('2026-04-29 15:00'), processing: wd(1) })).toBe('2026-05-04 15:00');
    // And Giỗ Tổ on Sunday 26/04/2026 closes Monday 27/04.
    expect(due({ acceptedAt: at('2026-04-24 16:00'), processing: wd(1) })).toBe('2026-04-28 16:00');
  });

  it('works a swapped Saturday (2025: Friday 2/5 swapped with Saturday 26/4)', () => {
    // Fri 25/04 16:00 → 1 h, Saturday 26/04 is a full working day: 7 h → 16:00.
    expect(due({ acceptedAt: at('2025-04-25 16:00'), processing: wd(1) })).toBe('2025-04-26 16:00');
    // Tue 29/04 09:00 + 1 day: 2.5 + 3.5 = 6 h Tuesday, then 30/4–4/5 closed, 2 h on Mon 05/05.
    expect(due({ acceptedAt: at('2025-04-29 09:00'), processing: wd(1) })).toBe('2025-05-05 09:00');
    // 2026: Friday 2/1 swapped with Saturday 10/1.
    expect(due({ acceptedAt: at('2026-01-09 13:30'), processing: wd(1) })).toBe('2026-01-10 11:30');
  });

  it('crosses the year end 2026 → 2027', () => {
    // Thu 31/12 14:00: 3 h; Fri 1/1/2027 holiday; Mon 4/1 8 h; Tue 5/1 5 h → 14:00.
    expect(due({ acceptedAt: at('2026-12-31 14:00'), processing: wd(2) })).toBe('2027-01-05 14:00');
  });

  it('maps 8 working hours onto sessions that are not 8 h long', () => {
    const seven = createCalendar({ officeHours: { weekdaySessions: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '16:30' }] } });
    expect(show(addWorkingHours(at('2026-03-16 07:30'), 8, seven))).toBe('2026-03-16 16:30');
    // 4 working hours = half a day = 3.5 h on the clock.
    expect(show(addWorkingHours(at('2026-03-16 07:30'), 4, seven))).toBe('2026-03-16 11:00');
    expect(workingHoursBetween(at('2026-03-16 00:00'), at('2026-03-17 00:00'), seven)).toBe(8);
  });
});

describe('dueAt: calendar days, pauses', () => {
  it('calendar days over 30/4–1/5, with and without skipping holidays', () => {
    // Tue 28/04 10:00 + 5 days = Sun 03/05 10:00, closed → next opening Mon 04/05 07:00.
    expect(due({ acceptedAt: at('2026-04-28 10:00'), processing: cd(5) })).toBe('2026-05-04 07:00');
    // Skipping: Thu 30/4 and Fri 1/5 add a day each → Tue 05/05 10:00 (open).
    expect(due({ acceptedAt: at('2026-04-28 10:00'), processing: cd(5), skipHolidaysForCalendarDays: true })).toBe('2026-05-05 10:00');
  });

  it('a holiday on Sunday is counted once, through its compensating Monday', () => {
    // Fri 24/04 10:00 + 3 days: without skipping Mon 27/04 10:00 is a day off → Tue 28/04 07:00.
    expect(due({ acceptedAt: at('2026-04-24 10:00'), processing: cd(3) })).toBe('2026-04-28 07:00');
    expect(due({ acceptedAt: at('2026-04-24 10:00'), processing: cd(3), skipHolidaysForCalendarDays: true })).toBe('2026-04-28 10:00');
  });

  it('calendar days landing at lunch or at closing', () => {
    expect(due({ acceptedAt: at('2026-03-10 12:15'), processing: cd(2) })).toBe('2026-03-12 13:30');
    expect(due({ acceptedAt: at('2026-03-10 17:00'), processing: cd(2) })).toBe('2026-03-12 17:00');
  });

  it('a supplement requested before a weekend pauses the clock until it arrives', () => {
    const acceptedAt = at('2026-03-09 09:00');
    expect(due({ acceptedAt, processing: wd(3) })).toBe('2026-03-12 09:00');
    // Paused Wed 16:00 → Mon 08:00: 18 working hours inside the pause, the due moves by them.
    const pause = { from: at('2026-03-11 16:00'), to: at('2026-03-16 08:00') };
    expect(workingHoursBetween(pause.from, pause.to, vn)).toBe(18);
    expect(due({ acceptedAt, processing: wd(3), pauses: [pause] })).toBe('2026-03-16 11:00');
    // While still waiting, no due instant: 3 working hours remain.
    const open = dueAt({ acceptedAt, processing: wd(3), calendar: vn, pauses: [{ from: pause.from, to: null }] });
    expect(open).toEqual({ paused: true, pausedSince: pause.from, remainingWorkingHours: 3 });
    // A pause over the weekend only costs nothing; overlapping pauses count once.
    expect(due({ acceptedAt, processing: wd(3), pauses: [{ from: at('2026-03-13 17:00'), to: at('2026-03-16 07:00') }] })).toBe('2026-03-12 09:00');
    const twice = [pause, { from: at('2026-03-12 09:00'), to: at('2026-03-13 10:00') }];
    expect(due({ acceptedAt, processing: wd(3), pauses: twice })).toBe('2026-03-16 11:00');
  });

  it('a pause after the clock ran out changes nothing', () => {
    const acceptedAt = at('2026-03-09 09:00');
    expect(due({ acceptedAt, processing: wd(1), pauses: [{ from: at('2026-03-12 08:00'), to: at('2026-03-13 08:00') }] })).toBe('2026-03-10 09:00');
    expect(dueAt({ acceptedAt, processing: wd(1), calendar: vn, pauses: [{ from: at('2026-03-12 08:00') }] }).paused).toBe(false);
  });

  it('calendar-day clocks pause too and report what is left', () => {
    const acceptedAt = at('2026-03-09 09:00');
    expect(due({ acceptedAt, processing: cd(10), pauses: [{ from: at('2026-03-10 09:00'), to: at('2026-03-12 09:00') }] })).toBe('2026-03-23 07:00');
    const r = dueAt({ acceptedAt, processing: cd(10), calendar: vn, pauses: [{ from: at('2026-03-10 09:00') }] });
    expect(r.paused && r.remainingCalendarDays).toBe(9);
  });
});

describe('dueStatus and printing', () => {
  const dueMs = at('2026-03-16 16:30');
  it('is computed from the due instant and the working time left', () => {
    expect(dueStatus(dueMs, at('2026-03-16 16:31'), vn)).toBe('overdue');
    expect(dueStatus(dueMs, dueMs, vn)).toBe('nearly_due');
    expect(dueStatus(dueMs, at('2026-03-16 10:30'), vn)).toBe('nearly_due'); // 4 working hours left (the default)
    expect(dueStatus(dueMs, at('2026-03-16 10:29'), vn)).toBe('on_time');
    expect(dueStatus(dueMs, at('2026-03-13 16:30'), vn, 8)).toBe('nearly_due'); // 8 working hours left
    expect(dueStatus(dueMs, at('2026-03-13 16:29'), vn, 8)).toBe('on_time');
    expect(dueStatus(dueMs, at('2026-03-13 16:29'), vn, 16)).toBe('nearly_due');
    expect(workingHoursBetween(at('2026-03-17 16:30'), dueMs, vn)).toBe(-8); // a working day late
  });

  it('prints "hh giờ mm phút, ngày dd/mm/yyyy" in office time, and an English twin', () => {
    expect(formatDueVi(at('2026-11-25 14:30'))).toBe('14 giờ 30 phút, ngày 25/11/2026');
    expect(formatDueEn(at('2026-11-25 14:30'))).toBe('14:30 on 25/11/2026');
    expect(formatDueVi(Date.parse('2026-12-31T17:05:00Z'))).toBe('00 giờ 05 phút, ngày 01/01/2027');
    expect(formatDueVi(at('2027-03-02 07:05'))).toBe('07 giờ 05 phút, ngày 02/03/2027');
  });
});

describe('bad input', () => {
  const t = at('2026-03-16 07:00');
  it('throws RangeError for negative, NaN, infinite or absurd hours and instants', () => {
    expect(() => addWorkingHours(t, -1, vn)).toThrow(RangeError);
    expect(() => addWorkingHours(t, Number.NaN, vn)).toThrow(RangeError);
    expect(() => addWorkingHours(t, Number.POSITIVE_INFINITY, vn)).toThrow(RangeError);
    expect(() => addWorkingHours(t, 1e9, vn)).toThrow(RangeError);
    expect(() => addWorkingHours(Number.NaN, 1, vn)).toThrow(RangeError);
    expect(() => workingHoursBetween(t, Number.NaN, vn)).toThrow(RangeError);
    expect(() => nextOpening(Number.NaN, vn)).toThrow(RangeError);
    expect(() => formatDueVi(Number.NaN)).toThrow(RangeError);
    expect(() => dueStatus(t, t, vn, -1)).toThrow(RangeError);
  });
  it('throws RangeError for an unknown unit, a bad value or a backwards pause', () => {
    expect(() => dueAt({ acceptedAt: t, processing: { value: 1, unit: 'weeks' as never }, calendar: vn })).toThrow(RangeError);
    expect(() => dueAt({ acceptedAt: t, processing: wd(-1), calendar: vn })).toThrow(RangeError);
    expect(() => dueAt({ acceptedAt: t, processing: cd(Number.NaN), calendar: vn })).toThrow(RangeError);
    expect(() => dueAt({ acceptedAt: t, processing: wd(1), calendar: vn, pauses: [{ from: t, to: t - 1 }] })).toThrow(RangeError);
    expect(() => dueAt({ acceptedAt: Number.NaN, processing: wd(1), calendar: vn })).toThrow(RangeError);
  });
  it('throws RangeError for malformed calendars and dates', () => {
    expect(() => isWorkingDay('2026-02-30', vn)).toThrow(RangeError);
    expect(() => isWorkingDay('16/03/2026', vn)).toThrow(RangeError);
    expect(() => createCalendar({ holidays: ['2026-13-01'] })).toThrow(RangeError);
    expect(() => createCalendar({ holidays: ['2026-03-14'], workingDays: ['2026-03-14'] })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { weekdaySessions: [] } })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { weekdaySessions: [{ start: '11:00', end: '08:00' }] } })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { weekdaySessions: [{ start: '7h', end: '11:00' }] } })).toThrow(RangeError);
    expect(() => createCalendar({ officeHours: { weekdaySessions: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } })).toThrow(RangeError);
    expect(() => calendarFromDays([{ date: '2026-03-14', kind: 'closed' as never }])).toThrow(RangeError);
  });
});

describe('the seeded Vietnamese table (2025–2027)', () => {
  const weekday = (date: string) => (((dayNumberOfDate(date) + 4) % 7) + 7) % 7;
  it('has valid, unique, ordered dates; swapped working days are weekends', () => {
    const dates = VN_OFFICIAL_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of VN_OFFICIAL_DAYS) {
      expect(() => dayNumberOfDate(d.date)).not.toThrow();
      expect(d.name_vi.length).toBeGreaterThan(0);
      expect(d.name_en.length).toBeGreaterThan(0);
      if (d.kind === 'working_day') expect([0, 6]).toContain(weekday(d.date));
    }
  });
  it('gives 11 statutory weekdays off a year, net of swaps (Labour Code art. 112)', () => {
    for (const year of ['2025', '2026', '2027']) {
      const rows = VN_OFFICIAL_DAYS.filter((d) => d.date.startsWith(year));
      const weekdaysOff = rows.filter((d) => d.kind === 'holiday' && weekday(d.date) >= 1 && weekday(d.date) <= 5).length;
      const worked = rows.filter((d) => d.kind === 'working_day').length;
      expect(weekdaysOff - worked, year).toBe(11);
    }
  });
  it('marks exactly the unannounced year 2027 as provisional', () => {
    for (const d of VN_OFFICIAL_DAYS) expect(d.provisional === true, d.date).toBe(d.date.startsWith('2027'));
  });
  it('has the fixed-date holidays on their dates', () => {
    for (const date of ['2025-04-07', '2026-04-26', '2027-04-16', '2025-04-30', '2026-05-01', '2027-09-02', '2027-01-01', '2026-02-17']) {
      expect(vn.holidays.has(date), date).toBe(true);
    }
  });
});

describe('same-day procedures ("trong ngày", 0 working days)', () => {
  const cal = vietnamCalendar();
  const at = (iso: string) => Date.parse(iso);
  it('are due at the closing of the day they count from', () => {
    // Monday 09:00 in Hà Nội → Monday 17:00.
    expect(dueAt({ acceptedAt: at('2026-11-23T02:00:00Z'), processing: { value: 0, unit: 'working_days' }, calendar: cal })).toEqual({ paused: false, dueMs: at('2026-11-23T10:00:00Z') });
    // Friday 17:30, after closing → the next working day (Monday) 17:00.
    expect(dueAt({ acceptedAt: at('2026-11-27T10:30:00Z'), processing: { value: 0, unit: 'working_days' }, calendar: cal })).toEqual({ paused: false, dueMs: at('2026-11-30T10:00:00Z') });
  });
});
