import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { openSse } from '../helpers/sse';

/**
 * The supervisor's figures against figures computed by hand, on a fixed data
 * set built through the real HTTP API under a fake clock (office time UTC+7):
 *
 * Mon 23/11/2026 — service A (counter 1, Lan), B (counter 3, Minh)
 *   08:00 A001, 08:02 A002, 08:04 B001, 08:05 A003 issued
 *   Lan:  08:10 call A001, 08:11 start, [08:15 registers D1 for A001, 08:16 D4], 08:20 call-next
 *         (finishes A001, calls A002), 08:21 start, 08:25 transfer A002 → B, 08:30 call A003, 08:35 no-show
 *   Minh: 08:12 call B001, 08:13 start, 08:23 finish, [08:40 registers D5], 08:40 call A002, 08:41 start, 08:53 finish
 * Tue 24/11 — 09:00 E001, Lan 09:05 call, 09:06 start, [09:07 D2 for E001], 09:10 finish; Minh 09:30 D3;
 *   Lan 10:00 D1 result ready, 10:05 hands D1 back.
 * Ratings: 08:21 Mon t:A001 unsatisfied; 08:24 Mon t:B001 very satisfied; 09:11 Tue t:E001 very satisfied;
 *   10:06 Tue d:D1 satisfied with the criteria.
 * Read on Wed 25/11 09:00 over 23–24/11.
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-23T07:30:00'));
let hub: TestHub;
let admin: string;
let lan: string;
let minh: string;
let tablet: string;
const ids: Record<string, number> = {};
const codes: Record<string, string> = {};
const secrets: Record<string, string> = {};

const at = (local: string) => clock.set(vn(local));
/** Sessions last 12 h: a new office day starts with a new login (the counters stay with their clerks). */
async function newDay() {
  admin = await hub.login();
  lan = await hub.login(...DEMO.clerk1);
  minh = await hub.login(...DEMO.clerk2);
  await ok('POST', '/counters/1/open', lan);
  await ok('POST', '/counters/3/open', minh);
}
async function ok<T = any>(method: string, p: string, token: string, body?: unknown): Promise<T> {
  const r = await hub.api(method, p, { token, body });
  if (r.status !== 200) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}
const issue = async (service: number, key: string) => {
  const r = await ok('POST', '/tickets', admin, { serviceId: service, priority: null });
  ids[key] = r.ticket.id;
};
const callNext = (token: string, counter: number) => ok('POST', `/counters/${counter}/call-next`, token);
const register = async (token: string, key: string, procedureCode: string, ticketId: number | null = null) => {
  const d = await ok('POST', '/dossiers', token, {
    procedureCode,
    ticketId,
    applicant: { fullName: 'Phạm Thị Hoa', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', address: 'Số 2 phố Huế, Hà Nội' },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
    notes: '',
  });
  codes[key] = d.code;
  secrets[key] = d.secret;
};
const prompt = (counter: number) => ok('GET', `/ratings/prompt?counterId=${counter}`, tablet);
const rate = async (counter: number, level: string, criteria?: Record<string, number>) => {
  const p = await prompt(counter);
  expect(p.prompt, `something to rate at counter ${counter}`).not.toBeNull();
  return ok('POST', '/ratings', tablet, { counterId: counter, key: p.prompt.key, level, ...(criteria ? { criteria } : {}) });
};

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  admin = await hub.login();
  lan = await hub.login(...DEMO.clerk1);
  minh = await hub.login(...DEMO.clerk2);
  tablet = await hub.pairDevice('counter', 'Máy tính bảng quầy 1');
  await ok('PUT', '/admin/supervisor-settings', admin, { maxWaitingPerService: 2, maxWaitMinutes: 10, alertDueToday: true, ratingCriteria: true, ratingIdleSeconds: 30, nearlyDueWorkingHours: 8 });
  await ok('POST', '/counters/1/open', lan);
  await ok('POST', '/counters/3/open', minh);

  at('2026-11-23T08:00:00');
  await issue(1, 'A001');
  at('2026-11-23T08:02:00');
  await issue(1, 'A002');
  at('2026-11-23T08:04:00');
  await issue(2, 'B001');
  at('2026-11-23T08:05:00');
  await issue(1, 'A003');
}, 60_000);
afterAll(async () => hub?.close());

