import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: string;
let kiosk: string;
let display: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
  kiosk = await hub.pairDevice('kiosk', 'Kiosk sảnh');
  display = await hub.pairDevice('display', 'Màn hình sảnh');
});
afterAll(async () => hub.close());

const count = (table: 'tickets' | 'services' | 'clerks' | 'counters' | 'devices') => hub.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('unknown service', async () => {
    const r = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 99 } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 'UNKNOWN_SERVICE', message: 'There is no service with id 99.' } });
    expect(count('tickets')).toBe(0);
  });
  it('malformed JSON', async () => {
    const r = await hub.api('POST', '/tickets', { token: kiosk, raw: '{"serviceId": 1,' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('MALFORMED_JSON');
    expect(count('tickets')).toBe(0);
  });
  it('an oversized body', async () => {
    const r = await hub.api('POST', '/tickets', { token: kiosk, raw: JSON.stringify({ serviceId: 1, pad: 'x'.repeat(100_000) }) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('BODY_TOO_LARGE');
    expect(count('tickets')).toBe(0);
  });
  it('a field of the wrong type names the field', async () => {
    const r = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'one' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details[0].path).toBe('serviceId');
    const p = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: 'vip' } });
    expect(p.status).toBe(400);
    expect(count('tickets')).toBe(0);
  });
  it('not JSON at all', async () => {
    const r = await hub.api('POST', '/tickets', { token: kiosk, raw: 'serviceId=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
  it('an unknown API path', async () => {
    const r = await hub.api('GET', '/nothing-here', { token: admin });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
  it('admin: control characters, duplicates and bad prefixes are refused', async () => {
    const before = count('services');
    const ctl = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'Hộ\u0007tịch', nameEn: 'x', prefix: 'F' } });
    expect(ctl.status).toBe(400);
    const dup = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'Trùng', nameEn: 'Dup', prefix: 'A' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE');
    const bad = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'Sai', nameEn: 'Bad', prefix: 'a1' } });
    expect(bad.status).toBe(400);
    const long = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'x'.repeat(10_000), nameEn: 'y', prefix: 'G' } });
    expect(long.status).toBe(400);
    expect(count('services')).toBe(before);
  });
  it('admin: names are stored in NFC and SQL-looking text literally', async () => {
    const nfd = 'Hộ tịch – Khai tử'.normalize('NFD');
    const r = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: nfd, nameEn: "x'); DROP TABLE tickets; --", prefix: 'H' } });
    expect(r.status).toBe(200);
    expect(r.body.nameVi).toBe('Hộ tịch – Khai tử'.normalize('NFC'));
    const row = hub.query<{ name_vi: string; name_en: string }>("SELECT name_vi, name_en FROM services WHERE prefix = 'H'")[0]!;
    expect(row.name_vi).toBe('Hộ tịch – Khai tử'.normalize('NFC'));
    expect(row.name_en).toBe("x'); DROP TABLE tickets; --");
    await hub.api('PUT', `/admin/services/${r.body.id}`, { token: admin, body: { ...r.body, active: false } });
    const inactive = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: r.body.id } });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.code).toBe('SERVICE_INACTIVE');
  });
});

describe('roles', () => {
  it('no token is 401; the wrong role is 403', async () => {
    expect((await hub.api('POST', '/tickets', { body: { serviceId: 1 } })).status).toBe(401);
    const k = await hub.api('POST', '/counters/1/call-next', { token: kiosk });
    expect(k.status).toBe(403);
    expect(k.body.error.code).toBe('FORBIDDEN');
    expect((await hub.api('GET', '/admin/clerks', { token: kiosk })).status).toBe(403);
    expect((await hub.api('POST', '/tickets', { token: display, body: { serviceId: 1 } })).status).toBe(403);
    const clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('GET', '/admin/settings', { token: clerk })).status).toBe(403);
    expect((await hub.api('GET', '/display', { token: display })).status).toBe(200);
    expect((await hub.api('GET', '/display', { token: 'd_forged' })).status).toBe(401);
  });
  it('the wrong role is refused before the body is even read', async () => {
    const r = await hub.api('PUT', '/admin/settings', { token: kiosk, raw: '{not json' });
    expect(r.status).toBe(403);
  });
  it('a revoked device is out at once', async () => {
    const token = await hub.pairDevice('kiosk', 'Kiosk cũ');
    expect((await hub.api('GET', '/services', { token })).status).toBe(200);
    const devices = (await hub.api('GET', '/admin/devices', { token: admin })).body as { id: number; name: string }[];
    const old = devices.find((d) => d.name === 'Kiosk cũ')!;
    expect((await hub.api('DELETE', `/admin/devices/${old.id}`, { token: admin })).status).toBe(200);
    expect((await hub.api('GET', '/services', { token })).status).toBe(401);
  });
});

