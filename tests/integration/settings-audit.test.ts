import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptQrPayload } from '../../src/shared/domain';
import { csvCell } from '../../src/main/services/audit';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
});
afterAll(async () => hub?.close());

const audit = (filter = '') => hub.api('GET', `/admin/audit${filter}`, { token: admin });
const lastAudit = () => hub.query('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')[0];
const auditCount = () => hub.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]!.n;
const settingsRows = () => hub.query('SELECT * FROM settings ORDER BY key');

/** A rejected request: the status and code expected, and neither the settings nor the log changed. */
async function expectRejected(method: string, p: string, opts: { body?: unknown; raw?: string; token?: string }, status: number, code: string) {
  const settings = settingsRows();
  const devices = hub.query('SELECT id, name, role, revoked_at FROM devices ORDER BY id');
  const printers = hub.query('SELECT * FROM device_printers ORDER BY device_id');
  const n = auditCount();
  const r = await hub.api(method, p, { token: admin, ...opts });
  expect(r.status, `${method} ${p} ${JSON.stringify(opts.body ?? opts.raw)}`).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(settingsRows()).toEqual(settings);
  expect(hub.query('SELECT id, name, role, revoked_at FROM devices ORDER BY id')).toEqual(devices);
  expect(hub.query('SELECT * FROM device_printers ORDER BY device_id')).toEqual(printers);
  expect(auditCount()).toBe(n);
  return r;
}

