import type { Db } from '../open';
import type { Service } from '../../../shared/api';

interface Row {
  id: number;
  name_vi: string;
  name_en: string;
  prefix: string;
  active: number;
  sort: number;
}
const toService = (r: Row): Service => ({ id: r.id, nameVi: r.name_vi, nameEn: r.name_en, prefix: r.prefix, active: r.active === 1, sort: r.sort });

export type ServiceInput = Omit<Service, 'id'>;

export function servicesRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM services ORDER BY sort, id');
  const byId = db.prepare<[number], Row>('SELECT * FROM services WHERE id = ?');
  const byPrefix = db.prepare<[string], Row>('SELECT * FROM services WHERE prefix = ?');
  const insert = db.prepare('INSERT INTO services (name_vi, name_en, prefix, active, sort) VALUES (@nameVi, @nameEn, @prefix, @active, @sort)');
  const update = db.prepare('UPDATE services SET name_vi = @nameVi, name_en = @nameEn, prefix = @prefix, active = @active, sort = @sort WHERE id = @id');
  const bind = (s: ServiceInput) => ({ nameVi: s.nameVi, nameEn: s.nameEn, prefix: s.prefix, active: s.active ? 1 : 0, sort: s.sort });
  return {
    list: (): Service[] => all.all().map(toService),
    active: (): Service[] => all.all().filter((r) => r.active === 1).map(toService),
    get: (id: number): Service | undefined => {
      const r = byId.get(id);
      return r ? toService(r) : undefined;
    },
    byPrefix: (prefix: string): Service | undefined => {
      const r = byPrefix.get(prefix);
      return r ? toService(r) : undefined;
    },
    insert: (s: ServiceInput): number => Number(insert.run(bind(s)).lastInsertRowid),
    update: (id: number, s: ServiceInput): void => {
      update.run({ id, ...bind(s) });
    },
  };
}
export type ServicesRepo = ReturnType<typeof servicesRepo>;
