import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody, syncUntil } from '../helpers/sync';
import file from '../../assets/catalogue/procedures.json';

/** The district sends the catalogue too: the same validator as the import, and a pulled change is a new version. */
let district: TestDistrict;
let hub: TestHub;
let admin: string;
beforeAll(async () => {
  district = await startTestDistrict();
  hub = await startTestHub({ sync: { autoStart: false } });
  admin = await hub.login();
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: await district.enrolmentCode() } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await district?.close();
});

const seeded = file.procedures.find((p) => p.code === '1.001022')!;

describe('the catalogue from the district', () => {
  it('the district refuses a district-level procedure or a broken fee with the reason, like an import', async () => {
    const district1 = await district.backOffice('POST', '/back-office/procedures', { ...seeded, level: 'district' });
    expect(district1.status).toBe(400);
    expect(JSON.stringify(district1.body)).toContain('1 July 2025');
    const fee = await district.backOffice('POST', '/back-office/procedures', { ...seeded, fee: { amount: 1234, textVi: '1.234 đồng', textEn: '1,234 VND' } });
    expect(fee.status).toBe(400);
    expect(JSON.stringify(fee.body)).toContain('hundreds');
  });
  it('a pulled change is a new version; a dossier received before keeps version 1 and its due time', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
    const before = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const changed = { ...seeded, processing: { ...seeded.processing, value: 7 } };
    expect((await district.backOffice('POST', '/back-office/procedures', changed)).status).toBe(200);
    await syncUntil(hub, admin, async () => (await hub.api('GET', '/procedures/1.001022', { token: clerk })).body.version === 2);
    const versions = await hub.api('GET', '/procedures/1.001022/versions', { token: clerk });
    expect(versions.body.map((v: any) => [v.version, v.source, v.procedure.processing.value])).toEqual([[2, 'district', 7], [1, 'seed', 3]]);
    const old = await hub.api('GET', `/dossiers/${before.body.code}`, { token: clerk });
    expect(old.body.dueAt).toBe(before.body.dueAt);
    expect(hub.query('SELECT procedure_version FROM dossiers WHERE code = ?', before.body.code)).toEqual([{ procedure_version: 1 }]);
    // Pulled again unchanged (a snapshot, a repeat): no new version.
    await hub.api('POST', '/sync/now', { token: admin });
    expect(hub.query('SELECT count(*) AS n FROM procedure_versions WHERE procedure_code = ?', '1.001022')).toEqual([{ n: 2 }]);
  });
});
