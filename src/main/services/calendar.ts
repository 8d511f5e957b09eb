import {
  calendarFromDays,
  DEFAULT_OFFICE_HOURS,
  VN_OFFICIAL_DAYS,
  type OfficeHours,
  type WorkingCalendar,
} from '../../shared/domain';
import { AppError, type CalendarDayEntry, type OfficeHoursSetting } from '../../shared/api';
import type { Store } from '../db/store';
import type { Clock } from './clock';

/**
 * The office's working calendar: its hours (a setting) and the table of days
 * off and swapped working days. Built once and rebuilt only after an edit, so
 * computing due times per row stays cheap.
 */
export function createCalendarService(store: Store, clock: Clock) {
  let cached: WorkingCalendar | null = null;

  function officeHours(): OfficeHours {
    return store.settings.officeHours() ?? DEFAULT_OFFICE_HOURS;
  }

  function current(): WorkingCalendar {
    cached ??= calendarFromDays(store.calendar.all(), officeHours());
    return cached;
  }

  /** Checks a change by building the calendar it would give, before anything is written. */
  function rebuild(change: () => void): void {
    store.write(() => {
      change();
      try {
        calendarFromDays(store.calendar.all(), officeHours());
      } catch (err) {
        throw new AppError(400, 'VALIDATION_FAILED', err instanceof Error ? err.message : String(err));
      }
    });
    cached = null;
  }

  return {
    current,
    officeHours: (): OfficeHoursSetting => officeHours() as OfficeHoursSetting,
    setOfficeHours(hours: OfficeHoursSetting): OfficeHoursSetting {
      rebuild(() => store.settings.setOfficeHours(hours));
      return officeHours() as OfficeHoursSetting;
    },
    days: (year?: number): CalendarDayEntry[] => (year ? store.calendar.year(year) : store.calendar.all()),
    setDay(date: string, day: { kind: 'holiday' | 'working_day'; nameVi: string; nameEn: string }): CalendarDayEntry {
      rebuild(() => store.calendar.upsert({ date, ...day, provisional: false, source: 'admin' }, clock.now()));
      return store.calendar.get(date)!;
    },
    removeDay(date: string): void {
      if (!store.calendar.get(date)) throw new AppError(404, 'NOT_FOUND', `${date} is not in the calendar of days off and swapped working days.`);
      rebuild(() => store.calendar.remove(date));
    },
    /** Loads the official days of 2025–2027 into an empty table (a new office, or a store from before the calendar). */
    seedIfEmpty(): void {
      if (store.calendar.count() > 0) return;
      store.write(() => {
        for (const d of VN_OFFICIAL_DAYS) {
          store.calendar.upsert({ date: d.date, kind: d.kind, nameVi: d.name_vi, nameEn: d.name_en, provisional: d.provisional === true, source: 'seed' }, clock.now());
        }
      });
      cached = null;
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
