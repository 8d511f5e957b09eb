import type { Db } from '../open';
import type { Device, DeviceRole } from '../../../shared/api';

/** Clerk sessions, paired devices and pairing codes: everything a bearer token can be. */
export interface SessionRecord {
  id: string;
  clerkId: number;
  counterId: number | null;
  expiresAt: number;
  /** LAN mode and a demo PIN: only changing the PIN or logging out until it is changed. */
  pinChangeRequired: boolean;
}
interface DeviceRow {
  id: number;
  name: string;
  role: DeviceRole;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}
const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  revoked: r.revoked_at !== null,
});

export function accessRepo(db: Db) {
  const insertSession = db.prepare('INSERT INTO sessions (id, token_hash, clerk_id, created_at, expires_at, pin_change_required) VALUES (?, ?, ?, ?, ?, ?)');
  const sessionByHash = db.prepare<[string, number], { id: string; clerk_id: number; counter_id: number | null; expires_at: number; pin_change_required: number }>(
    'SELECT id, clerk_id, counter_id, expires_at, pin_change_required FROM sessions WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?',
  );
  const pinChanged = db.prepare('UPDATE sessions SET pin_change_required = 0 WHERE id = ?');
  const endOtherClerkSessions = db.prepare('UPDATE sessions SET ended_at = ? WHERE clerk_id = ? AND id <> ? AND ended_at IS NULL');
  const endSession = db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?');
  const endClerkSessions = db.prepare('UPDATE sessions SET ended_at = ? WHERE clerk_id = ? AND ended_at IS NULL');
  const setSessionCounter = db.prepare('UPDATE sessions SET counter_id = ? WHERE id = ?');
  const liveSessionAt = db.prepare<[number, number], { id: string }>(
    'SELECT id FROM sessions WHERE counter_id = ? AND ended_at IS NULL AND expires_at > ? LIMIT 1',
  );
  const insertDevice = db.prepare('INSERT INTO devices (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)');
  const deviceByHash = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL');
  const devices = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY id');
  const deviceById = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const liveDeviceNamed = db.prepare<[string, string], DeviceRow>('SELECT * FROM devices WHERE role = ? AND name = ? AND revoked_at IS NULL ORDER BY id LIMIT 1');
  const setDeviceToken = db.prepare('UPDATE devices SET token_hash = ?, last_seen_at = ? WHERE id = ?');
  const touchDevice = db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  const revokeDevice = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const insertCode = db.prepare('INSERT INTO pairing_codes (code_hash, role, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const codeByHash = db.prepare<[string, number], { code_hash: string; role: DeviceRole; name: string }>(
    'SELECT code_hash, role, name FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const useCode = db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?');
  const purgeCodes = db.prepare('DELETE FROM pairing_codes WHERE expires_at <= ?');

  return {
    insertSession: (s: { id: string; tokenHash: string; clerkId: number; now: number; expiresAt: number; pinChangeRequired?: boolean }) =>
      void insertSession.run(s.id, s.tokenHash, s.clerkId, s.now, s.expiresAt, s.pinChangeRequired ? 1 : 0),
    sessionByTokenHash: (hash: string, now: number): SessionRecord | undefined => {
      const r = sessionByHash.get(hash, now);
      return r ? { id: r.id, clerkId: r.clerk_id, counterId: r.counter_id, expiresAt: r.expires_at, pinChangeRequired: r.pin_change_required === 1 } : undefined;
    },
    /** The session's clerk chose a PIN of their own: the session may do what its role allows. */
    pinChanged: (id: string) => void pinChanged.run(id),
    endOtherClerkSessions: (clerkId: number, keepSessionId: string, now: number) => void endOtherClerkSessions.run(now, clerkId, keepSessionId),
    endSession: (id: string, now: number) => void endSession.run(now, id),
    endClerkSessions: (clerkId: number, now: number) => void endClerkSessions.run(now, clerkId),
    setSessionCounter: (id: string, counterId: number | null) => void setSessionCounter.run(counterId, id),
    counterHasLiveSession: (counterId: number, now: number) => liveSessionAt.get(counterId, now) !== undefined,
    insertDevice: (d: { name: string; role: DeviceRole; tokenHash: string; now: number }): number =>
      Number(insertDevice.run(d.name, d.role, d.tokenHash, d.now).lastInsertRowid),
    deviceByTokenHash: (hash: string): Device | undefined => {
      const r = deviceByHash.get(hash);
      return r ? toDevice(r) : undefined;
    },
    devices: () => devices.all().map(toDevice),
    device: (id: number) => {
      const r = deviceById.get(id);
      return r ? toDevice(r) : undefined;
    },
    liveDeviceNamed: (role: DeviceRole, name: string) => {
      const r = liveDeviceNamed.get(role, name);
      return r ? toDevice(r) : undefined;
    },
    setDeviceToken: (id: number, tokenHash: string, now: number) => void setDeviceToken.run(tokenHash, now, id),
    touchDevice: (id: number, now: number) => void touchDevice.run(now, id),
    revokeDevice: (id: number, now: number) => revokeDevice.run(now, id).changes > 0,
    insertPairingCode: (c: { codeHash: string; role: DeviceRole; name: string; now: number; expiresAt: number }) =>
      void insertCode.run(c.codeHash, c.role, c.name, c.now, c.expiresAt),
    livePairingCode: (hash: string, now: number) => codeByHash.get(hash, now),
    usePairingCode: (hash: string, now: number) => void useCode.run(now, hash),
    purgePairingCodes: (now: number) => void purgeCodes.run(now),
  };
}
export type AccessRepo = ReturnType<typeof accessRepo>;
