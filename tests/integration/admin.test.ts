import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
});
afterAll(async () => hub.close());

describe('admin: office, services, counters, clerks', () => {
  it('health and who-am-I', async () => {
    const h = await hub.api('GET', '/health');
    expect(h.body).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION });
    const me = await hub.api('GET', '/auth/me', { token: admin });
    expect(me.body).toMatchObject({ kind: 'clerk', role: 'admin', name: 'Quản trị viên', counterId: null });
  });

  it('changes the office name and agency code; a bad code changes nothing', async () => {
    const bad = await hub.api('PUT', '/admin/office', { token: admin, body: { name: 'UBND phường Hoàn Kiếm', agencyCode: 'mã sai!' } });
    expect(bad.status).toBe(400);
    expect((await hub.api('GET', '/office', { token: admin })).body.agencyCode).toBe('000.00.15.H24');
    const ok = await hub.api('PUT', '/admin/office', { token: admin, body: { name: '  UBND phường Hoàn Kiếm  ', agencyCode: '000.00.16.H26' } });
    expect(ok.body).toMatchObject({ name: 'UBND phường Hoàn Kiếm', agencyCode: '000.00.16.H26' });
    // The public board follows at once.
    expect((await hub.api('GET', '/display', { token: admin })).body.office.name).toBe('UBND phường Hoàn Kiếm');
  });

  it('queue settings are validated', async () => {
    const s = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    const bad = await hub.api('PUT', '/admin/settings', { token: admin, body: { ...s, recallLimit: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('recallLimit');
    expect((await hub.api('GET', '/admin/settings', { token: admin })).body).toEqual(s);
  });

  it('adds and edits a service; the kiosk sees only active ones', async () => {
    const kiosk = await hub.pairDevice('kiosk');
    const created = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'Văn hóa – Thể thao', nameEn: 'Culture and sports', prefix: 'vh', sort: 9 } });
    expect(created.body).toMatchObject({ prefix: 'VH', active: true });
    expect((await hub.api('GET', '/services', { token: kiosk })).body.map((s: { prefix: string }) => s.prefix)).toContain('VH');
    const ticket = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: created.body.id } });
    expect(ticket.body.ticket.number).toBe('VH001');
    await hub.api('PUT', `/admin/services/${created.body.id}`, { token: admin, body: { ...created.body, active: false } });
    expect((await hub.api('GET', '/services', { token: kiosk })).body.map((s: { prefix: string }) => s.prefix)).not.toContain('VH');
    expect((await hub.api('GET', '/admin/services', { token: admin })).body.map((s: { prefix: string }) => s.prefix)).toContain('VH');
    expect((await hub.api('PUT', '/admin/services/999', { token: admin, body: { nameVi: 'x', nameEn: 'y', prefix: 'Z' } })).status).toBe(404);
  });

  it('adds and edits a counter and the services it serves', async () => {
    const unknown = await hub.api('POST', '/admin/counters', { token: admin, body: { number: 6, name: 'Quầy 6', serviceIds: [1, 99] } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_SERVICE');
    expect(hub.query('SELECT * FROM counters WHERE number = 6')).toEqual([]);
    const dup = await hub.api('POST', '/admin/counters', { token: admin, body: { number: 1, name: 'Quầy trùng', serviceIds: [] } });
    expect(dup.body.error.code).toBe('DUPLICATE');
    const made = await hub.api('POST', '/admin/counters', { token: admin, body: { number: 6, name: 'Quầy 6', serviceIds: [2, 1, 2] } });
    expect(made.body).toMatchObject({ number: 6, name: 'Quầy 6', serviceIds: [1, 2], active: true, paused: false, clerkId: null });
    const edited = await hub.api('PUT', `/admin/counters/${made.body.id}`, { token: admin, body: { number: 6, name: 'Quầy ưu tiên', serviceIds: [3] } });
    expect(edited.body).toMatchObject({ name: 'Quầy ưu tiên', serviceIds: [3] });
    const clerk = await hub.login(...DEMO.clerk1);
    const list = (await hub.api('GET', '/counters', { token: clerk })).body as { number: number }[];
    expect(list.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('creates, edits and disables clerks; a disabled clerk is logged out', async () => {
    const made = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'Pham.An', fullName: 'Phạm Văn An', pin: '2468' } });
    expect(made.body).toMatchObject({ username: 'pham.an', role: 'clerk', active: true });
    expect(JSON.stringify(made.body)).not.toContain('2468');
    const dup = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'pham.an', fullName: 'Khác', pin: '1357' } });
    expect(dup.body.error.code).toBe('DUPLICATE');
    const shortPin = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'ngan', fullName: 'Ngắn', pin: '12' } });
    expect(shortPin.status).toBe(400);
    const session = await hub.login('pham.an', '2468');
    expect((await hub.api('GET', '/counters', { token: session })).status).toBe(200);
    await hub.api('PUT', `/admin/clerks/${made.body.id}`, { token: admin, body: { fullName: 'Phạm Văn An', role: 'clerk', active: false } });
    expect((await hub.api('GET', '/counters', { token: session })).status).toBe(401);
    const again = await hub.api('POST', '/auth/login', { body: { username: 'pham.an', pin: '2468' } });
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
    expect((await hub.api('GET', '/admin/clerks', { token: admin })).body.some((c: { username: string; active: boolean }) => c.username === 'pham.an' && !c.active)).toBe(true);
  });

  it('logout ends the session', async () => {
    const token = await hub.login(...DEMO.clerk2);
    expect((await hub.api('POST', '/auth/logout', { token })).status).toBe(200);
    expect((await hub.api('GET', '/auth/me', { token })).status).toBe(401);
  });
});
