import type { Db } from '../open';
import type { Clerk, ClerkRole } from '../../../shared/api';

interface Row {
  id: number;
  username: string;
  full_name: string;
  role: ClerkRole;
  pin_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: number | null;
}
export interface ClerkRecord extends Clerk {
  pinHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
}
const toClerk = (r: Row): ClerkRecord => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  role: r.role,
  active: r.active === 1,
  pinHash: r.pin_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});
export const publicClerk = ({ id, username, fullName, role, active }: ClerkRecord): Clerk => ({ id, username, fullName, role, active });

export function clerksRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM clerks ORDER BY username');
  const byId = db.prepare<[number], Row>('SELECT * FROM clerks WHERE id = ?');
  const byUsername = db.prepare<[string], Row>('SELECT * FROM clerks WHERE username = ?');
  const insert = db.prepare('INSERT INTO clerks (username, full_name, role, pin_hash, active, created_at) VALUES (?, ?, ?, ?, 1, ?)');
  const update = db.prepare('UPDATE clerks SET full_name = ?, role = ?, active = ? WHERE id = ?');
  const setPin = db.prepare('UPDATE clerks SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const setFailures = db.prepare('UPDATE clerks SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  const activeAdmins = db.prepare<[], Row>("SELECT * FROM clerks WHERE role = 'admin' AND active = 1");
  const get = (r: Row | undefined) => (r ? toClerk(r) : undefined);
  return {
    list: () => all.all().map(toClerk),
    get: (id: number) => get(byId.get(id)),
    byUsername: (u: string) => get(byUsername.get(u)),
    activeAdmins: () => activeAdmins.all().map(toClerk),
    insert: (c: { username: string; fullName: string; role: ClerkRole; pinHash: string }, now: number): number =>
      Number(insert.run(c.username, c.fullName, c.role, c.pinHash, now).lastInsertRowid),
    update: (id: number, c: { fullName: string; role: ClerkRole; active: boolean }) => void update.run(c.fullName, c.role, c.active ? 1 : 0, id),
    setPin: (id: number, pinHash: string) => void setPin.run(pinHash, id),
    setFailures: (id: number, failedAttempts: number, lockedUntil: number | null) => void setFailures.run(failedAttempts, lockedUntil, id),
  };
}
export type ClerksRepo = ReturnType<typeof clerksRepo>;
