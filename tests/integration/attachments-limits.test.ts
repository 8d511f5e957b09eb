import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { textPagePng } from '../helpers/pages';

/**
 * The size and page limits of a digitised document are an /admin setting: saved, audited, read by the
 * attachment service on every add; a bad value is refused with the reason and nothing changes.
 */
let hub: TestHub;
let tmp: string;
let page: Buffer;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-limits-'));
  page = await textPagePng(tmp);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(async () => hub?.close());

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function dossier(token: string): Promise<string> {
  expect((await hub.api('POST', '/counters/2/open', { token })).status).toBe(200);
  const reg = await hub.api('POST', '/dossiers', {
    token,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: '', address: 'Số 1 phố Huế, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
    },
  });
  expect(reg.status).toBe(200);
  return reg.body.code as string;
}

describe('digitising limits in /admin', () => {
  it('defaults, then a lower page limit refuses a longer document with TOO_MANY_PAGES, audited', async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    expect((await hub.api('GET', '/admin/digitising-limits', { token: admin })).body).toEqual({ maxFileBytes: 20 * 1024 * 1024, maxPages: 100 });

    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const code = await dossier(clerk);
    const attach = () => hub.api('POST', `/dossiers/${code}/attachments`, { token: clerk, body: { target: { kind: 'component', position: 1 }, source: 'scanner', pages: [b64(page), b64(page), b64(page)] } });

    const saved = await hub.api('PUT', '/admin/digitising-limits', { token: admin, body: { maxFileBytes: 5 * 1024 * 1024, maxPages: 2 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ maxFileBytes: 5 * 1024 * 1024, maxPages: 2 });
    const audit = hub.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'settings.digitising'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ before: { maxFileBytes: 20 * 1024 * 1024, maxPages: 100 }, after: { maxFileBytes: 5 * 1024 * 1024, maxPages: 2 } });

    const refused = await attach();
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('TOO_MANY_PAGES');
    expect(hub.query('SELECT id FROM dossier_attachments')).toHaveLength(0);

    // Read on every add: raising it again lets the same three pages through without a restart.
    expect((await hub.api('PUT', '/admin/digitising-limits', { token: admin, body: { maxFileBytes: 5 * 1024 * 1024, maxPages: 3 } })).status).toBe(200);
    const added = await attach();
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.pages).toBe(3);
  });

  it('refuses bad values with the reason and changes nothing; a clerk may not change them', async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    const before = hub.query("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.digitising'");
    const bad: [unknown, string][] = [
      [{ maxFileBytes: 5 * 1024 * 1024, maxPages: 0 }, 'maxPages'],
      [{ maxFileBytes: 5 * 1024 * 1024, maxPages: 201 }, 'maxPages'],
      [{ maxFileBytes: 5 * 1024 * 1024, maxPages: 2.5 }, 'maxPages'],
      [{ maxFileBytes: 100, maxPages: 10 }, 'maxFileBytes'],
      [{ maxFileBytes: 100 * 1024 * 1024, maxPages: 10 }, 'maxFileBytes'],
      [{ maxFileBytes: '5MB', maxPages: 10 }, 'maxFileBytes'],
      [{ maxPages: 10 }, 'maxFileBytes'],
    ];
    for (const [body, field] of bad) {
      const r = await hub.api('PUT', '/admin/digitising-limits', { token: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.body.error.details)).toContain(field);
    }
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    expect((await hub.api('PUT', '/admin/digitising-limits', { token: clerk, body: { maxFileBytes: 5 * 1024 * 1024, maxPages: 5 } })).status).toBe(403);
    expect(hub.query("SELECT value FROM settings WHERE key = 'digitising'")).toHaveLength(0);
    expect(hub.query("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.digitising'")).toEqual(before);
    expect((await hub.api('GET', '/admin/digitising-limits', { token: admin })).body).toEqual({ maxFileBytes: 20 * 1024 * 1024, maxPages: 100 });
  });
});