describe('the audit log', () => {
  it('records logins, failed logins and the lockout, with the address and never the PIN', async () => {
    expect(lastAudit()).toMatchObject({ action: 'auth.login', actor_kind: 'clerk', actor_name: 'admin', ip: '127.0.0.1' });
    expect((await hub.api('POST', '/auth/login', { body: { username: 'nobody', pin: '1234' } })).status).toBe(401);
    expect(lastAudit()).toMatchObject({ action: 'auth.login_failed', actor_kind: 'anonymous', actor_name: 'nobody', target: 'clerk:nobody' });
    expect(JSON.parse(lastAudit().detail)).toEqual({ reason: 'unknown_user' });
    for (let i = 0; i < 5; i++) await hub.api('POST', '/auth/login', { body: { username: 'canbo2', pin: '999999' } });
    const rows = hub.query("SELECT action, detail FROM audit_log WHERE target = 'clerk:canbo2' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
    expect(hub.query("SELECT count(*) AS n FROM audit_log WHERE detail LIKE '%999999%'")[0].n).toBe(0);
  });

  it('records PIN resets, disabling and other clerk changes in the same transaction as the change', async () => {
    const created = await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'kiemtra', fullName: 'Lê Thị Kiểm Tra', pin: '4321', role: 'clerk' } });
    expect(created.status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'clerk.created', actor_name: 'admin', target: 'clerk:kiemtra' });
    const id = created.body.id;
    await hub.api('PUT', `/admin/clerks/${id}`, { token: admin, body: { fullName: 'Lê Thị Kiểm Tra', role: 'clerk', active: true, pin: '5555' } });
    expect(lastAudit()).toMatchObject({ action: 'clerk.pin_reset', target: 'clerk:kiemtra' });
    expect(lastAudit().detail).not.toContain('5555');
    await hub.api('PUT', `/admin/clerks/${id}`, { token: admin, body: { fullName: 'Lê Thị Kiểm Tra', role: 'clerk', active: false } });
    expect(lastAudit()).toMatchObject({ action: 'clerk.disabled' });
    expect(JSON.parse(lastAudit().detail)).toEqual({ changes: { active: { before: true, after: false } } });
    // Refused: the last admin cannot lose the role; nothing written, nothing logged.
    const adminId = hub.query("SELECT id FROM clerks WHERE username = 'admin'")[0].id;
    const n = auditCount();
    const r = await hub.api('PUT', `/admin/clerks/${adminId}`, { token: admin, body: { fullName: 'Quản trị', role: 'clerk', active: true } });
    expect(r.status).toBe(409);
    expect(auditCount()).toBe(n);
  });

  it('records settings changes with the new values; an action whose entry cannot be written does not happen', async () => {
    const s = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    await hub.api('PUT', '/admin/settings', { token: admin, body: { ...s, priorityInterleave: 4 } });
    expect(lastAudit()).toMatchObject({ action: 'settings.queue', actor_name: 'admin', target: 'settings:queue' });
    expect(JSON.parse(lastAudit().detail).after.priorityInterleave).toBe(4);
    await hub.api('PUT', '/admin/office-hours', { token: admin, body: (await hub.api('GET', '/admin/office-hours', { token: admin })).body });
    expect(lastAudit()).toMatchObject({ action: 'settings.office_hours' });
    const kiosk = (await hub.api('GET', '/kiosk/settings', { token: admin })).body;
    expect((await hub.api('PUT', '/admin/kiosk-settings', { token: admin, body: { ...kiosk, idleSeconds: 90 } })).status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'settings.kiosk', target: 'settings:kiosk' });
    expect(JSON.parse(lastAudit().detail).after.idleSeconds).toBe(90);
    const thresholds = (await hub.api('GET', '/admin/supervisor-settings', { token: admin })).body;
    expect((await hub.api('PUT', '/admin/supervisor-settings', { token: admin, body: thresholds })).status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'settings.supervisor', target: 'settings:supervisor' });

    // Take the log away behind the hub's back: the change must roll back with its entry.
    const w = new Database(path.join(hub.dataDir, 'motcua.sqlite'));
    w.exec('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      const r = await hub.api('PUT', '/admin/settings', { token: admin, body: { ...s, priorityInterleave: 9 } });
      expect(r.status).toBe(500);
      expect((await hub.api('GET', '/admin/settings', { token: admin })).body.priorityInterleave).toBe(4);
    } finally {
      w.exec('ALTER TABLE audit_log_away RENAME TO audit_log');
      w.close();
    }
  });

  it('records refusals and hand-backs of dossiers', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    const body = {
      procedureCode: '1.001022',
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', address: 'Số 1 phố Huế, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
      notes: '',
    };
    const a = (await hub.api('POST', '/dossiers', { token: clerk, body })).body;
    expect((await hub.api('POST', `/dossiers/${a.code}/refuse`, { token: clerk, body: { reason: 'Không đủ điều kiện' } })).status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'dossier.refused', actor_kind: 'clerk', actor_name: 'canbo1', target: `dossier:${a.code}` });
    const b = (await hub.api('POST', '/dossiers', { token: clerk, body })).body;
    await hub.api('POST', `/dossiers/${b.code}/result-ready`, { token: clerk, body: {} });
    expect((await hub.api('POST', `/dossiers/${b.code}/hand-back`, { token: clerk, body: { scanned: receiptQrPayload(b.code, b.secret) } })).status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'dossier.handed_back', actor_name: 'canbo1', target: `dossier:${b.code}` });
  });

  it('records pairing, renaming, a printer and revoking a device; the device reads its printer', async () => {
    const token = await hub.pairDevice('kiosk', 'Kiosk sảnh');
    const id = hub.query("SELECT id FROM devices WHERE name = 'Kiosk sảnh'")[0].id;
    expect(hub.query('SELECT action FROM audit_log ORDER BY id DESC LIMIT 2').map((r) => r.action)).toEqual(['device.paired', 'device.pairing_code']);
    const updated = await hub.api('PUT', `/admin/devices/${id}`, { token: admin, body: { name: '  Kiosk tầng 1 ', printer: 'TM-T82 Sảnh' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, name: 'Kiosk tầng 1', printer: 'TM-T82 Sảnh', role: 'kiosk' });
    expect(lastAudit()).toMatchObject({ action: 'device.updated', target: `device:${id}` });
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ nameBefore: 'Kiosk sảnh', name: 'Kiosk tầng 1', printerBefore: null, printer: 'TM-T82 Sảnh' });
    const screen = await hub.api('GET', '/screen-settings', { token });
    expect(screen.body).toMatchObject({ printer: 'TM-T82 Sảnh', languages: { defaultLanguage: 'vi', english: true }, voice: { enabled: true, language: 'vi' } });
    const list = (await hub.api('GET', '/admin/device-list', { token: admin })).body;
    expect(list.find((d: { id: number }) => d.id === id)).toMatchObject({ name: 'Kiosk tầng 1', printer: 'TM-T82 Sảnh' });
    await hub.api('PUT', `/admin/devices/${id}`, { token: admin, body: { name: 'Kiosk tầng 1', printer: null } });
    expect((await hub.api('GET', '/screen-settings', { token })).body.printer).toBeNull();
    expect((await hub.api('DELETE', `/admin/devices/${id}`, { token: admin })).status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'device.revoked', target: `device:${id}` });
    await expectRejected('PUT', `/admin/devices/${id}`, { body: { name: 'X', printer: null } }, 409, 'DEVICE_REVOKED');
  });

  it('filters by date, action or group, who and text, and pages backwards', async () => {
    const all = (await audit('?limit=500')).body.entries;
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((e: { id: number }) => e.id)).toEqual([...all.map((e: { id: number }) => e.id)].sort((a, b) => b - a));
    const logins = (await audit('?action=auth')).body.entries;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    expect((await audit('?action=auth.locked')).body.entries).toHaveLength(1);
    expect((await audit('?actor=CANBO1')).body.entries.every((e: { actorName: string }) => e.actorName === 'canbo1')).toBe(true);
    expect((await audit('?q=t%E1%BA%A7ng%201')).body.entries.map((e: { action: string }) => e.action)).toContain('device.updated');
    const future = Date.now() + 86_400_000;
    expect((await audit(`?from=${future}`)).body.entries).toEqual([]);
    expect((await audit(`?to=1`)).body.entries).toEqual([]);
    const page1 = (await audit('?limit=3')).body;
    expect(page1.entries).toHaveLength(3);
    const page2 = (await audit(`?limit=3&before=${page1.nextBefore}`)).body;
    expect(page2.entries[0].id).toBeLessThan(page1.entries[2].id);
    expect(page2.entries.map((e: { id: number }) => e.id)).toEqual(all.slice(3, 6).map((e: { id: number }) => e.id));
  });

  it('exports CSV with a BOM, Vietnamese headings and labels, one row per entry', async () => {
    const res = await fetch(`${hub.url}/api/v1/admin/audit.csv?action=clerk`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Thời gian,Thao tác,Mã thao tác,Loại,Người/thiết bị,Đối tượng,Chi tiết,Địa chỉ IP');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['clerk.disabled', 'clerk.pin_reset', 'clerk.created']);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},Vô hiệu hoá tài khoản,clerk\.disabled,Cán bộ,admin,clerk:kiemtra,"?changes: \{/);
    const en = Buffer.from(await (await fetch(`${hub.url}/api/v1/admin/audit.csv?action=clerk&lang=en`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer()).toString('utf8');
    expect(en).toContain('Time,Action,Action code');
    expect(en).toContain('PIN reset');
  });

  it('CSV cells are quoted per RFC 4180 and cannot start a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
  });
});

