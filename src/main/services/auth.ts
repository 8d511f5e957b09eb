import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, type DeviceRole, type LoginResponse, type PairingCode, type PairResponse, type Principal } from '../../shared/api';
import type { Store } from '../db/store';
import { publicClerk } from '../db/repos/clerks';
import type { Clock } from './clock';
import { DUMMY_PIN_HASH, hashPin, verifyPin } from './pinHash';
import { isDemoPin, pinChangeRequired } from '../../shared/domain/demoPins';
import type { AuditActor } from './audit';

export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 5;
export const PAIRING_CODE_MINUTES = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
/** Tokens say what they are: `s_` clerk session, `d_` device. Only their hash is stored. */
const newToken = (kind: 's' | 'd') => `${kind}_${randomBytes(32).toString('base64url')}`;

export interface Authenticated {
  principal: Principal;
  /** The counter the clerk's session sits at. */
  counterId: number | null;
  /** A clerk session that must change its demo PIN before any route but change-pin and logout. */
  pinChangeRequired?: boolean;
}

export interface AuthOptions {
  localSecret?: string;
  /** The hub is reachable from other PCs (not loopback): a demo PIN must be changed at login. */
  lanMode?: boolean;
}

export function createAuthService(store: Store, clock: Clock, options: AuthOptions = {}) {
  /** Checks a PIN with lockout; the failure count is kept even when the request fails. */
  async function checkPin(username: string, pin: string, ip?: string) {
    const clerk = store.clerks.byUsername(username);
    const now = clock.now();
    // Failed logins are audited: who tried, from where, and why it failed (never the PIN).
    const failed = (reason: string, actor: { kind: 'clerk' | 'anonymous'; id?: number; name: string }, action = 'auth.login_failed') =>
      store.audit.record({ at: now, action, actor, target: `clerk:${username}`, detail: { reason }, ip: ip ?? null });
    if (!clerk) {
      await verifyPin(pin, DUMMY_PIN_HASH);
      failed('unknown_user', { kind: 'anonymous', name: username });
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong username or PIN.');
    }
    const who = { kind: 'clerk' as const, id: clerk.id, name: clerk.username };
    if (!clerk.active) {
      failed('disabled', who);
      throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled. Ask the office administrator.');
    }
    if (clerk.lockedUntil !== null && clerk.lockedUntil > now) {
      const minutes = Math.ceil((clerk.lockedUntil - now) / 60000);
      failed('locked', who);
      throw new AppError(423, 'ACCOUNT_LOCKED', `Too many wrong PINs. Try again in ${minutes} minute(s), or ask the administrator to reset the PIN.`, { lockedUntil: clerk.lockedUntil });
    }
    if (!(await verifyPin(pin, clerk.pinHash))) {
      // Re-read after the await: another attempt may have counted meanwhile.
      const fresh = store.clerks.get(clerk.id)!;
      const failures = fresh.failedAttempts + 1;
      const locked = failures >= MAX_FAILED_LOGINS;
      store.write(() => {
        store.clerks.setFailures(clerk.id, locked ? 0 : failures, locked ? now + LOCKOUT_MINUTES * 60000 : null);
        failed(locked ? 'wrong_pin_locked' : 'wrong_pin', who, locked ? 'auth.locked' : 'auth.login_failed');
      });
      if (locked) throw new AppError(423, 'ACCOUNT_LOCKED', `Too many wrong PINs. The account is locked for ${LOCKOUT_MINUTES} minutes.`);
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong username or PIN.', { attemptsLeft: MAX_FAILED_LOGINS - failures });
    }
    if (clerk.failedAttempts > 0 || clerk.lockedUntil !== null) store.clerks.setFailures(clerk.id, 0, null);
    return clerk;
  }

  async function login(username: string, pin: string, ip?: string): Promise<LoginResponse> {
    const clerk = await checkPin(username, pin, ip);
    const token = newToken('s');
    const now = clock.now();
    const expiresAt = now + SESSION_HOURS * 3600 * 1000;
    // Only here is the PIN in clear, so only here can the hub tell it is one the README prints.
    const mustChange = pinChangeRequired(pin, options.lanMode === true);
    store.write(() => {
      store.access.insertSession({ id: randomUUID(), tokenHash: sha256(token), clerkId: clerk.id, now, expiresAt, pinChangeRequired: mustChange });
      const detail = mustChange ? { role: clerk.role, pinChangeRequired: true } : { role: clerk.role };
      store.audit.record({ at: now, action: 'auth.login', actor: { kind: 'clerk', id: clerk.id, name: clerk.username }, target: `clerk:${clerk.username}`, detail, ip: ip ?? null });
    });
    return { token, clerk: publicClerk(clerk), expiresAt, pinChangeRequired: mustChange };
  }

  /**
   * The clerk changes their own PIN: the current one again (wrong ones count
   * towards the lockout like a login), a new one that is neither a demo PIN nor
   * the current one. Lifts the session's PIN-change mark, ends the clerk's
   * other sessions (as an admin's reset does) and is audited; a refused change
   * changes nothing.
   */
  async function changePin(who: { clerkId: number; sessionId: string; pinChangeRequired?: boolean }, oldPin: string, newPin: string, ip?: string): Promise<void> {
    const clerk = store.clerks.get(who.clerkId);
    if (!clerk) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first.');
    if (isDemoPin(newPin)) throw new AppError(400, 'PIN_NOT_ALLOWED', 'This PIN is one of the demo PINs printed in the README, which anyone can read. Choose another.');
    if (newPin === oldPin) throw new AppError(400, 'PIN_NOT_ALLOWED', 'The new PIN must differ from the current one.');
    await checkPin(clerk.username, oldPin, ip);
    const pinHash = await hashPin(newPin);
    const now = clock.now();
    store.write(() => {
      store.clerks.setPin(clerk.id, pinHash);
      store.access.pinChanged(who.sessionId);
      store.access.endOtherClerkSessions(clerk.id, who.sessionId, now);
      store.audit.record({ at: now, action: 'auth.pin_changed', actor: { kind: 'clerk', id: clerk.id, name: clerk.username }, target: `clerk:${clerk.username}`, detail: { required: who.pinChangeRequired === true }, ip: ip ?? null });
    });
  }

  function authenticate(token: string): Authenticated | undefined {
    const hash = sha256(token);
    const now = clock.now();
    if (token.startsWith('s_')) {
      const session = store.access.sessionByTokenHash(hash, now);
      if (!session) return undefined;
      const clerk = store.clerks.get(session.clerkId);
      if (!clerk || !clerk.active) return undefined;
      return {
        principal: { kind: 'clerk', role: clerk.role, clerkId: clerk.id, username: clerk.username, sessionId: session.id },
        counterId: session.counterId,
        ...(session.pinChangeRequired ? { pinChangeRequired: true } : {}),
      };
    }
    if (token.startsWith('d_')) {
      const device = store.access.deviceByTokenHash(hash);
      if (!device) return undefined;
      // last_seen is for the admin's device list; minute precision keeps writes rare.
      if (device.lastSeenAt === null || now - device.lastSeenAt > 60000) store.access.touchDevice(device.id, now);
      return { principal: { kind: 'device', role: device.role, deviceId: device.id, name: device.name }, counterId: null };
    }
    return undefined;
  }

  function logout(sessionId: string) {
    store.access.endSession(sessionId, clock.now());
  }

  function enrolDevice(role: DeviceRole, name: string): PairResponse {
    const token = newToken('d');
    const deviceId = store.access.insertDevice({ name, role, tokenHash: sha256(token), now: clock.now() });
    return { token, role, name, deviceId };
  }

  function createPairingCode(role: DeviceRole, name: string, by?: AuditActor): PairingCode {
    const now = clock.now();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = now + PAIRING_CODE_MINUTES * 60000;
    store.write(() => {
      store.access.purgePairingCodes(now);
      store.access.insertPairingCode({ codeHash: sha256(code), role, name, now, expiresAt });
      if (by) store.audit.record({ at: now, action: 'device.pairing_code', actor: by, target: `device:${name}`, detail: { role, name, expiresAt } });
    });
    return { code, role, name, expiresAt };
  }

  function pair(code: string): PairResponse {
    return store.write(() => {
      const now = clock.now();
      const hash = sha256(code);
      const pending = store.access.livePairingCode(hash, now);
      if (!pending) throw new AppError(400, 'INVALID_PAIRING_CODE', 'This pairing code is wrong, used or expired. Ask the administrator for a new one in /admin.');
      store.access.usePairingCode(hash, now);
      const paired = enrolDevice(pending.role, pending.name);
      store.audit.record({ at: now, action: 'device.paired', actor: { kind: 'device', id: paired.deviceId, name: paired.name }, target: `device:${paired.deviceId}`, detail: { role: paired.role, name: paired.name } });
      return paired;
    });
  }

  /** Electron's main process enrols its own windows with the per-launch secret it gave the hub. */
  function localEnrol(secret: string | undefined, role: DeviceRole, name: string): PairResponse {
    const expected = options.localSecret;
    const ok = expected !== undefined && secret !== undefined && secret.length === expected.length && timingSafeEqual(Buffer.from(secret), Buffer.from(expected));
    if (!ok) throw new AppError(403, 'FORBIDDEN', 'Local enrolment is only for the app that started this hub.');
    // The app enrols its windows at every launch: keep one device row per window, with a fresh token.
    return store.write(() => {
      const existing = store.access.liveDeviceNamed(role, name);
      if (!existing) return enrolDevice(role, name);
      const token = newToken('d');
      store.access.setDeviceToken(existing.id, sha256(token), clock.now());
      return { token, role, name, deviceId: existing.id };
    });
  }

  /**
   * For leaving kiosk mode: true when the PIN is any active admin's. In LAN mode a demo PIN
   * never opens the kiosk, even while the admin has not changed it yet: it is printed in the README.
   */
  async function verifyAdminPin(pin: string): Promise<boolean> {
    if (pinChangeRequired(pin, options.lanMode === true)) return false;
    for (const admin of store.clerks.activeAdmins()) if (await verifyPin(pin, admin.pinHash)) return true;
    return false;
  }

  return { login, changePin, logout, authenticate, createPairingCode, pair, localEnrol, verifyAdminPin };
}
export type AuthService = ReturnType<typeof createAuthService>;