describe('alerts before the first call', () => {
  it('too many waiting in A (3 > 2), and the long wait only from 10 minutes', async () => {
    at('2026-11-23T08:09:59');
    const before = await ok('GET', '/supervisor/alerts', lan);
    expect(before.alerts).toEqual([expect.objectContaining({ kind: 'too_many_waiting', serviceId: 1, waiting: 3, threshold: 2 })]);
    at('2026-11-23T08:10:00');
    const after = await ok('GET', '/supervisor/alerts', lan);
    expect(after.alerts).toContainEqual(expect.objectContaining({ kind: 'long_wait', serviceId: 1, ticketNumber: 'A001', minutes: 10, threshold: 10 }));
    expect(after.alerts.filter((a: { kind: string }) => a.kind === 'long_wait')).toHaveLength(1);
  });

  it('are pushed on the event stream after a queue change', async () => {
    const sse = openSse(`${hub.url}/api/v1/events?access_token=${lan}`);
    try {
      await sse.ready;
      // Pausing and resuming counter 3 changes the board without touching the figures.
      await ok('POST', '/counters/3/pause', minh, { paused: true });
      await ok('POST', '/counters/3/pause', minh, { paused: false });
      const ev = await sse.next((e) => e.event === 'alerts');
      expect(ev.data.alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(['long_wait', 'too_many_waiting']);
    } finally {
      sse.close();
    }
  });
});

describe('the fixed data set, hand-computed', () => {
  let f: any;
  beforeAll(async () => {
    at('2026-11-23T08:10:00');
    await callNext(lan, 1); // A001
    at('2026-11-23T08:11:00');
    await ok('POST', `/tickets/${ids.A001}/start`, lan);
    at('2026-11-23T08:12:00');
    await callNext(minh, 3); // B001
    at('2026-11-23T08:13:00');
    await ok('POST', `/tickets/${ids.B001}/start`, minh);
    at('2026-11-23T08:15:00');
    await register(lan, 'D1', '1.001022', ids.A001!); // Hộ tịch, 3 working days
    at('2026-11-23T08:16:00');
    await register(lan, 'D4', '1.004845'); // Hộ tịch, 2 working days → due Wed 08:16
    at('2026-11-23T08:20:00');
    await callNext(lan, 1); // finishes A001 (9 min), calls A002
    at('2026-11-23T08:21:00');
    await ok('POST', `/tickets/${ids.A002}/start`, lan);
    await rate(1, 'unsatisfied'); // t:A001
    at('2026-11-23T08:23:00');
    await ok('POST', `/tickets/${ids.B001}/finish`, minh);
    at('2026-11-23T08:24:00');
    await rate(3, 'very_satisfied'); // t:B001
    at('2026-11-23T08:25:00');
    await ok('POST', `/tickets/${ids.A002}/transfer`, lan, { serviceId: 2 });
    at('2026-11-23T08:30:00');
    await callNext(lan, 1); // A003
    at('2026-11-23T08:35:00');
    await ok('POST', `/tickets/${ids.A003}/no-show`, lan);
    at('2026-11-23T08:40:00');
    await register(minh, 'D5', '1.001022'); // 3 working days → due Thu 08:40: nearly due on Wed 09:00
    await callNext(minh, 3); // A002 in B
    at('2026-11-23T08:41:00');
    await ok('POST', `/tickets/${ids.A002}/start`, minh);
    at('2026-11-23T08:53:00');
    await ok('POST', `/tickets/${ids.A002}/finish`, minh);

    at('2026-11-24T08:55:00');
    await newDay();
    at('2026-11-24T09:00:00');
    await issue(5, 'E001');
    at('2026-11-24T09:05:00');
    await callNext(lan, 1);
    at('2026-11-24T09:06:00');
    await ok('POST', `/tickets/${ids.E001}/start`, lan);
    at('2026-11-24T09:07:00');
    await register(lan, 'D2', '1.001193', ids.E001!); // same day → overdue on Wed
    at('2026-11-24T09:10:00');
    await ok('POST', `/tickets/${ids.E001}/finish`, lan);
    at('2026-11-24T09:11:00');
    await rate(1, 'very_satisfied'); // t:E001
    at('2026-11-24T09:30:00');
    await register(minh, 'D3', '1.013978'); // Đất đai, 20 working days
    at('2026-11-24T10:00:00');
    await ok('POST', `/dossiers/${codes.D1}/result-ready`, lan, {});
    at('2026-11-24T10:05:00');
    await ok('POST', `/dossiers/${codes.D1}/hand-back`, lan, { scanned: codes.D1 });
    at('2026-11-24T10:06:00');
    await rate(1, 'satisfied', { d118_a: 2, d118_b: 1, d118_c: 2, d118_d: 2, d118_dd: 2, d118_e: 2 }); // d:D1

    at('2026-11-25T07:00:00');
    await newDay();
    at('2026-11-25T09:00:00');
    f = await ok('GET', '/supervisor/figures?from=2026-11-23&to=2026-11-24', admin);
  }, 60_000);

  const min = (m: number) => m * 60;

  it('tickets in all: 5 issued, 4 served, 1 no-show, 1 transfer; waits [5,8,10,15,18,25] min, service [4,9,10,12] min', () => {
    expect(f.tickets).toEqual({
      issued: 5,
      served: 4,
      noShows: 1,
      transfers: 1,
      wait: { n: 6, mean: min(13.5), p90: min(25) },
      service: { n: 4, mean: min(8.75), p90: min(12) },
    });
  });

  it('per service: each wait belongs to the queue it was spent in (A002 waited 18 min in A, then 15 in B)', () => {
    const by = Object.fromEntries(f.byService.map((s: any) => [s.serviceId, s]));
    expect(by[1]).toMatchObject({ nameVi: 'Tư pháp – Hộ tịch', issued: 3, served: 1, noShows: 1, transfers: 1, wait: { n: 3, mean: 1060, p90: min(25) }, service: { n: 1, mean: min(9), p90: min(9) } });
    expect(by[2]).toMatchObject({ issued: 1, served: 2, noShows: 0, transfers: 0, wait: { n: 2, mean: min(11.5), p90: min(15) }, service: { n: 2, mean: min(11), p90: min(12) } });
    expect(by[5]).toMatchObject({ issued: 1, served: 1, wait: { n: 1, mean: min(5), p90: min(5) }, service: { n: 1, mean: min(4), p90: min(4) } });
    expect(f.byService.map((s: any) => s.serviceId)).toEqual([1, 2, 5]);
  });

  it('per counter', () => {
    const [c1, c3] = f.byCounter;
    expect(c1).toMatchObject({ number: 1, called: 4, served: 2, noShows: 1, transfers: 1, service: { n: 2, mean: min(6.5), p90: min(9) } });
    expect(c3).toMatchObject({ number: 3, called: 2, served: 2, noShows: 0, transfers: 0, service: { n: 2, mean: min(11), p90: min(12) } });
  });

  it("per clerk, with idle time between the day's first call and last end", () => {
    const by = Object.fromEntries(f.byClerk.map((c: any) => [c.fullName, c]));
    // Lan: Mon busy 08:10–08:25 and 08:30–08:35 in a span of 25 min → idle 5; Tue 09:05–09:10, idle 0.
    expect(by['Nguyễn Thị Lan']).toMatchObject({ called: 4, served: 2, noShows: 1, transfers: 1, idleSeconds: min(5), activeSeconds: min(25) });
    // Minh: busy 08:12–08:23 and 08:40–08:53 in a span of 41 min → idle 17.
    expect(by['Trần Văn Minh']).toMatchObject({ called: 2, served: 2, idleSeconds: min(17), activeSeconds: min(24) });
  });

  it('per day', () => {
    expect(f.byDay).toEqual([
      { day: '2026-11-23', issued: 4, served: 3, noShows: 1 },
      { day: '2026-11-24', issued: 1, served: 1, noShows: 0 },
    ]);
  });

  it('dossiers: 5 received, 1 handed back on time; open now: 2 overdue, 1 nearly due, 1 in time', () => {
    // Read with the nearly-due threshold at 8 working hours (the set-up's settings): D5 has 7 h 40 left.
    expect(f.dossiers).toEqual({ received: 5, handedBack: 1, handedBackOnTime: 1, handedBackLate: 0, openOnTime: 1, openNearlyDue: 1, openOverdue: 2 });
    const field = Object.fromEntries(f.dossiersByField.map((x: any) => [x.fieldVi, x]));
    expect(field['Hộ tịch']).toMatchObject({ received: 4, handedBack: 1, handedBackOnTime: 1, openOverdue: 2, openNearlyDue: 1, openOnTime: 0 });
    expect(field['Đất đai']).toMatchObject({ received: 1, handedBack: 0, openOnTime: 1, openOverdue: 0 });
    const clerk = Object.fromEntries(f.dossiersByClerk.map((x: any) => [x.fullName, x]));
    expect(clerk['Nguyễn Thị Lan']).toMatchObject({ received: 3, handedBack: 1, openOverdue: 2, openNearlyDue: 0 });
    expect(clerk['Trần Văn Minh']).toMatchObject({ received: 2, openOnTime: 1, openNearlyDue: 1 });
  });

  it('the overdue list, latest first, with how late each is', async () => {
    expect(f.overdue.map((o: any) => o.code)).toEqual([codes.D2, codes.D4]);
    const now = Date.parse(vn('2026-11-25T09:00:00'));
    for (const o of f.overdue) {
      const d = await ok('GET', `/dossiers/${o.code}`, admin);
      expect(o.dueAt).toBe(d.dueAt);
      expect(o.lateMs).toBe(now - d.dueAt);
    }
    expect(f.overdue[1].lateMs).toBe(44 * 60_000); // D4 was due Wed 08:16
    // Lateness in working time: D2 (same day, due Tue 17:00) is 2 working hours late at Wed 09:00, not 16 clock hours.
    expect(f.overdue[0].lateMs).toBe(16 * 3_600_000);
    expect(f.overdue[0].lateWorkingHours).toBeCloseTo(2, 9);
    expect(f.overdue[1].lateWorkingHours).toBeCloseTo(44 / 60, 9);
    expect(f.overdue[0]).toMatchObject({ fieldVi: 'Hộ tịch', clerkName: 'Nguyễn Thị Lan' });
  });

  it('ratings: 4 (2 very satisfied, 1 satisfied, 1 not) = 75 %, per clerk and per quarter, criteria means', () => {
    expect(f.ratings).toMatchObject({ total: 4, verySatisfied: 2, satisfied: 1, unsatisfied: 1, satisfactionPct: 75 });
    expect(f.ratings.criteria).toEqual([
      { key: 'd118_a', n: 1, mean: 2 },
      { key: 'd118_b', n: 1, mean: 1 },
      { key: 'd118_c', n: 1, mean: 2 },
      { key: 'd118_d', n: 1, mean: 2 },
      { key: 'd118_dd', n: 1, mean: 2 },
      { key: 'd118_e', n: 1, mean: 2 },
    ]);
    const by = Object.fromEntries(f.ratingsByClerk.map((x: any) => [x.fullName, x]));
    expect(by['Nguyễn Thị Lan']).toMatchObject({ total: 3, verySatisfied: 1, satisfied: 1, unsatisfied: 1, satisfactionPct: 66.7 });
    expect(by['Trần Văn Minh']).toMatchObject({ total: 1, verySatisfied: 1, satisfactionPct: 100 });
    expect(f.ratingsByQuarter).toEqual([{ quarter: '2026-Q4', total: 4, verySatisfied: 2, satisfied: 1, unsatisfied: 1, satisfactionPct: 75 }]);
  });

  it('each rating is linked to its ticket, dossier, clerk and counter, with a UUID made by the hub', () => {
    const rows = hub.query('SELECT r.*, t.number FROM ratings r LEFT JOIN tickets t ON t.id = r.ticket_id ORDER BY created_at');
    expect(rows.map((r) => [r.subject, r.number, r.dossier_code, r.counter_id, r.level])).toEqual([
      ['ticket', 'A001', codes.D1, 1, 'unsatisfied'],
      ['ticket', 'B001', null, 3, 'very_satisfied'],
      ['ticket', 'E001', codes.D2, 1, 'very_satisfied'],
      ['dossier', null, codes.D1, 1, 'satisfied'],
    ]);
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a one-day range counts only that day (ratings, hand-backs and tickets of Tuesday)', async () => {
    const tue = await ok('GET', '/supervisor/figures?from=2026-11-24&to=2026-11-24', admin);
    expect(tue.tickets).toMatchObject({ issued: 1, served: 1, noShows: 0, transfers: 0 });
    expect(tue.dossiers).toMatchObject({ received: 2, handedBack: 1 });
    expect(tue.ratings).toMatchObject({ total: 2, verySatisfied: 1, satisfied: 1 });
  });

  it('dossiers due later today raise the due-today alert; overdue ones raise their own (first), with their count', async () => {
    at('2026-11-25T07:30:00');
    const early = await ok('GET', '/supervisor/alerts', lan);
    expect(early.alerts).toContainEqual({ kind: 'due_today', count: 1, codes: [codes.D4] });
    expect(early.alerts).toContainEqual({ kind: 'overdue', count: 1, codes: [codes.D2] });
    at('2026-11-25T09:00:00');
    const later = await ok('GET', '/supervisor/alerts', lan);
    expect(later.alerts.find((a: any) => a.kind === 'due_today')).toBeUndefined();
    const overdue = later.alerts.filter((a: any) => a.kind === 'overdue');
    expect(overdue).toEqual([{ kind: 'overdue', count: 2, codes: [codes.D2, codes.D4] }]);
    // The overdue alert is not behind the due-today switch: an overdue dossier always needs someone.
    const s = await ok('GET', '/admin/supervisor-settings', admin);
    await ok('PUT', '/admin/supervisor-settings', admin, { ...s, alertDueToday: false });
    try {
      at('2026-11-25T07:30:00');
      const off = await ok('GET', '/supervisor/alerts', lan);
      expect(off.alerts.map((a: any) => a.kind)).toEqual(['overdue']);
    } finally {
      await ok('PUT', '/admin/supervisor-settings', admin, s);
      at('2026-11-25T09:00:00');
    }
  });

  it('nearly due follows the threshold setting (working hours), audited; a bad value is refused and changes nothing', async () => {
    const s = await ok('GET', '/admin/supervisor-settings', admin);
    expect(s.nearlyDueWorkingHours).toBe(8);
    try {
      // D5 has 7 h 40 working time left: nearly due at 8 h, on time at the default 4 h.
      await ok('PUT', '/admin/supervisor-settings', admin, { ...s, nearlyDueWorkingHours: 4 });
      const at4 = await ok('GET', '/supervisor/figures?from=2026-11-23&to=2026-11-24', admin);
      expect(at4.dossiers).toMatchObject({ openNearlyDue: 0, openOnTime: 2, openOverdue: 2 });
      expect((await ok('GET', `/dossiers/${codes.D5}`, minh)).dueStatus).toBe('on_time');
      const log = await ok('GET', '/admin/audit?action=settings.supervisor', admin);
      expect(log.entries[0].detail.after).toMatchObject({ nearlyDueWorkingHours: 4 });
      for (const bad of [0, 41, 2.5, '4']) {
        const r = await hub.api('PUT', '/admin/supervisor-settings', { token: admin, body: { ...s, nearlyDueWorkingHours: bad } });
        expect(r.status, String(bad)).toBe(400);
        expect(r.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect((await ok('GET', '/admin/supervisor-settings', admin)).nearlyDueWorkingHours).toBe(4);
      // A client that predates the setting may leave it out: it keeps its value.
      const { nearlyDueWorkingHours: _omit, ...older } = s;
      expect((await ok('PUT', '/admin/supervisor-settings', admin, older)).nearlyDueWorkingHours).toBe(4);
    } finally {
      await ok('PUT', '/admin/supervisor-settings', admin, s);
    }
  });

  describe('exports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-report-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function download(p: string) {
      const res = await fetch(`${hub.url}/api/v1${p}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).toBe(200);
      return { type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
    }

    it('the .xlsx reads back with numbers as numbers, units in the headers, the header row frozen and columns sized', async () => {
      const file = await download('/supervisor/report.xlsx?from=2026-11-23&to=2026-11-24');
      expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.disposition).toContain('motcua-2026-11-23_2026-11-24.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
      // One table per sheet, so each can be sorted, filtered and charted.
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Tổng hợp',
        'Theo lĩnh vực',
        'Theo quầy',
        'Theo cán bộ',
        'Hồ sơ theo lĩnh vực',
        'Hồ sơ theo cán bộ tiếp nhận',
        'Đánh giá theo cán bộ',
        'Đánh giá theo quý',
        'Điểm theo tiêu chí (0–2)',
        'Quá hạn',
      ]);
      const HEADER = 6;
      for (const ws of wb.worksheets) {
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: HEADER, xSplit: 1 });
        expect(ws.getRow(HEADER).font?.bold, ws.name).toBe(true);
        for (let c = 1; c <= ws.getRow(HEADER).cellCount; c++) {
          const width = ws.getColumn(c).width ?? 0;
          expect(width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(10);
        }
      }
      const summary = wb.getWorksheet('Tổng hợp')!;
      const cells = new Map<string, ExcelJS.Cell>();
      summary.eachRow((row, n) => {
        if (n > HEADER) cells.set(String(row.getCell(1).value), row.getCell(2));
      });
      const num = (label: string, value: number, numFmt: string) => {
        const c = cells.get(label);
        expect(c, label).toBeDefined();
        expect(c!.type, label).toBe(ExcelJS.ValueType.Number);
        expect(c!.value, label).toBeCloseTo(value, 9);
        expect(c!.numFmt, label).toBe(numFmt);
      };
      num('Số đã cấp', 5, '#,##0');
      num('Đã phục vụ', 4, '#,##0');
      num('Vắng mặt', 1, '#,##0');
      num('Chờ trung bình (phút)', 13.5, '0.0');
      num('Phục vụ trung bình (phút)', 8.8, '0.0');
      num('Hồ sơ tiếp nhận', 5, '#,##0');
      num('Đang quá hạn (hiện tại)', 2, '#,##0');
      num('Tỷ lệ hài lòng (%)', 0.75, '0.0%');
      // Every figure cell of every sheet is a number, a date, or empty: never a number written as text.
      for (const ws of wb.worksheets) {
        ws.eachRow((row, n) => {
          if (n <= HEADER) return;
          row.eachCell((c, col) => {
            if (col === 1 || c.type !== ExcelJS.ValueType.String) return;
            expect(String(c.value), `${ws.name}!${c.address}`).not.toMatch(/^[\d.,\s%]+$/);
          });
        });
      }
      const byService = wb.getWorksheet('Theo lĩnh vực')!;
      expect(byService.getRow(HEADER).values).toEqual([
        undefined,
        'Lĩnh vực',
        'Số đã cấp',
        'Đã phục vụ',
        'Vắng mặt',
        'Chuyển quầy',
        'Chờ trung bình (phút)',
        'Chờ (P90) (phút)',
        'Phục vụ trung bình (phút)',
        'Phục vụ (P90) (phút)',
      ]);
      const a = byService.getRows(HEADER + 1, byService.rowCount - HEADER)!.find((r) => r.getCell(1).value === 'Tư pháp – Hộ tịch')!;
      expect([a.getCell(2).value, a.getCell(3).value, a.getCell(4).value, a.getCell(5).value]).toEqual([3, 1, 1, 1]);
      expect(a.getCell(6).type).toBe(ExcelJS.ValueType.Number);
      expect(byService.autoFilter).toBeDefined();
      const score = wb.getWorksheet('Điểm theo tiêu chí (0–2)')!.getRow(HEADER + 1).getCell(3);
      expect([score.type, score.value, score.numFmt]).toEqual([ExcelJS.ValueType.Number, 2, '0.00']);

      const overdue = wb.getWorksheet('Quá hạn')!;
      const rows = overdue.getRows(HEADER + 1, overdue.rowCount - HEADER)!;
      expect(rows.map((r) => r.getCell(1).value)).toEqual([codes.D2, codes.D4]);
      for (const r of rows) expect(r.getCell(1).font?.color?.argb).toBe('FFC62828');
      // Instants are Excel dates (office wall clock) with a dd/mm/yyyy hh:mm format; lateness in working time.
      const due = rows[1]!.getCell(6);
      expect(due.type).toBe(ExcelJS.ValueType.Date);
      expect(due.numFmt).toBe('dd/mm/yyyy hh:mm');
      expect((due.value as Date).toISOString()).toBe('2026-11-25T08:16:00.000Z');
      expect(rows[0]!.getCell(7).value).toBe('Trễ 2 giờ làm việc');
      expect(rows[1]!.getCell(7).value).toBe('Trễ 44 phút làm việc');

      const en = new ExcelJS.Workbook();
      await en.xlsx.load((await download('/supervisor/report.xlsx?from=2026-11-23&to=2026-11-24&lang=en')).bytes as unknown as ArrayBuffer);
      expect(en.getWorksheet('Overdue')!.getRow(HEADER + 1).getCell(7).value).toBe('2 hours late (working time)');
      expect(en.getWorksheet('Summary')!.getRow(HEADER).values).toEqual([undefined, 'Item', 'Value']);
    });

    it('the PDF report is an official report: national heading, office, period, labelled figures, signatures, "Trang i/n"; both languages', async () => {
      const vi = await download('/supervisor/report.pdf?from=2026-11-23&to=2026-11-24');
      expect(vi.type).toBe('application/pdf');
      const file = path.join(dir, 'report-vi.pdf');
      fs.writeFileSync(file, vi.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const office = (await ok('GET', '/office', admin)).name as string;
      for (const words of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        office.toUpperCase(),
        'ngày 25 tháng 11 năm 2026',
        'BÁO CÁO TỔNG HỢP TÌNH HÌNH TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
        'Kỳ báo cáo: từ ngày 23/11/2026 đến ngày 24/11/2026',
        'tính tại thời điểm lập báo cáo: 25/11/2026 09:00',
        'I. Lấy số thứ tự và phục vụ (trong kỳ báo cáo)',
        'IV. Hồ sơ đang quá hạn tại thời điểm lập báo cáo (25/11/2026 09:00)',
        'Trễ 2 giờ làm việc',
        'Trễ 44 phút làm việc',
        'NGƯỜI LẬP BIỂU',
        'THỦ TRƯỞNG ĐƠN VỊ',
        '(Ký, ghi rõ họ tên, đóng dấu)',
        'Tư pháp – Hộ tịch',
        'Nguyễn Thị Lan',
        'Trần Văn Minh',
        'Rất hài lòng',
        'Không hài lòng',
        'IV. Hồ sơ đang quá hạn',
        codes.D2!,
        codes.D4!,
        '2026-Q4',
      ]) {
        expect(text, words).toContain(words);
      }
      expect(text.indexOf(codes.D2!)).toBeLessThan(text.indexOf(codes.D4!));
      // The signatures close the report, after the overdue list.
      expect(text.lastIndexOf('NGƯỜI LẬP BIỂU')).toBeGreaterThan(text.indexOf(codes.D4!));
      // Every page carries "Trang i/n".
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThan(1);
      for (let i = 1; i <= pages; i++) {
        const page = execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' });
        expect(page, `page ${i}`).toContain(`Trang ${i}/${pages}`);
      }
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      expect(fonts).toMatch(/BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      // Rendered for a person to look at; a fresh clone has no test-results/ until the e2e set-up runs.
      fs.mkdirSync('test-results', { recursive: true });
      execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join('test-results', 'supervisor-report')]);

      const en = await download('/supervisor/report.pdf?from=2026-11-23&to=2026-11-24&lang=en');
      fs.writeFileSync(path.join(dir, 'report-en.pdf'), en.bytes);
      const enText = execFileSync('pdftotext', ['-layout', path.join(dir, 'report-en.pdf'), '-'], { encoding: 'utf8' });
      for (const words of ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness', 'SUMMARY REPORT OF DOSSIERS RECEIVED AND RESULTS HANDED BACK', 'Reporting period: 23/11/2026 to 24/11/2026', '2 hours late (working time)', 'PREPARED BY', 'HEAD OF OFFICE', `Page 1 of ${pages}`, 'Very satisfied']) {
        expect(enText, words).toContain(words);
      }
      execFileSync('pdftoppm', ['-r', '70', '-png', path.join(dir, 'report-en.pdf'), path.join('test-results', 'supervisor-report-en')]);
    });
  });
});
