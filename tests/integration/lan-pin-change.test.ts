import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { isLanMode } from '../../src/main/hub';
import { DEMO_CREDENTIALS } from '../../src/main/db/seed';
import { isDemoPin } from '../../src/shared/domain';

/**
 * LAN mode's demo-PIN rule over real HTTP. The hub is told it is in LAN mode
 * (the option `MOTCUA_HOST=0.0.0.0` sets) while it binds 127.0.0.1, since a
 * test only ever targets loopback.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ lanMode: true });
});
afterAll(async () => {
  await hub?.close();
});

const login = (username: string, pin: string) => hub.api('POST', '/auth/login', { body: { username, pin } });
const changePin = (token: string, oldPin: string, newPin: unknown) => hub.api('POST', '/auth/change-pin', { token, body: { oldPin, newPin } });
const pinChanges = () => hub.query("SELECT * FROM audit_log WHERE action = 'auth.pin_changed' ORDER BY id");

describe('where LAN mode is decided', () => {
  it('from the listen host, unless the option says', () => {
    expect(isLanMode({ host: '0.0.0.0' })).toBe(true);
    expect(isLanMode({ host: '192.168.1.20' })).toBe(true);
    expect(isLanMode({ host: '127.0.0.1' })).toBe(false);
    expect(isLanMode({ host: '' })).toBe(false);
    expect(isLanMode({})).toBe(false);
    expect(isLanMode({ host: '127.0.0.1', lanMode: true })).toBe(true);
  });
  it('every PIN the README prints counts as a demo PIN', () => {
    for (const pin of [DEMO_CREDENTIALS.admin.pin, ...DEMO_CREDENTIALS.clerks.map((c) => c.pin)]) expect(isDemoPin(pin), pin).toBe(true);
    expect(isDemoPin('975310')).toBe(false);
  });
});

describe('LAN mode: a demo PIN must be changed at the first login', () => {
  it('the login succeeds but says so; every other route answers 403 PIN_CHANGE_REQUIRED', async () => {
    const res = await login(...DEMO.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pinChangeRequired: true, clerk: { username: 'admin', role: 'admin' } });
    const token = res.body.token as string;
    for (const [method, path] of [
      ['GET', '/auth/me'],
      ['GET', '/counters'],
      ['GET', '/admin/clerks'],
      ['POST', '/counters/1/open'],
      ['GET', '/dossiers'],
    ] as const) {
      const r = await hub.api(method, path, { token });
      expect(r.status, path).toBe(403);
      expect(r.body.error.code, path).toBe('PIN_CHANGE_REQUIRED');
    }
    const events = await fetch(`${hub.url}/api/v1/events?access_token=${token}`);
    expect(events.status).toBe(403);
    expect(((await events.json()) as { error: { code: string } }).error.code).toBe('PIN_CHANGE_REQUIRED');
    // Nothing happened at the counter it could not open.
    expect(hub.query('SELECT counter_id FROM sessions WHERE counter_id IS NOT NULL')).toEqual([]);
  });

  it('refuses a bad new PIN or a wrong current PIN with a clear error, changing nothing', async () => {
    const token = (await login(...DEMO.clerk1)).body.token as string;
    const cases: [string, unknown, number, string][] = [
      [DEMO.clerk1[1], '222222', 400, 'PIN_NOT_ALLOWED'],
      [DEMO.clerk1[1], DEMO.clerk1[1], 400, 'PIN_NOT_ALLOWED'],
      [DEMO.clerk1[1], '12', 400, 'VALIDATION_FAILED'],
      [DEMO.clerk1[1], 'abcdef', 400, 'VALIDATION_FAILED'],
      [DEMO.clerk1[1], 4711, 400, 'VALIDATION_FAILED'],
      ['000000', '975310', 401, 'INVALID_CREDENTIALS'],
    ];
    for (const [oldPin, newPin, status, code] of cases) {
      const r = await changePin(token, oldPin, newPin);
      expect(r.status, String(newPin)).toBe(status);
      expect(r.body.error.code, String(newPin)).toBe(code);
      expect(r.body.error.message).toBeTruthy();
    }
    expect(pinChanges()).toEqual([]);
    // Still the demo PIN, still restricted.
    expect((await hub.api('GET', '/auth/me', { token })).body.error.code).toBe('PIN_CHANGE_REQUIRED');
    expect((await login(...DEMO.clerk1)).body.pinChangeRequired).toBe(true);
  });

  it('a new PIN of its own lifts the restriction for that session, retires the demo PIN and is audited', async () => {
    const other = (await login(...DEMO.clerk2)).body.token as string;
    const token = (await login(...DEMO.clerk2)).body.token as string;
    const r = await changePin(token, DEMO.clerk2[1], '975310');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });

    const me = await hub.api('GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.clerk.username).toBe('canbo2');
    expect((await hub.api('POST', '/counters/3/open', { token })).status).toBe(200);
    // The clerk's other sessions end, as they do when an admin resets a PIN.
    expect((await hub.api('GET', '/auth/me', { token: other })).status).toBe(401);

    expect((await login(...DEMO.clerk2)).status).toBe(401);
    const again = await login('canbo2', '975310');
    expect(again.status).toBe(200);
    expect(again.body.pinChangeRequired).toBe(false);

    const audit = pinChanges();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'clerk', actor_name: 'canbo2', target: 'clerk:canbo2' });
    expect(JSON.parse(audit[0].detail)).toEqual({ required: true });
    expect(audit[0].detail).not.toContain('975310');
  });

  it('logging out is allowed before the change', async () => {
    const token = (await login(...DEMO.admin)).body.token as string;
    expect((await hub.api('POST', '/auth/logout', { token })).status).toBe(200);
    expect((await hub.api('GET', '/auth/me', { token })).status).toBe(401);
  });

  it('the mark is kept in the store: a hub restart does not lift it', async () => {
    const token = (await login(...DEMO.admin)).body.token as string;
    const dataDir = hub.dataDir;
    await hub.close();
    hub = await startTestHub({ dataDir, lanMode: true });
    const r = await hub.api('GET', '/admin/clerks', { token });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('PIN_CHANGE_REQUIRED');
  });
});

describe('on loopback (one PC) nothing changes', () => {
  it('a demo PIN logs in and works at once', async () => {
    const local = await startTestHub();
    try {
      const res = await local.api('POST', '/auth/login', { body: { username: DEMO.admin[0], pin: DEMO.admin[1] } });
      expect(res.body.pinChangeRequired).toBe(false);
      expect((await local.api('GET', '/admin/clerks', { token: res.body.token })).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('LAN mode: leaving kiosk mode', () => {
  let lan: TestHub;
  let kiosk: string;
  beforeAll(async () => {
    // An office that ran on one PC, paired its kiosk, then turned LAN mode on.
    const one = await startTestHub();
    kiosk = await one.pairDevice('kiosk');
    await one.close();
    lan = await startTestHub({ dataDir: one.dataDir, lanMode: true });
  });
  afterAll(async () => {
    await lan?.close();
  });
  it('a demo admin PIN does not open the kiosk; the admin’s own new PIN does', async () => {
    const verify = (pin: string) => lan.api('POST', '/devices/verify-admin-pin', { token: kiosk, body: { pin } });
    const demo = await verify(DEMO.admin[1]);
    expect(demo.status).toBe(200);
    expect(demo.body).toEqual({ ok: false });

    const session = await lan.api('POST', '/auth/login', { body: { username: DEMO.admin[0], pin: DEMO.admin[1] } });
    const changed = await lan.api('POST', '/auth/change-pin', { token: session.body.token as string, body: { oldPin: DEMO.admin[1], newPin: '975310' } });
    expect(changed.status).toBeLessThan(300);
    expect((await verify('975310')).body).toEqual({ ok: true });
    expect((await verify(DEMO.admin[1])).body).toEqual({ ok: false });
  });
});
