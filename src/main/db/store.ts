import type { Db } from './open';
import { settingsRepo } from './repos/settings';
import { servicesRepo } from './repos/services';
import { countersRepo } from './repos/counters';
import { clerksRepo } from './repos/clerks';
import { accessRepo } from './repos/access';
import { ticketsRepo } from './repos/tickets';
import { catalogueRepo } from './repos/catalogue';
import { calendarRepo } from './repos/calendar';
import { dossiersRepo } from './repos/dossiers';
import { auditRepo } from './repos/audit';
import { deviceSettingsRepo } from './repos/deviceSettings';
import { officeSettingsRepo } from './repos/officeSettings';

/** The repositories over one connection, plus its write transaction helper. */
export function createStore(db: Db) {
  return {
    db,
    settings: settingsRepo(db),
    services: servicesRepo(db),
    counters: countersRepo(db),
    clerks: clerksRepo(db),
    access: accessRepo(db),
    tickets: ticketsRepo(db),
    catalogue: catalogueRepo(db),
    calendar: calendarRepo(db),
    dossiers: dossiersRepo(db),
    audit: auditRepo(db),
    deviceSettings: deviceSettingsRepo(db),
    officeSettings: officeSettingsRepo(db),
    /** Runs `fn` in one IMMEDIATE transaction: all of it lands or none of it. */
    write<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
  };
}
export type Store = ReturnType<typeof createStore>;