describe('voice, languages and the screens', () => {
  it('saves voice and language settings, audited, and the display reads them', async () => {
    const display = await hub.pairDevice('display', 'TV sảnh');
    const v = await hub.api('PUT', '/admin/voice-settings', { token: admin, body: { enabled: true, language: 'vi_en', volume: 60, repeat: 1, chime: false } });
    expect(v.status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'settings.voice' });
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ before: { language: 'vi', repeat: 2 }, after: { language: 'vi_en', repeat: 1 } });
    const l = await hub.api('PUT', '/admin/language-settings', { token: admin, body: { defaultLanguage: 'en', english: true } });
    expect(l.status).toBe(200);
    const screen = (await hub.api('GET', '/screen-settings', { token: display })).body;
    expect(screen).toEqual({ voice: { enabled: true, language: 'vi_en', volume: 60, repeat: 1, chime: false }, languages: { defaultLanguage: 'en', english: true }, printer: null });
    expect((await hub.api('GET', '/admin/voice-settings', { token: admin })).body.volume).toBe(60);
  });

  it('rejects bad input to every new route with a clear 4xx, changing nothing', async () => {
    const voice = { enabled: true, language: 'vi', volume: 80, repeat: 2, chime: true };
    await expectRejected('PUT', '/admin/voice-settings', { body: { ...voice, volume: 101 } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/voice-settings', { body: { ...voice, repeat: 0 } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/voice-settings', { body: { ...voice, language: 'fr' } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/voice-settings', { body: { ...voice, volume: '80' } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/voice-settings', { body: [] }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/voice-settings', { raw: '{"enabled":' }, 400, 'MALFORMED_JSON');
    await expectRejected('PUT', '/admin/language-settings', { body: { defaultLanguage: 'en', english: false } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/language-settings', { body: { defaultLanguage: 'fr', english: true } }, 400, 'VALIDATION_FAILED');
    const id = hub.query("SELECT id FROM devices WHERE revoked_at IS NULL ORDER BY id LIMIT 1")[0].id;
    await expectRejected('PUT', `/admin/devices/${id}`, { body: { name: '   ', printer: null } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', `/admin/devices/${id}`, { body: { name: 'X'.repeat(61), printer: null } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', `/admin/devices/${id}`, { body: { name: 'TV', printer: 'bad\nprinter' } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', `/admin/devices/${id}`, { body: { name: 'TV' } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/devices/abc', { body: { name: 'TV', printer: null } }, 400, 'VALIDATION_FAILED');
    await expectRejected('PUT', '/admin/devices/99999', { body: { name: 'TV', printer: null } }, 404, 'UNKNOWN_DEVICE');
    await expectRejected('GET', '/admin/audit?limit=0', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit?limit=501', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit?action=drop.table', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit?from=10&to=5', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit?before=-3', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit?from=yesterday', {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', `/admin/audit?q=${'x'.repeat(101)}`, {}, 400, 'VALIDATION_FAILED');
    await expectRejected('GET', '/admin/audit.csv?lang=fr', {}, 400, 'VALIDATION_FAILED');
    // Roles: a display reads its screen settings but never the admin's; nobody reads without a token.
    const display = await hub.pairDevice('display', 'TV 2');
    await expectRejected('GET', '/admin/voice-settings', { token: display }, 403, 'FORBIDDEN');
    await expectRejected('PUT', '/admin/voice-settings', { token: display, body: voice }, 403, 'FORBIDDEN');
    await expectRejected('GET', '/admin/audit', { token: await hub.login(...DEMO.clerk1) }, 403, 'FORBIDDEN');
    const anon = await hub.api('GET', '/screen-settings');
    expect(anon.status).toBe(401);
  });
});