describe('clerk login and device pairing', () => {
  it('locks an account after repeated wrong PINs', async () => {
    const created = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'thu.nghiem', fullName: 'Lê Thị Thử', pin: '4321' } });
    expect(created.status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const r = await hub.api('POST', '/auth/login', { body: { username: 'thu.nghiem', pin: '0000' } });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await hub.api('POST', '/auth/login', { body: { username: 'thu.nghiem', pin: '0000' } });
    expect(locked.status).toBe(423);
    // Even the right PIN is refused while locked.
    expect((await hub.api('POST', '/auth/login', { body: { username: 'thu.nghiem', pin: '4321' } })).body.error.code).toBe('ACCOUNT_LOCKED');
    // An admin PIN reset unlocks.
    await hub.api('PUT', `/admin/clerks/${created.body.id}`, { token: admin, body: { fullName: 'Lê Thị Thử', role: 'clerk', active: true, pin: '8765' } });
    expect((await hub.api('POST', '/auth/login', { body: { username: 'thu.nghiem', pin: '8765' } })).status).toBe(200);
  });
  it('stores PINs only as slow hashes', () => {
    const rows = hub.query<{ pin_hash: string }>('SELECT pin_hash FROM clerks');
    expect(rows.every((r) => r.pin_hash.startsWith('scrypt$') && !r.pin_hash.includes('123456'))).toBe(true);
  });
  it('an unknown user gets the same answer as a wrong PIN', async () => {
    const r = await hub.api('POST', '/auth/login', { body: { username: 'khong.co', pin: '1234' } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
  });
  it('a pairing code works once', async () => {
    const code = (await hub.api('POST', '/admin/pairing-codes', { token: admin, body: { role: 'display', name: 'TV tầng 2' } })).body.code;
    expect(code).toMatch(/^\d{6}$/);
    const first = await hub.api('POST', '/devices/pair', { body: { code } });
    expect(first.status).toBe(200);
    expect(first.body.role).toBe('display');
    const again = await hub.api('POST', '/devices/pair', { body: { code } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVALID_PAIRING_CODE');
  });
  it('local enrolment needs the secret of the app that started the hub', async () => {
    const r = await hub.api('POST', '/devices/local-enrol', { body: { role: 'kiosk', name: 'x' }, headers: { 'x-motcua-local-secret': 'guess' } });
    expect(r.status).toBe(403);
  });
  it('the last administrator cannot be disabled', async () => {
    const r = await hub.api('PUT', '/admin/clerks/1', { token: admin, body: { fullName: 'Quản trị viên', role: 'admin', active: false } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('LAST_ADMIN');
  });
  it('the kiosk exit checks an admin PIN', async () => {
    expect((await hub.api('POST', '/devices/verify-admin-pin', { token: kiosk, body: { pin: '123456' } })).body.ok).toBe(true);
    expect((await hub.api('POST', '/devices/verify-admin-pin', { token: kiosk, body: { pin: '111111' } })).body.ok).toBe(false);
  });
});

describe('the hub serves', () => {
  it('an OpenAPI document generated from the schemas', async () => {
    const r = await hub.api('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/counters/{id}/call-next', '/api/v1/admin/services/{id}']));
    expect(r.body.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema.properties.serviceId.type).toBe('integer');
  });
  it('the UI routes with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${hub.url}/kiosk`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
  it('the 80 mm ticket as a PDF', async () => {
    const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 2 } });
    const res = await fetch(`${hub.url}/api/v1/tickets/${t.body.ticket.id}/pdf`, { headers: { authorization: `Bearer ${kiosk}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const missing = await hub.api('GET', '/tickets/9999/pdf', { token: kiosk });
    expect(missing.status).toBe(404);
  });
});

describe('the Electron app enrolling its own windows', () => {
  it('keeps one device row per window across launches, each launch with a fresh token', async () => {
    const local = await startTestHub({ localSecret: 'per-launch-secret-0123456789abcdef' });
    try {
      const enrol = () => local.api('POST', '/devices/local-enrol', { body: { role: 'kiosk', name: 'Cửa sổ kiosk' }, headers: { 'x-motcua-local-secret': 'per-launch-secret-0123456789abcdef' } });
      const first = await enrol();
      const second = await enrol();
      expect(first.status).toBe(200);
      expect(second.body.deviceId).toBe(first.body.deviceId);
      expect(second.body.token).not.toBe(first.body.token);
      expect(local.query("SELECT id FROM devices WHERE name = 'Cửa sổ kiosk'")).toHaveLength(1);
      expect((await local.api('GET', '/services', { token: first.body.token })).status).toBe(401);
      expect((await local.api('GET', '/services', { token: second.body.token })).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('validation details', () => {
  it('name the field, the rule and its limit, so a screen can say it in its own language', async () => {
    const r = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'ab', fullName: 'x'.repeat(121), pin: '12' } });
    expect(r.status).toBe(400);
    const byPath: Record<string, { rule: string }> = Object.fromEntries((r.body.error.details as { path: string; rule: string }[]).map((d) => [d.path, d]));
    expect(byPath.fullName).toMatchObject({ rule: 'too_big', limit: 120 });
    expect(byPath.pin).toMatchObject({ rule: 'invalid_format', message: 'PIN must be 4–8 digits' });
    expect(byPath.username?.rule).toBe('invalid_format');
  });
});
