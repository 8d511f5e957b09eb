import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody, syncUntil } from '../helpers/sync';

/**
 * Issue 12 §1: the channel of a dossier (1 in person, 3 postal at the counter;
 * 2 online, from the portal through the district), the applicant's withdrawal
 * (status 7) at the counter, carried by sync; online dossiers handed back at the counter.
 * Real hub, real district server (PGlite), real HTTP on loopback.
 */
let district: TestDistrict;
let hub: TestHub;
let admin: string;
let clerk: string;

beforeAll(async () => {
  district = await startTestDistrict();
  hub = await startTestHub({ sync: { autoStart: false } });
  admin = await hub.login();
  const code = await district.enrolmentCode();
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  clerk = await hub.login(...DEMO.clerk1);
  expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await district?.close();
});

const count = () => hub.query<{ n: number }>('SELECT count(*) AS n FROM dossiers')[0]!.n;

describe('channel at registration', () => {
  it('registers in person by default and postal when the clerk marks it; the district learns the channel', async () => {
    const inPerson = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    expect(inPerson.status, JSON.stringify(inPerson.body)).toBe(200);
    expect(inPerson.body.channel).toBe(1);
    const postal = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody({ channel: 3 }) });
    expect(postal.status, JSON.stringify(postal.body)).toBe(200);
    expect(postal.body.channel).toBe(3);
    const list = await hub.api('GET', '/dossiers', { token: clerk });
    expect(list.body.items.find((d: { code: string }) => d.code === postal.body.code).channel).toBe(3);

    await hub.api('POST', '/sync/now', { token: admin });
    const { rows } = await district.db.query<{ channel: number }>('SELECT channel FROM dossiers WHERE code = $1', [postal.body.code]);
    expect(rows[0]?.channel).toBe(3);
  });

  it('refuses channel 2 (online) or any other value at the counter, and writes nothing', async () => {
    const before = count();
    for (const channel of [2, 0, 4, '3']) {
      const r = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody({ channel }) });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.body.error.details)).toContain('channel');
    }
    expect(count()).toBe(before);
  });
});

