import type { Db } from '../open';
import type { CalendarDayEntry } from '../../../shared/api';

interface Row {
  date: string;
  kind: 'holiday' | 'working_day';
  name_vi: string;
  name_en: string;
  provisional: number;
  source: 'seed' | 'admin' | 'district';
}
const toEntry = (r: Row): CalendarDayEntry => ({
  date: r.date,
  kind: r.kind,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  provisional: r.provisional === 1,
  source: r.source,
});

/** The table of days off and swapped working days. */
export function calendarRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM calendar_days ORDER BY date');
  const inYear = db.prepare<[string], Row>("SELECT * FROM calendar_days WHERE substr(date, 1, 4) = ? ORDER BY date");
  const byDate = db.prepare<[string], Row>('SELECT * FROM calendar_days WHERE date = ?');
  const upsert = db.prepare(`
    INSERT INTO calendar_days (date, kind, name_vi, name_en, provisional, source, updated_at)
    VALUES (@date, @kind, @nameVi, @nameEn, @provisional, @source, @now)
    ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name_vi = excluded.name_vi, name_en = excluded.name_en,
      provisional = excluded.provisional, source = excluded.source, updated_at = excluded.updated_at`);
  const remove = db.prepare<[string]>('DELETE FROM calendar_days WHERE date = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM calendar_days');
  return {
    all: () => all.all().map(toEntry),
    year: (year: number) => inYear.all(String(year)).map(toEntry),
    get: (date: string) => {
      const r = byDate.get(date);
      return r ? toEntry(r) : undefined;
    },
    upsert: (e: CalendarDayEntry, now: number) => void upsert.run({ ...e, provisional: e.provisional ? 1 : 0, now }),
    remove: (date: string) => remove.run(date).changes > 0,
    count: () => count.get()!.n,
  };
}
export type CalendarRepo = ReturnType<typeof calendarRepo>;
