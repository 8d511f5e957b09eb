import { z } from 'zod';
import { humanText } from './schemas';

/** 'HH:MM' on the 24-hour clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:MM, e.g. 07:30');
const session = z
  .object({ start: clockTime, end: clockTime })
  .refine((s) => s.start < s.end, { message: 'a session must end after it starts', path: ['end'] });

const noOverlap = (sessions: { start: string; end: string }[]) =>
  [...sessions].sort((a, b) => a.start.localeCompare(b.start)).every((s, i, all) => i === 0 || all[i - 1]!.end <= s.start);

/** The office's opening hours (a setting): weekday sessions, and Saturday morning when the office opens then. */
export const officeHoursSchema = z.object({
  weekdaySessions: z.array(session).min(1).max(4).refine(noOverlap, 'sessions must not overlap'),
  saturdayMorning: z.boolean(),
  saturdaySessions: z.array(session).min(1).max(2).refine(noOverlap, 'sessions must not overlap'),
});
export type OfficeHoursSetting = z.infer<typeof officeHoursSchema>;

export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

export const calendarDayEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'working_day']),
  nameVi: z.string(),
  nameEn: z.string(),
  provisional: z.boolean(),
  source: z.enum(['seed', 'admin', 'district']),
});
export type CalendarDayEntry = z.infer<typeof calendarDayEntrySchema>;

export const calendarDayBody = z.object({
  kind: z.enum(['holiday', 'working_day']),
  nameVi: humanText(120),
  nameEn: humanText(120),
});
export const calendarDateParam = z.object({ date: calendarDateSchema });
export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