describe('withdrawal by the applicant (status 7)', () => {
  it('needs a reason, ends processing, is audited and reaches the district', async () => {
    const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    const code = reg.body.code as string;
    const outboxBefore = hub.query<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]!.n;

    const empty = await hub.api('POST', `/dossiers/${code}/withdraw`, { token: clerk, body: { reason: '   ' } });
    expect(empty.status).toBe(400);
    expect((await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body.status).toBe(2);
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]!.n).toBe(outboxBefore);

    const w = await hub.api('POST', `/dossiers/${code}/withdraw`, { token: clerk, body: { reason: 'Ông/Bà xin rút hồ sơ để bổ sung giấy tờ khác' } });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body).toMatchObject({ status: 7, statusKey: 'withdrawn', dueStatus: null });
    expect(w.body.events.at(-1)).toMatchObject({ toStatus: 7, note: 'Ông/Bà xin rút hồ sơ để bổ sung giấy tờ khác' });

    const audit = hub.query<{ action: string; target: string; detail: string }>("SELECT action, target, detail FROM audit_log WHERE action = 'dossier.withdrawn'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target).toBe(`dossier:${code}`);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ reason: 'Ông/Bà xin rút hồ sơ để bổ sung giấy tờ khác' });

    // Withdrawn is final: a second withdrawal or a hand-back is refused and changes nothing.
    const again = await hub.api('POST', `/dossiers/${code}/withdraw`, { token: clerk, body: { reason: 'lần nữa' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_DOSSIER_STATE');

    await hub.api('POST', '/sync/now', { token: admin });
    const bo = await district.backOffice('GET', `/back-office/dossiers/${code}`);
    expect(bo.body.status).toBe(7);
    expect(bo.body.history.at(-1)).toMatchObject({ from_status: 2, to_status: 7, note: 'Ông/Bà xin rút hồ sơ để bổ sung giấy tờ khác' });
    const rejected = await hub.api('GET', '/sync/rejected', { token: admin });
    expect(rejected.body.items).toEqual([]);
  });

  it('cannot withdraw once the result is ready (the decision is made)', async () => {
    const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    const code = reg.body.code as string;
    expect((await hub.api('POST', `/dossiers/${code}/result-ready`, { token: clerk, body: {} })).status).toBe(200);
    const w = await hub.api('POST', `/dossiers/${code}/withdraw`, { token: clerk, body: { reason: 'muộn' } });
    expect(w.status).toBe(409);
    expect((await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body.status).toBe(9);
  });

  it('answers an unknown dossier with 404', async () => {
    const r = await hub.api('POST', '/dossiers/000.00.15.H24-261203-9999/withdraw', { token: clerk, body: { reason: 'x' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('UNKNOWN_DOSSIER');
  });
});

describe('online dossiers (channel 2) from the portal', () => {
  const portalCode = '000.00.00.G22-261203-0007';
  const application = {
    procedureCode: '1.001022',
    procedureNameVi: 'Đăng ký nhận cha, mẹ, con',
    processingValue: 3,
    processingUnit: 'working_days',
    applicantName: 'Trần Thị Bình',
    applicantIdType: 'cccd',
    applicantIdNumber: '001190012345',
    applicantPhone: '0987654321',
    applicantAddress: 'Số 2 phố Huế, Hà Nội',
    acceptedAt: Date.now() - 3_600_000,
    feeVnd: 0,
    documents: [{ nameVi: 'Tờ khai (bản điện tử)', nameEn: null, originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
  };

  it('refuses a code with the office’s own agency code, or a malformed one', async () => {
    const own = await district.backOffice('POST', '/back-office/online-dossiers', { code: '000.00.15.H24-261203-0500', officeId: 'o1', dueAt: Date.now() + 86_400_000 * 5, application });
    // the test district's agency is the hub's demo agency
    expect(own.status).toBe(400);
    expect(own.body.error.message).toContain('not the office');
    const bad = await district.backOffice('POST', '/back-office/online-dossiers', { code: 'nope', officeId: 'o1', dueAt: Date.now() + 1, application });
    expect(bad.status).toBe(400);
    const { rows } = await district.db.query('SELECT code FROM dossiers WHERE channel = 2');
    expect(rows).toEqual([]);
  });

  it('is pulled into the hub, shown as online, and its result is handed back at the counter', async () => {
    const created = await district.backOffice('POST', '/back-office/online-dossiers', { code: portalCode, officeId: 'o1', dueAt: Date.now() + 86_400_000 * 5, paidOnline: 1, application });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${portalCode}`, { token: clerk })).status === 200);
    const d = (await hub.api('GET', `/dossiers/${portalCode}`, { token: clerk })).body;
    expect(d).toMatchObject({ code: portalCode, channel: 2, status: 2, applicantName: 'Trần Thị Bình', clerk: null });
    expect(d.documents).toEqual([expect.objectContaining({ nameVi: 'Tờ khai (bản điện tử)' })]);
    expect(hub.query<{ paid_online: number; has_fee: number }>('SELECT paid_online, has_fee FROM dossiers WHERE code = ?', portalCode)[0]).toEqual({ paid_online: 1, has_fee: 0 });
    // Found by the applicant's name, like any dossier.
    const found = await hub.api('GET', '/dossiers?q=tran%20thi%20binh', { token: clerk });
    expect(found.body.items.map((x: { code: string }) => x.code)).toContain(portalCode);

    expect((await district.backOffice('POST', `/back-office/dossiers/${portalCode}/result-ready`, {})).status).toBe(200);
    await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${portalCode}`, { token: clerk })).body.status === 9);
    // The applicant has no paper receipt of ours: the clerk types or scans the portal's code.
    const back = await hub.api('POST', `/dossiers/${portalCode}/hand-back`, { token: clerk, body: { scanned: portalCode } });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    await hub.api('POST', '/sync/now', { token: admin });
    expect((await district.backOffice('GET', `/back-office/dossiers/${portalCode}`)).body.status).toBe(10);
    // Pulled again (same row): the hub does not make a second copy.
    await hub.api('POST', '/sync/now', { token: admin });
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM dossiers WHERE code = ?', portalCode)[0]!.n).toBe(1);
    const status = await hub.api('GET', '/sync/status', { token: admin });
    expect(status.body.rejectedCount).toBe(0);
  });

  it('the district CLI creates one and records its online payment', async () => {
    const { run } = await import('../../src/district/cli');
    process.env.DISTRICT_URL = district.url;
    process.env.DISTRICT_BACKOFFICE_TOKEN = 'test-back-office';
    const code = '000.00.00.G22-261203-0099';
    await run(['online', 'o1', code, '1.001022', '3', 'Lê', 'Thị', 'Hoa', '--fee', '30000']);
    expect(await run(['show', code])).toMatchObject({ code, channel: 2, paid_online: 0, status: 2, received: { applicantName: 'Lê Thị Hoa', feeVnd: 30000 } });
    await run(['paid', code, '1']);
    expect(await run(['show', code])).toMatchObject({ paid_online: 1 });
    await expect(run(['paid', code, '7'])).rejects.toThrow();
    await syncUntil(hub, admin, async () => hub.query('SELECT paid_online FROM dossiers WHERE code = ?', code)[0]?.paid_online === 1);
    expect(hub.query('SELECT channel, has_fee FROM dossiers WHERE code = ?', code)[0]).toEqual({ channel: 2, has_fee: 1 });
  });
});
