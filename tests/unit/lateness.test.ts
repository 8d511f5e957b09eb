import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { createCalendar, DEFAULT_NEARLY_DUE_WORKING_HOURS, dueAt, dueStatus, formatWorkingSpan, vietnamCalendar, workingSpan, workingTimeToDue } from '../../src/shared/domain';
import { resources } from '../../src/shared/i18n';

/** An office-time instant: at('2026-03-13 16:30'). */
const at = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+07:00`);
const vn = vietnamCalendar();

function translator(lng: 'vi' | 'en') {
  const inst = i18next.createInstance();
  void inst.init({ resources, lng, initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return (k: string, o?: Record<string, unknown>) => String(inst.t(k, o));
}
const tVi = translator('vi');
const tEn = translator('en');

describe('lateness: one definition in working time', () => {
  it('splits working hours into working days of 8 h, hours, and minutes under a day', () => {
    expect(workingSpan(-17.7)).toEqual({ late: true, days: 2, hours: 1, minutes: 0 });
    expect(workingSpan(-19)).toEqual({ late: true, days: 2, hours: 3, minutes: 0 });
    expect(workingSpan(3 + 20 / 60)).toEqual({ late: false, days: 0, hours: 3, minutes: 20 });
    expect(workingSpan(-44 / 60)).toEqual({ late: true, days: 0, hours: 0, minutes: 44 });
    expect(workingSpan(-8)).toEqual({ late: true, days: 1, hours: 0, minutes: 0 });
    // A second late is a minute late; float noise does not add one.
    expect(workingSpan(-1 / 3600)).toEqual({ late: true, days: 0, hours: 0, minutes: 1 });
    expect(workingSpan(0.5)).toEqual({ late: false, days: 0, hours: 0, minutes: 30 });
  });

  it('measures on the calendar, not the clock: due Friday 17:00, Monday 08:00 is 1 working hour late', () => {
    const due = at('2026-03-13 17:00'); // a Friday
    expect(workingTimeToDue(due, at('2026-03-16 08:00'), vn)).toEqual({ late: true, days: 0, hours: 1, minutes: 0 });
    // Same due, Thursday 16:00: 1 h that afternoon + 8 h on Friday = 1 working day 1 hour left.
    expect(workingTimeToDue(due, at('2026-03-12 16:00'), vn)).toEqual({ late: false, days: 1, hours: 1, minutes: 0 });
  });

  it('an office whose day is 7 h still counts a working day as one full day of its sessions', () => {
    const cal = createCalendar({ officeHours: { weekdaySessions: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }] } });
    expect(workingTimeToDue(at('2026-03-13 16:00'), at('2026-03-16 16:00'), cal)).toEqual({ late: true, days: 1, hours: 0, minutes: 0 });
  });

  it('reads "Trễ 2 ngày 3 giờ làm việc" in Vietnamese, with English plurals', () => {
    expect(formatWorkingSpan(workingSpan(-19), tVi)).toBe('Trễ 2 ngày 3 giờ làm việc');
    expect(formatWorkingSpan(workingSpan(-17.7), tVi)).toBe('Trễ 2 ngày 1 giờ làm việc');
    expect(formatWorkingSpan(workingSpan(3 + 20 / 60), tVi)).toBe('Còn 3 giờ 20 phút làm việc');
    expect(formatWorkingSpan(workingSpan(-8), tVi)).toBe('Trễ 1 ngày làm việc');
    expect(formatWorkingSpan(workingSpan(0), tVi)).toBe('Còn 0 phút làm việc');
    expect(formatWorkingSpan(workingSpan(-19), tEn)).toBe('2 working days 3 hours late (working time)');
    expect(formatWorkingSpan(workingSpan(-9), tEn)).toBe('1 working day 1 hour late (working time)');
    expect(formatWorkingSpan(workingSpan(1 / 60), tEn)).toBe('1 minute left (working time)');
    expect(formatWorkingSpan(workingSpan(2 + 2 / 60), tEn)).toBe('2 hours 2 minutes left (working time)');
  });

  it('refuses what is not a number of hours', () => {
    expect(() => workingSpan(Number.NaN)).toThrow(RangeError);
    expect(() => workingSpan(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => workingSpan('3' as unknown as number)).toThrow(RangeError);
  });
});

describe('nearly due: a threshold in working hours, not "due today"', () => {
  // A same-day dossier received this morning is due at today's closing, 17:00.
  const received = at('2026-03-16 07:30');
  const r = dueAt({ acceptedAt: received, processing: { value: 0, unit: 'working_days' }, calendar: vn });
  const due = r.paused ? Number.NaN : r.dueMs;

  it('the default is 4 working hours', () => {
    expect(DEFAULT_NEARLY_DUE_WORKING_HOURS).toBe(4);
    expect(due).toBe(at('2026-03-16 17:00'));
  });

  it('is on time at 08:00 (7 working hours left), nearly due at 13:30 (3.5 h left), overdue after 17:00', () => {
    expect(dueStatus(due, at('2026-03-16 07:30'), vn)).toBe('on_time');
    expect(dueStatus(due, at('2026-03-16 08:00'), vn)).toBe('on_time');
    expect(dueStatus(due, at('2026-03-16 08:00'), vn, 4)).toBe('on_time');
    expect(dueStatus(due, at('2026-03-16 11:30'), vn, 4)).toBe('nearly_due'); // lunch: 3.5 h left
    expect(dueStatus(due, at('2026-03-16 13:30'), vn, 4)).toBe('nearly_due');
    expect(dueStatus(due, at('2026-03-16 17:00'), vn, 4)).toBe('nearly_due');
    expect(dueStatus(due, at('2026-03-16 17:01'), vn, 4)).toBe('overdue');
  });

  it('follows the office setting', () => {
    expect(dueStatus(due, at('2026-03-16 08:00'), vn, 8)).toBe('nearly_due');
    expect(dueStatus(due, at('2026-03-16 13:30'), vn, 2)).toBe('on_time');
    expect(() => dueStatus(due, at('2026-03-16 13:30'), vn, -1)).toThrow(RangeError);
  });
});
