import { AppError, type Clerk, type ClerkRole, type Counter, type Office, type QueueSettings, type Service } from '../../shared/api';
import type { Store } from '../db/store';
import type { CounterInput } from '../db/repos/counters';
import type { ServiceInput } from '../db/repos/services';
import { publicClerk } from '../db/repos/clerks';
import type { Clock } from './clock';
import { officeInfo } from './board';
import { hashPin } from './pinHash';
import { SYSTEM_ACTOR, type AuditActor } from './audit';
import { clerkAuditEntry } from './clerkAudit';

/** SQLite's UNIQUE violation becomes a 409 the admin can act on. */
function unique<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError(409, 'DUPLICATE', `${what} is already in use.`);
    throw err;
  }
}

/** `agencyCodes` records the office's code history and refuses a code of the wrong shape (src/main/services/agencyCodes.ts). */
export function createAdminService(store: Store, clock: Clock, onChange: () => void, agencyCodes?: { change(code: string): void }) {
  const changed = <T>(v: T): T => {
    onChange();
    return v;
  };
  const publicCounter = (id: number): Counter => {
    const { normalsSincePriority: _n, ...c } = store.counters.get(id)!;
    return c;
  };
  function checkServices(ids: number[]) {
    for (const id of ids) if (!store.services.get(id)) throw new AppError(404, 'UNKNOWN_SERVICE', `There is no service with id ${id}.`);
  }
  function requireClerk(id: number) {
    const c = store.clerks.get(id);
    if (!c) throw new AppError(404, 'UNKNOWN_CLERK', `There is no clerk with id ${id}.`);
    return c;
  }

  return {
    setOffice(o: { name: string; agencyCode: string }): Office {
      store.write(() => {
        agencyCodes?.change(o.agencyCode);
        store.settings.setOffice(o);
      });
      return changed(officeInfo(store, clock));
    },
    settings: (): QueueSettings => store.settings.queue(),
    setSettings(s: QueueSettings): QueueSettings {
      store.settings.setQueue(s);
      return changed(store.settings.queue());
    },
    services: (): Service[] => store.services.list(),
    createService(s: ServiceInput): Service {
      const id = unique(`The ticket prefix ${s.prefix}`, () => store.services.insert(s));
      return changed(store.services.get(id)!);
    },
    updateService(id: number, s: ServiceInput): Service {
      if (!store.services.get(id)) throw new AppError(404, 'UNKNOWN_SERVICE', `There is no service with id ${id}.`);
      unique(`The ticket prefix ${s.prefix}`, () => store.services.update(id, s));
      return changed(store.services.get(id)!);
    },
    counters: (): Counter[] => store.counters.list().map((c) => publicCounter(c.id)),
    createCounter(c: CounterInput): Counter {
      const id = store.write(() => {
        checkServices(c.serviceIds);
        return unique(`Counter number ${c.number}`, () => store.counters.insert(c));
      });
      return changed(publicCounter(id));
    },
    updateCounter(id: number, c: CounterInput): Counter {
      store.write(() => {
        if (!store.counters.get(id)) throw new AppError(404, 'UNKNOWN_COUNTER', `There is no counter with id ${id}.`);
        checkServices(c.serviceIds);
        unique(`Counter number ${c.number}`, () => store.counters.update(id, c));
      });
      return changed(publicCounter(id));
    },
    clerks: (): Clerk[] => store.clerks.list().map(publicClerk),
    async createClerk(c: { username: string; fullName: string; pin: string; role: ClerkRole }, by: AuditActor = SYSTEM_ACTOR): Promise<Clerk> {
      const pinHash = await hashPin(c.pin);
      const id = store.write(() => {
        const newId = unique(`The username ${c.username}`, () => store.clerks.insert({ ...c, pinHash }, clock.now()));
        store.audit.record({ at: clock.now(), actor: by, ...clerkAuditEntry(null, { ...c, active: true }, false), target: `clerk:${c.username}` });
        return newId;
      });
      return publicClerk(store.clerks.get(id)!);
    },
    async updateClerk(id: number, c: { fullName: string; role: ClerkRole; active: boolean; pin?: string }, by: AuditActor = SYSTEM_ACTOR): Promise<Clerk> {
      const current = requireClerk(id);
      const pinHash = c.pin ? await hashPin(c.pin) : undefined;
      store.write(() => {
        const losesAdmin = current.role === 'admin' && current.active && (c.role !== 'admin' || !c.active);
        if (losesAdmin && store.clerks.activeAdmins().length <= 1) {
          throw new AppError(409, 'LAST_ADMIN', 'This is the last active administrator; make another clerk an administrator first.');
        }
        store.clerks.update(id, c);
        if (pinHash) store.clerks.setPin(id, pinHash);
        store.audit.record({ at: clock.now(), actor: by, ...clerkAuditEntry(current, c, Boolean(pinHash)), target: `clerk:${current.username}` });
        // A disabled clerk or a new PIN ends every open session of that clerk.
        if (!c.active || pinHash) {
          store.access.endClerkSessions(id, clock.now());
          store.counters.releaseClerk(id);
        }
      });
      onChange();
      return publicClerk(store.clerks.get(id)!);
    },
    devices: () => store.access.devices(),
    revokeDevice(id: number, by: AuditActor = SYSTEM_ACTOR) {
      const device = store.access.device(id);
      if (!device) throw new AppError(404, 'UNKNOWN_DEVICE', `There is no device with id ${id}.`);
      store.write(() => {
        if (store.access.revokeDevice(id, clock.now())) store.audit.record({ at: clock.now(), action: 'device.revoked', actor: by, target: `device:${id}`, detail: { role: device.role, name: device.name } });
      });
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
