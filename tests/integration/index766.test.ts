import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody } from '../helpers/sync';

/**
 * The 766 tab over real HTTP (issue 12 §4): a fixed month built through the
 * counter's API under a fake clock, with the district (PGlite) stopping one
 * dossier and sending an online one. Office time is UTC+7; procedure 1.001022
 * takes 3 working days (office hours 8–17, Monday–Friday), so a dossier received
 * Monday 11-02 at hh:mm is due Thursday 11-05 at hh:mm.
 *
 *  P1 in person  11-02 08:00  done 11-03 09:00, handed back; rated "unsatisfied"      on time, complaint
 *  P2 postal     11-02 08:10  supplement 11-02 09:00 → 11-09 09:00 (7 d), done 11-10  on time: 11-10 09:00 − 7 d = 11-03 09:00 ≤ 11-05 08:10; fee 20 000
 *  P3 in person  11-02 08:20  supplement twice (11-02 10–11, 11-03 08–09), done 11-03  late: second supplement
 *  P4 in person  11-02 08:30  withdrawn by the applicant 11-03 08:00                  on time
 *  P5 in person  11-02 08:40  stopped by the district, seen 11-20 09:00                late: 11-20 > 11-05 08:40
 *  P6 online     11-04 08:00  (portal, due 11-09 17:00, paid online, fee 50 000) done 11-06 10:00   on time
 *  P7 in person  11-25 08:00  (Wednesday → due Monday 11-30 08:00) still open        late: counted to 11-30 24:00
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-02T08:00:00'));
let day = '';
/** Moves the clock; on a new day the clerks log in again (a session lasts 12 h) and the counter reopens. */
async function at(local: string) {
  clock.set(vn(`2026-${local}:00`));
  if (local.slice(0, 5) === day) return;
  day = local.slice(0, 5);
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  await ok('POST', '/counters/1/open', clerk);
}
const ms = (local: string) => Date.parse(vn(`2026-${local}:00`));

// The worked figures (November 2026, 7 dossiers processed, 7 received):
const EXPECTED = {
  // 2.1: P1 P2 P4 P6 on time of 7 → 4/7 = 57.142… → 57.14 %
  onTime: { numerator: 4, denominator: 7, percent: 57.14 },
  // 5.4: 100 − (late 3/7 + unsatisfied 1/7) × 100 = 100 − 57.142… = 42.857… → 42.86 %
  satisfaction: { numerator: 4, denominator: 7, percent: 42.86 },
  // 3.3: online P6 1/7 = 14.29 %, postal P2 1/7 = 14.29 %, in person 5/7 = 71.43 %
  onlineShare: { numerator: 1, denominator: 7, percent: 14.29 },
  postalShare: { numerator: 1, denominator: 7, percent: 14.29 },
  inPersonShare: { numerator: 5, denominator: 7, percent: 71.43 },
  // 3.6: of P2 and P6 (a fee), P6 paid online → 1/2 = 50 %
  onlinePayment: { numerator: 1, denominator: 2, percent: 50 },
  // 4.2: no file attached to any of them → 0/7
  digitisedComponents: { numerator: 0, denominator: 7, percent: 0 },
  digitisedResult: { numerator: 0, denominator: 7, percent: 0 },
};

let hub: TestHub;
let district: TestDistrict;
let admin: string;
let clerk: string;
const codes: Record<"P1" | "P2" | "P3" | "P4" | "P5" | "P7", string> = { P1: "", P2: "", P3: "", P4: "", P5: "", P7: "" };
const ONLINE = '000.00.00.G22-261104-0001';

