import type { Db } from '../open';
import type { Counter } from '../../../shared/api';

interface Row {
  id: number;
  number: number;
  name: string;
  active: number;
  paused: number;
  clerk_id: number | null;
  clerk_name: string | null;
  normals_since_priority: number;
  service_ids: string | null;
}

export interface CounterRecord extends Counter {
  normalsSincePriority: number;
}

const toCounter = (r: Row): CounterRecord => ({
  id: r.id,
  number: r.number,
  name: r.name,
  active: r.active === 1,
  paused: r.paused === 1,
  clerkId: r.clerk_id,
  clerkName: r.clerk_name,
  serviceIds: r.service_ids ? r.service_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  normalsSincePriority: r.normals_since_priority,
});

const SELECT = `
  SELECT c.*, k.full_name AS clerk_name,
         (SELECT group_concat(service_id) FROM counter_services cs WHERE cs.counter_id = c.id) AS service_ids
  FROM counters c LEFT JOIN clerks k ON k.id = c.clerk_id`;

export interface CounterInput {
  number: number;
  name: string;
  active: boolean;
  serviceIds: number[];
}

export function countersRepo(db: Db) {
  const all = db.prepare<[], Row>(`${SELECT} ORDER BY c.number`);
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE c.id = ?`);
  const byNumber = db.prepare<[number], { id: number }>('SELECT id FROM counters WHERE number = ?');
  const insert = db.prepare('INSERT INTO counters (number, name, active) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE counters SET number = ?, name = ?, active = ? WHERE id = ?');
  const clearServices = db.prepare('DELETE FROM counter_services WHERE counter_id = ?');
  const addService = db.prepare('INSERT INTO counter_services (counter_id, service_id) VALUES (?, ?)');
  const setClerk = db.prepare('UPDATE counters SET clerk_id = ? WHERE id = ?');
  const releaseClerk = db.prepare('UPDATE counters SET clerk_id = NULL, paused = 0 WHERE clerk_id = ?');
  const setPaused = db.prepare('UPDATE counters SET paused = ? WHERE id = ?');
  const setInterleave = db.prepare('UPDATE counters SET normals_since_priority = ? WHERE id = ?');

  const setServices = (id: number, serviceIds: number[]) => {
    clearServices.run(id);
    for (const sid of new Set(serviceIds)) addService.run(id, sid);
  };
  return {
    list: (): CounterRecord[] => all.all().map(toCounter),
    get: (id: number): CounterRecord | undefined => {
      const r = byId.get(id);
      return r ? toCounter(r) : undefined;
    },
    idByNumber: (n: number): number | undefined => byNumber.get(n)?.id,
    insert: (c: CounterInput): number => {
      const id = Number(insert.run(c.number, c.name, c.active ? 1 : 0).lastInsertRowid);
      setServices(id, c.serviceIds);
      return id;
    },
    update: (id: number, c: CounterInput): void => {
      update.run(c.number, c.name, c.active ? 1 : 0, id);
      setServices(id, c.serviceIds);
    },
    setClerk: (id: number, clerkId: number | null) => void setClerk.run(clerkId, id),
    releaseClerk: (clerkId: number) => void releaseClerk.run(clerkId),
    setPaused: (id: number, paused: boolean) => void setPaused.run(paused ? 1 : 0, id),
    setInterleave: (id: number, normalsSincePriority: number) => void setInterleave.run(normalsSincePriority, id),
  };
}
export type CountersRepo = ReturnType<typeof countersRepo>;