async function ok<T = any>(method: string, p: string, token: string, body?: unknown): Promise<T> {
  const r = await hub.api<T>(method, p, { token, body });
  expect(r.status, `${method} ${p}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}
const register = async (key: keyof typeof codes, over: Record<string, unknown> = {}) => (codes[key] = (await ok<{ code: string }>('POST', '/dossiers', clerk, dossierBody(over))).code);
const sync = () => ok('POST', '/sync/now', admin);

beforeAll(async () => {
  district = await startTestDistrict();
  hub = await startTestHub({ clock: clock.now, sync: { autoStart: false } });
  await at('11-02T08:00');
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: await district.enrolmentCode() } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const tablet = await hub.pairDevice('counter', 'Máy tính bảng quầy 1');

  await at('11-02T08:00');
  await register('P1');
  await at('11-02T08:10');
  await register('P2', { channel: 3, feeCollected: 20000 });
  await at('11-02T08:20');
  await register('P3');
  await at('11-02T08:30');
  await register('P4');
  await at('11-02T08:40');
  await register('P5');
  await at('11-02T09:00');
  await ok('POST', `/dossiers/${codes.P2}/supplement-request`, clerk, { items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
  await at('11-02T10:00');
  await ok('POST', `/dossiers/${codes.P3}/supplement-request`, clerk, { items: ['Tờ khai'], reason: 'Thiếu chữ ký' });
  await at('11-02T11:00');
  await ok('POST', `/dossiers/${codes.P3}/supplement-received`, clerk, {});
  await sync();

  await at('11-03T08:00');
  await ok('POST', `/dossiers/${codes.P3}/supplement-request`, clerk, { items: ['Giấy ủy quyền'], reason: 'Lần hai' });
  await ok('POST', `/dossiers/${codes.P4}/withdraw`, clerk, { reason: 'Ông/Bà xin rút hồ sơ' });
  await at('11-03T09:00');
  await ok('POST', `/dossiers/${codes.P1}/result-ready`, clerk, {});
  await ok('POST', `/dossiers/${codes.P3}/supplement-received`, clerk, {});
  await ok('POST', `/dossiers/${codes.P1}/hand-back`, clerk, { scanned: codes.P1 });
  const prompt = await ok('GET', '/ratings/prompt?counterId=1', tablet);
  await ok('POST', '/ratings', tablet, { counterId: 1, key: prompt.prompt.key, level: 'unsatisfied' });
  await at('11-03T10:00');
  await ok('POST', `/dossiers/${codes.P3}/result-ready`, clerk, {});
  await sync();

  // The portal's online dossier, received upstream.
  const created = await district.backOffice('POST', '/back-office/online-dossiers', {
    code: ONLINE,
    officeId: 'o1',
    dueAt: ms('11-09T17:00'),
    paidOnline: 1,
    application: { ...onlineApplication, acceptedAt: ms('11-04T08:00') },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  await at('11-04T09:00');
  await sync();
  expect((await district.backOffice('POST', `/back-office/dossiers/${ONLINE}/result-ready`, {})).status).toBe(200);
  await at('11-06T10:00');
  await sync();

  await at('11-09T09:00');
  await ok('POST', `/dossiers/${codes.P2}/supplement-received`, clerk, {});
  await at('11-10T09:00');
  await ok('POST', `/dossiers/${codes.P2}/result-ready`, clerk, {});
  await sync();

  expect((await district.backOffice('POST', `/back-office/dossiers/${codes.P5}/move`, { status: 'stopped', note: 'Ông/Bà đề nghị dừng' })).status).toBe(200);
  await at('11-20T09:00');
  await sync();

  await at('11-25T08:00');
  await register('P7');
  await at('12-02T09:00');
}, 120_000);
afterAll(async () => {
  await hub?.close();
  await district?.close();
});

const onlineApplication = {
  procedureCode: '1.001022',
  procedureNameVi: 'Đăng ký nhận cha, mẹ, con',
  processingValue: 3,
  processingUnit: 'working_days',
  applicantName: 'Trần Thị Bình',
  applicantIdType: 'cccd',
  applicantIdNumber: '001190012345',
  applicantPhone: '0987654321',
  applicantAddress: 'Số 2 phố Huế, Hà Nội',
  feeVnd: 50000,
};

describe('GET /api/v1/supervisor/index-766', () => {
  it('gives the hand-worked figures for November', async () => {
    const r = await ok('GET', '/supervisor/index-766?from=2026-11-01&to=2026-11-30', admin);
    expect(r.office).toEqual(EXPECTED);
    expect(r.attachmentsStored).toBe(true);
    // The period is over: open dossiers are counted to its last moment.
    expect(r.asOf).toBe(ms('12-01T00:00') - 1);
  });

  it('traces each figure to its dossiers', async () => {
    const r = await ok('GET', '/supervisor/index-766?from=2026-11-01&to=2026-11-30', admin);
    const by = Object.fromEntries(r.dossiers.map((d: any) => [d.code, d]));
    expect(by[codes.P1]).toMatchObject({ onTime: true, endKind: 'done', endAt: ms('11-03T09:00'), complaint: true, parts: { onTime: 'num', satisfaction: 'num' } });
    expect(by[codes.P2]).toMatchObject({ channel: 'postal', onTime: true, supplementRequests: 1, supplementMs: 7 * 86_400_000, parts: { postalShare: 'num', onlinePayment: 'den' } });
    // Decree 118: 3 working days again from the supplement's arrival, Monday 11-09 09:00 → Thursday 11-12 09:00; 766 keeps the receipt's 11-05 08:10.
    expect(by[codes.P2]).toMatchObject({ appointmentAt: ms('11-05T08:10'), legalDueAt: ms('11-12T09:00') });
    expect(by[codes.P3]).toMatchObject({ onTime: false, lateReason: 'second_supplement', supplementRequests: 2 });
    expect(by[codes.P4]).toMatchObject({ onTime: true, endKind: 'withdrawn', endAt: ms('11-03T08:00') });
    expect(by[codes.P5]).toMatchObject({ onTime: false, endKind: 'stopped', endAt: ms('11-20T09:00'), lateReason: 'after_appointment' });
    expect(by[ONLINE]).toMatchObject({ channel: 'online', clerkId: null, onTime: true, endKind: 'done', endAt: ms('11-06T10:00'), parts: { onlineShare: 'num', onlinePayment: 'num' } });
    expect(by[codes.P7]).toMatchObject({ onTime: false, endKind: 'open', appointmentAt: ms('11-30T08:00') });
    // Every 'num' of on time is one of the 4 counted.
    expect(r.dossiers.filter((d: any) => d.parts.onTime === 'num').map((d: any) => d.code).sort()).toEqual([codes.P1, codes.P2, codes.P4, ONLINE].sort());
  });

  it('splits per field and per receiving clerk (the portal apart)', async () => {
    const r = await ok('GET', '/supervisor/index-766?from=2026-11-01&to=2026-11-30', admin);
    expect(r.byField).toHaveLength(1);
    expect(r.byField[0]).toMatchObject({ fieldVi: 'Hộ tịch', figures: EXPECTED });
    const clerkRow = r.byClerk.find((c: any) => c.clerkId !== null);
    const portal = r.byClerk.find((c: any) => c.clerkId === null);
    // The clerk: 6 dossiers, on time P1 P2 P4 = 3/6 = 50 %; the portal: P6 alone, 1/1.
    expect(clerkRow.figures.onTime).toEqual({ numerator: 3, denominator: 6, percent: 50 });
    expect(portal.figures.onTime).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it('a quarter and a year include November; October alone has nothing', async () => {
    const q = await ok('GET', '/supervisor/index-766?from=2026-10-01&to=2026-12-31', admin);
    expect(q.office.onTime).toEqual(EXPECTED.onTime);
    const y = await ok('GET', '/supervisor/index-766?from=2026-01-01&to=2026-12-31', admin);
    expect(y.office.onlineShare).toEqual(EXPECTED.onlineShare);
    const oct = await ok('GET', '/supervisor/index-766?from=2026-10-01&to=2026-10-31', admin);
    expect(oct.office.onTime).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(oct.dossiers).toEqual([]);
  });

  it('refuses a bad period and a clerk, with the contract error', async () => {
    for (const q of ['from=2026-11-30&to=2026-11-01', 'from=2026-11-01', 'from=2026-13-01&to=2026-13-31', 'from=2025-01-01&to=2026-12-31']) {
      const r = await hub.api('GET', `/supervisor/index-766?${q}`, { token: admin });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await hub.api('GET', '/supervisor/index-766?from=2026-11-01&to=2026-11-30', { token: clerk })).status).toBe(403);
  });
});

describe('exports beside it', () => {
  it('the workbook has the figures and every dossier with its part', async () => {
    const res = await fetch(`${hub.url}/api/v1/supervisor/index-766.xlsx?from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const values = summary.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values).toContainEqual(['Toàn bộ phận', '2.1 Tỷ lệ hồ sơ giải quyết đúng hạn', 4, 7, '57,14']);
    expect(values).toContainEqual(['Toàn bộ phận', '3.6 Tỷ lệ hồ sơ có phí được thanh toán trực tuyến', 1, 2, '50']);
    const list = wb.getWorksheet('Hồ sơ')!;
    const codesListed = list.getColumn(1).values.filter((v) => typeof v === 'string' && /-\d{6}-\d{4}$/.test(v));
    expect(codesListed).toHaveLength(7);
  });

  it('the PDF names the figures in Vietnamese and English', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const res = await fetch(`${hub.url}/api/v1/supervisor/index-766.pdf?from=2026-11-01&to=2026-11-30&lang=${lang}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).toBe(200);
      const file = path.join('test-results', `index766-${lang}.pdf`);
      fs.mkdirSync('test-results', { recursive: true });
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      if (lang === 'vi') {
        expect(text).toContain('BÁO CÁO CHỈ SỐ 766');
        expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn');
        expect(text).toContain('57,14 (4/7)');
        expect(text).toContain('Bưu chính');
        expect(text).toContain('Trễ hạn: bổ sung');
      } else {
        expect(text).toContain('766 INDEX REPORT');
        expect(text).toContain('57.14 (4/7)');
      }
      expect(text).toContain(ONLINE);
    }
  });
});
