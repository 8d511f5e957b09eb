import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { receiptQrPayload, SECRET_ALPHABET, SECRET_LENGTH } from '../../src/shared/domain';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
afterEach(async () => hub?.close());

/** 1.001022 "Đăng ký nhận cha, mẹ, con": 3 working days in the seeded catalogue. */
const THREE_DAYS = '1.001022';
/** Office time (UTC+7) to an instant. */
const vn = (local: string) => Date.parse(`${local}+07:00`);

function dossierBody(over: Record<string, unknown> = {}, applicant: Record<string, unknown> = {}) {
  return {
    procedureCode: THREE_DAYS,
    applicant: {
      fullName: 'Nguyễn Văn An',
      idType: 'cccd',
      idNumber: '001090012345',
      phone: '0912 345 678',
      email: 'an@example.vn',
      address: 'Số 1 phố Huế, phường Hai Bà Trưng, Hà Nội',
      ...applicant,
    },
    documents: [
      { nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', nameEn: 'Declaration', originals: 1, certifiedCopies: 0, photocopies: 0, received: true },
      { nameVi: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', originals: 1, certifiedCopies: 1, photocopies: 2, received: false },
    ],
    sets: 1,
    feeCollected: 15000,
    resultDelivery: 'counter',
    notes: '',
    ...over,
  };
}

async function clerkAt(counterId: number, who: readonly [string, string] = DEMO.clerk1) {
  const token = await hub.login(who[0], who[1]);
  expect((await hub.api('POST', `/counters/${counterId}/open`, { token })).status).toBe(200);
  return token;
}
const register = (token: string, body: unknown) => hub.api('POST', '/dossiers', { token, body });
const act = (token: string, code: string, action: string, body: unknown = {}) => hub.api('POST', `/dossiers/${code}/${action}`, { token, body });

/** Every dossier table, whole: what a rejected request must leave exactly as it was. */
function snapshot() {
  return {
    dossiers: hub.query('SELECT * FROM dossiers ORDER BY id'),
    documents: hub.query('SELECT * FROM dossier_documents ORDER BY dossier_id, position'),
    events: hub.query('SELECT * FROM dossier_events ORDER BY id'),
    pauses: hub.query('SELECT * FROM dossier_pauses ORDER BY id'),
    sequences: hub.query('SELECT * FROM dossier_sequences ORDER BY office_day'),
  };
}

describe('registering', () => {
  it('registers from the ticket being served, and directly', async () => {
    const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 09:00
    hub = await startTestHub({ clock: clock.now });
    const kiosk = await hub.pairDevice('kiosk');
    await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
    const clerk = await clerkAt(2);
    const called = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    const ticketId = called.body.current.id as number;

    // Called but not yet being served: not yet.
    const early = await register(clerk, dossierBody({ ticketId }));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TICKET_STATE');
    await hub.api('POST', `/tickets/${ticketId}/start`, { token: clerk });

    const r = await register(clerk, dossierBody({ ticketId }));
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.code).toBe('000.00.15.H24-261123-0001');
    expect(d.status).toBe(2);
    expect(d.statusKey).toBe('accepted');
    expect(d.secret).toMatch(new RegExp(`^[${SECRET_ALPHABET}]{${SECRET_LENGTH}}$`));
    expect(d.ticketNumber).toBe(called.body.current.number);
    expect(d.counterId).toBe(2);
    expect(d.clerk).toEqual({ id: expect.any(Number), fullName: expect.any(String) });
    expect(d.procedure).toEqual({ code: THREE_DAYS, nameVi: 'Đăng ký nhận cha, mẹ, con', nameEn: expect.any(String), processingValue: 3, processingUnit: 'working_days', level: 'commune', version: 1 });
    expect(d.applicant).toEqual({
      fullName: 'Nguyễn Văn An',
      idType: 'cccd',
      idNumber: '001090012345',
      phone: '0912345678',
      email: 'an@example.vn',
      address: 'Số 1 phố Huế, phường Hai Bà Trưng, Hà Nội',
    });
    expect(d.owner).toBeNull();
    expect(d.documents).toHaveLength(2);
    expect(d.documents[1]).toEqual({ nameVi: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', nameEn: null, originals: 1, certifiedCopies: 1, photocopies: 2, received: false });
    expect(d.feeCollected).toBe(15000);
    expect(d.registerBook).toEqual({ book: 2026, number: 1 });
    expect(d.acceptedAt).toBe(clock.now());
    // Monday 09:00 + 24 working hours = Thursday 09:00.
    expect(d.dueAt).toBe(vn('2026-11-26T09:00:00'));
    expect(d.paused).toBe(false);
    expect(d.remainingWorkingHours).toBe(24);
    expect(d.stage).toBeNull();
    expect(d.department).toBeNull();
    expect(d.events).toEqual([{ at: clock.now(), actor: { kind: 'clerk', clerkId: d.clerk.id, name: d.clerk.fullName }, fromStatus: null, toStatus: 2, stage: null, note: null }]);

    // Directly (no ticket), by a clerk who has not opened a counter; with an owner and the result by post.
    const other = await hub.login(DEMO.clerk2[0], DEMO.clerk2[1]);
    const direct = await register(
      other,
      dossierBody({
        owner: { fullName: 'Trần Thị Bình', idType: 'passport', idNumber: 'c1234567' },
        resultDelivery: 'post',
        postalAddress: '12 Lý Thường Kiệt, Hà Nội',
      }),
    );
    expect(direct.status).toBe(200);
    expect(direct.body.code).toBe('000.00.15.H24-261123-0002');
    expect(direct.body.ticketNumber).toBeNull();
    expect(direct.body.counterId).toBeNull();
    expect(direct.body.owner).toEqual({ fullName: 'Trần Thị Bình', idType: 'passport', idNumber: 'C1234567' });
    expect(direct.body.postalAddress).toBe('12 Lý Thường Kiệt, Hà Nội');
    expect(direct.body.registerBook).toEqual({ book: 2026, number: 2 });

    const got = await hub.api('GET', '/dossiers/000.00.15.h24-261123-0001', { token: clerk });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(d);
    expect((await hub.api('GET', '/dossiers/000.00.15.H24-261123-0099', { token: clerk })).body.error.code).toBe('UNKNOWN_DOSSIER');
    // Staff only.
    expect((await hub.api('POST', '/dossiers', { token: kiosk, body: dossierBody() })).status).toBe(403);
    expect((await hub.api('GET', '/dossiers', { token: kiosk })).status).toBe(403);
  });

  it('numbers codes per office day, restarting the next day, while the register book runs on', async () => {
    const clock = fakeClock('2026-11-23T09:00:00Z'); // Monday 16:00
    hub = await startTestHub({ clock: clock.now });
    let clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await register(clerk, dossierBody())).body.code);
    expect(codes).toEqual(['000.00.15.H24-261123-0001', '000.00.15.H24-261123-0002', '000.00.15.H24-261123-0003']);
    clock.set('2026-11-24T01:00:00Z'); // Tuesday 08:00
    clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const next = await register(clerk, dossierBody());
    expect(next.body.code).toBe('000.00.15.H24-261124-0001');
    expect(next.body.registerBook).toEqual({ book: 2026, number: 4 });
    expect(hub.query('SELECT office_day, last_seq FROM dossier_sequences ORDER BY office_day')).toEqual([
      { office_day: '2026-11-23', last_seq: 3 },
      { office_day: '2026-11-24', last_seq: 1 },
    ]);
  });

  it('gives 30 concurrent registrations 30 different codes and secrets', async () => {
    hub = await startTestHub();
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const results = await Promise.all(Array.from({ length: 30 }, () => register(clerk, dossierBody())));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    const codes = results.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(30);
    expect(new Set(results.map((r) => r.body.secret as string)).size).toBe(30);
    expect(codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.registerBook.number as number)).size).toBe(30);
    expect(hub.query('SELECT count(*) AS n FROM dossier_events')[0].n).toBe(30);
  });

  it('finds dossiers by code or by the folded applicant name, newest first', async () => {
    hub = await startTestHub({ clock: fakeClock('2026-11-23T02:00:00Z').now });
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    await register(clerk, dossierBody());
    await register(clerk, dossierBody({}, { fullName: 'Đặng Thị Hồng' }));
    await register(clerk, dossierBody({}, { fullName: 'Lê 100% Vui' }));
    const list = async (q: string) => (await hub.api('GET', `/dossiers?q=${encodeURIComponent(q)}`, { token: clerk })).body.items.map((i: { applicantName: string }) => i.applicantName);
    expect(await list('')).toEqual(['Lê 100% Vui', 'Đặng Thị Hồng', 'Nguyễn Văn An']);
    expect(await list('dang thi')).toEqual(['Đặng Thị Hồng']);
    expect(await list('NGUYEN VĂN')).toEqual(['Nguyễn Văn An']);
    expect(await list('261123-0002')).toEqual(['Đặng Thị Hồng']);
    expect(await list('%')).toEqual(['Lê 100% Vui']);
    expect(await list('_')).toEqual([]);
    const item = (await hub.api('GET', '/dossiers?limit=1', { token: clerk })).body.items[0];
    expect(item).toMatchObject({ code: '000.00.15.H24-261123-0003', status: 2, statusKey: 'accepted', dueStatus: 'on_time', paused: false });
    expect(item.secret).toBeUndefined();
  });
});

describe('due time', () => {
  async function dueFor(receivedLocal: string) {
    const clock = fakeClock(new Date(vn(receivedLocal)).toISOString());
    hub = await startTestHub({ clock: clock.now });
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const r = await register(clerk, dossierBody());
    expect(r.status).toBe(200);
    expect(hub.query('SELECT due_at FROM dossiers WHERE code = ?', r.body.code)[0].due_at).toBe(r.body.dueAt);
    return r.body.dueAt as number;
  }

  it('3 working days received Friday 16:00 are due Wednesday 16:00', async () => {
    expect(await dueFor('2026-11-20T16:00:00')).toBe(vn('2026-11-25T16:00:00'));
  });

  it('received at lunch counts from the afternoon opening', async () => {
    // Monday 13:30 → 3.5 h Monday, 8 Tuesday, 8 Wednesday, 4.5 Thursday morning.
    expect(await dueFor('2026-11-23T12:00:00')).toBe(vn('2026-11-26T11:30:00'));
  });

  it('received after closing counts from the next opening', async () => {
    // Friday 18:30 → Monday 07:00; 24 working hours end exactly at Wednesday's closing, which stays 17:00.
    expect(await dueFor('2026-11-20T18:30:00')).toBe(vn('2026-11-25T17:00:00'));
  });

  it('a supplement pause over a weekend moves the due by the working time paused', async () => {
    const clock = fakeClock(new Date(vn('2026-11-19T10:00:00')).toISOString()); // Thursday 10:00
    hub = await startTestHub({ clock: clock.now });
    let clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const d = (await register(clerk, dossierBody())).body;
    expect(d.dueAt).toBe(vn('2026-11-24T10:00:00'));

    clock.set(new Date(vn('2026-11-20T16:00:00')).toISOString()); // Friday 16:00: 12 working hours used
    clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const paused = await act(clerk, d.code, 'supplement-request', { items: ['Bản sao giấy khai sinh của con', 'Ảnh 4×6'], reason: 'Thiếu giấy tờ chứng minh quan hệ' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 5, statusKey: 'supplement_requested', paused: true, dueAt: null, dueStatus: null, remainingWorkingHours: 12 });
    expect(paused.body.supplement).toEqual({ requestedAt: clock.now(), items: ['Bản sao giấy khai sinh của con', 'Ảnh 4×6'], reason: 'Thiếu giấy tờ chứng minh quan hệ' });

    // Over the weekend nothing runs, and nothing is overdue however long the wait.
    clock.set(new Date(vn('2026-11-22T10:00:00')).toISOString());
    clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body).toMatchObject({ paused: true, remainingWorkingHours: 12, dueAt: null });

    clock.set(new Date(vn('2026-11-23T09:00:00')).toISOString()); // Monday 09:00: 3 working hours paused (Fri 16–17, Mon 7–9)
    clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const resumed = await act(clerk, d.code, 'supplement-received', { note: 'Đã nhận đủ' });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 2, statusKey: 'accepted', paused: false, supplement: null, remainingWorkingHours: 12 });
    expect(resumed.body.dueAt).toBe(vn('2026-11-24T15:00:00'));
    // The stored due stays the one computed at acceptance (for sorting); the answer recomputes.
    expect(hub.query('SELECT due_at FROM dossiers WHERE code = ?', d.code)[0].due_at).toBe(vn('2026-11-24T10:00:00'));
    expect(hub.query('SELECT from_at, to_at FROM dossier_pauses')).toEqual([{ from_at: vn('2026-11-20T16:00:00'), to_at: vn('2026-11-23T09:00:00') }]);
  });

  it('on time, nearly due and overdue follow the clock; nothing is stored', async () => {
    const clock = fakeClock(new Date(vn('2026-11-23T08:00:00')).toISOString()); // Monday 08:00 → due Thursday 08:00
    hub = await startTestHub({ clock: clock.now });
    const look = async (local: string) => {
      clock.set(new Date(vn(local)).toISOString());
      const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
      const one = (await hub.api('GET', `/dossiers/${code}`, { token })).body;
      const listed = (await hub.api('GET', '/dossiers', { token })).body.items[0];
      expect(listed.dueStatus).toBe(one.dueStatus);
      return [one.dueStatus, one.remainingWorkingHours];
    };
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const code = (await register(clerk, dossierBody())).body.code as string;
    const before = snapshot().dossiers;
    expect(await look('2026-11-23T08:00:00')).toEqual(['on_time', 24]);
    expect(await look('2026-11-24T16:00:00')).toEqual(['on_time', 10]);
    // Nearly due from 4 working hours left (the default threshold), not a whole day ahead.
    expect(await look('2026-11-25T08:00:00')).toEqual(['on_time', 8]);
    expect(await look('2026-11-25T13:30:00')).toEqual(['on_time', 4.5]);
    expect(await look('2026-11-25T14:00:00')).toEqual(['nearly_due', 4]);
    expect(await look('2026-11-26T07:30:00')).toEqual(['nearly_due', 0.5]);
    expect(await look('2026-11-26T09:00:00')).toEqual(['overdue', -1]);
    expect(snapshot().dossiers).toEqual(before);
  });
});

describe('the life of a dossier', () => {
  it('keeps the whole timeline: supplement, result ready, hand-back', async () => {
    const clock = fakeClock(new Date(vn('2026-11-23T08:00:00')).toISOString());
    hub = await startTestHub({ clock: clock.now });
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const d = (await register(clerk, dossierBody())).body;
    const step = async (action: string, body: unknown) => {
      clock.advance(30 * 60_000);
      const r = await act(clerk, d.code, action, body);
      expect(r.status).toBe(200);
      return r.body;
    };
    await step('supplement-request', { items: ['Ảnh 4×6'], reason: 'Thiếu ảnh' });
    await step('supplement-received', {});
    const ready = await step('result-ready', { note: 'Kết quả đã ký' });
    expect(ready).toMatchObject({ status: 9, statusKey: 'result_ready', dueStatus: 'on_time', remainingWorkingHours: null });
    const done = await step('hand-back', { scanned: receiptQrPayload(d.code, d.secret) });
    expect(done.status).toBe(10);
    expect(done.statusKey).toBe('handed_over');
    const t0 = d.acceptedAt as number;
    expect(done.events.map((e: { at: number; fromStatus: number | null; toStatus: number; note: string | null }) => [e.at - t0, e.fromStatus, e.toStatus, e.note])).toEqual([
      [0, null, 2, null],
      [1_800_000, 2, 5, 'Thiếu ảnh'],
      [3_600_000, 5, 2, null],
      [5_400_000, 2, 9, 'Kết quả đã ký'],
      [7_200_000, 9, 10, null],
    ]);
    expect(done.events.every((e: { actor: { kind: string; clerkId: number } }) => e.actor.kind === 'clerk' && e.actor.clerkId === d.clerk.id)).toBe(true);
    // Finished: nothing more can happen, and the message names the status.
    const again = await act(clerk, d.code, 'result-ready', {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_DOSSIER_STATE');
    expect(again.body.error.message).toContain('already handed over (status 10)');
  });

  it('refuses only where the national list allows it, with the reason on the timeline', async () => {
    hub = await startTestHub();
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    // Refusing an accepted dossier: it turns out ineligible (the refusal-to-resolve slip).
    const ineligible = (await register(clerk, dossierBody())).body;
    const early = await act(clerk, ineligible.code, 'refuse', { reason: 'Không đủ điều kiện' });
    expect(early.status).toBe(200);
    expect(early.body.events.at(-1)).toMatchObject({ fromStatus: 2, toStatus: 3, note: 'Không đủ điều kiện' });
    const ready = (await register(clerk, dossierBody())).body;
    await act(clerk, ready.code, 'result-ready', {});
    const late = await act(clerk, ready.code, 'refuse', { reason: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'INVALID_DOSSIER_STATE', details: { status: 9, statusKey: 'result_ready' } });

    const d = (await register(clerk, dossierBody())).body;
    const before = snapshot();
    expect((await act(clerk, d.code, 'supplement-received', {})).body.error.code).toBe('INVALID_DOSSIER_STATE');
    expect((await act(clerk, d.code, 'hand-back', { scanned: d.code })).body.error.code).toBe('INVALID_DOSSIER_STATE');
    expect(snapshot()).toEqual(before);

    await act(clerk, d.code, 'supplement-request', { items: ['Giấy xác nhận'], reason: 'Thiếu' });
    const refused = await act(clerk, d.code, 'refuse', { reason: 'Quá hạn bổ sung' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 3, statusKey: 'refused', dueStatus: null, paused: false, supplement: null });
    expect(refused.body.events.at(-1)).toMatchObject({ fromStatus: 5, toStatus: 3, note: 'Quá hạn bổ sung' });
    // The pause ended with the refusal.
    expect(hub.query('SELECT count(*) AS n FROM dossier_pauses WHERE to_at IS NULL')[0].n).toBe(0);
    expect((await act(clerk, d.code, 'refuse', { reason: 'x' })).status).toBe(409);
    expect((await act(clerk, d.code, 'refuse', { reason: '   ' })).status).toBe(400);
    expect((await act(clerk, 'NOT-A-CODE', 'refuse', { reason: 'x' })).body.error.code).toBe('UNKNOWN_DOSSIER');
  });

  it('hands back only on a scan of this dossier’s receipt', async () => {
    hub = await startTestHub();
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const a = (await register(clerk, dossierBody())).body;
    const b = (await register(clerk, dossierBody())).body;
    await act(clerk, a.code, 'result-ready', {});
    await act(clerk, b.code, 'result-ready', {});
    const before = snapshot();

    const other = await act(clerk, a.code, 'hand-back', { scanned: receiptQrPayload(b.code, b.secret) });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('SCAN_MISMATCH');
    expect(other.body.error.message).toContain(b.code);
    const wrongSecret = a.secret === '000000' ? '111111' : '000000';
    expect((await act(clerk, a.code, 'hand-back', { scanned: receiptQrPayload(a.code, wrongSecret) })).body.error.code).toBe('SCAN_MISMATCH');
    for (const garbage of ['hello', '', 'MCK1:abc:def', "'; DROP TABLE dossiers;--", 'x'.repeat(200)]) {
      const r = await act(clerk, a.code, 'hand-back', { scanned: garbage });
      expect(r.status, garbage).toBe(400);
      expect(r.body.error.code).toBe('SCAN_MISMATCH');
    }
    expect((await act(clerk, a.code, 'hand-back', { scanned: 'x'.repeat(201) })).body.error.code).toBe('VALIDATION_FAILED');
    expect(snapshot()).toEqual(before);

    // The Code 128 holds the code alone (typed or scanned in lower case too); the QR holds code and secret.
    const byBarcode = await act(clerk, a.code, 'hand-back', { scanned: ` ${a.code.toLowerCase()}\n` });
    expect(byBarcode.status).toBe(200);
    expect(byBarcode.body.status).toBe(10);
    const byQr = await act(clerk, b.code, 'hand-back', { scanned: receiptQrPayload(b.code, b.secret) });
    expect(byQr.body.status).toBe(10);
  });
});

describe('bad input', () => {
  async function expectRejected(token: string, body: unknown, status: number, code: string) {
    const before = snapshot();
    const r = await register(token, body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message.length).toBeGreaterThan(10);
    expect(snapshot()).toEqual(before);
    return r.body.error;
  }

  it('rejects each kind of bad input with a clear 4xx and writes nothing', async () => {
    hub = await startTestHub({ clock: fakeClock('2026-11-23T02:00:00Z').now });
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    expect((await register(clerk, dossierBody())).status).toBe(200); // a sequence row exists: it must not move either

    const cccd = async (idNumber: string, reason: string, words: string) => {
      const e = await expectRejected(clerk, dossierBody({}, { idNumber }), 400, 'INVALID_ID_NUMBER');
      expect(e.details).toEqual([{ path: 'applicant.idNumber', message: expect.any(String), rule: `id_${reason}` }]);
      expect(e.message).toContain(words);
    };
    await cccd('00109001234', 'format', '12 digits');
    await cccd('999090012345', 'province', 'province code');
    await cccd('001590012345', 'century', '4th digit');
    await cccd('001299012345', 'birth_year', 'future');
    await expectRejected(clerk, dossierBody({}, { idType: 'passport', idNumber: 'AB12' }), 400, 'INVALID_ID_NUMBER');
    const owner = await expectRejected(clerk, dossierBody({ owner: { fullName: 'Trần Bình', idType: 'cccd', idNumber: '999090012345' } }), 400, 'INVALID_ID_NUMBER');
    expect(owner.details[0].path).toBe('owner.idNumber');

    const unknown = await expectRejected(clerk, dossierBody({ procedureCode: '9.999999' }), 404, 'UNKNOWN_PROCEDURE');
    expect(unknown.message).toContain('9.999999');

    const noName = dossierBody();
    delete (noName.applicant as Record<string, unknown>).fullName;
    expect((await expectRejected(clerk, noName, 400, 'VALIDATION_FAILED')).details[0].path).toBe('applicant.fullName');
    await expectRejected(clerk, dossierBody({}, { fullName: '   ' }), 400, 'VALIDATION_FAILED');

    const long = 'Nguyễn'.repeat(2000).slice(0, 10_000);
    expect((await expectRejected(clerk, dossierBody({}, { fullName: long }), 400, 'VALIDATION_FAILED')).details[0]).toMatchObject({ path: 'applicant.fullName', rule: 'too_big', limit: 120 });
    await expectRejected(clerk, dossierBody({}, { address: long }), 400, 'VALIDATION_FAILED');
    expect((await expectRejected(clerk, dossierBody({ notes: long }), 400, 'VALIDATION_FAILED')).details[0]).toMatchObject({ path: 'notes', limit: 2000 });
    await expectRejected(clerk, dossierBody({ documents: [{ nameVi: long, originals: 1, certifiedCopies: 0, photocopies: 0, received: true }] }), 400, 'VALIDATION_FAILED');

    await expectRejected(clerk, dossierBody({}, { fullName: 'Nguyễn\u0007Văn An' }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({}, { fullName: 'Nguyễn\nVăn An' }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({ notes: 'ghi chú\u0000' }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({}, { phone: '12345' }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({}, { email: 'not-an-email' }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({ sets: 0 }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({ feeCollected: -1 }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({ feeCollected: 1.5 }), 400, 'VALIDATION_FAILED');
    await expectRejected(clerk, dossierBody({ documents: [{ nameVi: 'Tờ khai', originals: 21, certifiedCopies: 0, photocopies: 0, received: true }] }), 400, 'VALIDATION_FAILED');
    expect((await expectRejected(clerk, dossierBody({ resultDelivery: 'post' }), 400, 'VALIDATION_FAILED')).details[0].path).toBe('postalAddress');
    await expectRejected(clerk, dossierBody({ ticketId: 999 }), 409, 'COUNTER_NOT_OPEN');
  });

  it('refuses a ticket that is not at the clerk’s counter', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
    const clerk1 = await clerkAt(2);
    const called = await hub.api('POST', '/counters/2/call-next', { token: clerk1 });
    const ticketId = called.body.current.id as number;
    await hub.api('POST', `/tickets/${ticketId}/start`, { token: clerk1 });
    const clerk2 = await clerkAt(5, DEMO.clerk2);
    const e = await expectRejected(clerk2, dossierBody({ ticketId }), 409, 'NOT_YOUR_TICKET');
    expect(e.message).toContain(called.body.current.number);
    await expectRejected(clerk2, dossierBody({ ticketId: ticketId + 1000 }), 404, 'UNKNOWN_TICKET');
    expect(snapshot().dossiers).toEqual([]);
  });

  it('stores NFD names as NFC and SQL-looking text literally', async () => {
    hub = await startTestHub();
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const nfd = 'Nguyễn Thị Ánh Đào'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const sql = "Robert'); DROP TABLE dossiers;--";
    const r = await register(clerk, dossierBody({ notes: `${"1' OR '1'='1"}\nline two` }, { fullName: nfd, address: sql }));
    expect(r.status).toBe(200);
    expect(r.body.applicant.fullName).toBe('Nguyễn Thị Ánh Đào'.normalize('NFC'));
    const row = hub.query('SELECT applicant_name, applicant_address, notes FROM dossiers')[0];
    expect(row.applicant_name).toBe('Nguyễn Thị Ánh Đào'.normalize('NFC'));
    expect(row.applicant_address).toBe(sql);
    expect(row.notes).toBe("1' OR '1'='1\nline two");
    const sqlName = await register(clerk, dossierBody({}, { fullName: sql }));
    expect(sqlName.body.applicant.fullName).toBe(sql);
    expect(hub.query('SELECT count(*) AS n FROM dossiers')[0].n).toBe(2);
    // Search with the same text finds it and breaks nothing.
    const found = await hub.api('GET', `/dossiers?q=${encodeURIComponent("'); DROP")}`, { token: clerk });
    expect(found.body.items.map((i: { applicantName: string }) => i.applicantName)).toEqual([sql]);
    const byNfd = await hub.api('GET', `/dossiers?q=${encodeURIComponent('Ánh Đào'.normalize('NFD'))}`, { token: clerk });
    expect(byNfd.body.items).toHaveLength(1);
  });
});

describe('the receipt', () => {
  it('prints the registered dossier: code, applicant, due time, book, and both barcodes decode back', async () => {
    const clock = fakeClock(new Date(vn('2026-11-20T16:00:00')).toISOString());
    hub = await startTestHub({ clock: clock.now });
    const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const d = (await register(clerk, dossierBody())).body;
    const res = await fetch(`${hub.url}/api/v1/dossiers/${d.code}/receipt.pdf`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-receipt-'));
    const file = path.join(dir, 'receipt.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(d.code);
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Đăng ký nhận cha, mẹ, con');
    expect(text).toContain('16 giờ 00 phút, ngày 25/11/2026');
    expect(text).toMatch(/Quyển số: 2026, Số thứ tự: 1\b/);
    // Only the documents ticked as received are listed.
    expect(text).toContain('Tờ khai đăng ký nhận cha, mẹ, con');
    expect(text).not.toContain('Chứng cứ chứng minh quan hệ cha, mẹ, con');
    execFileSync('pdftoppm', ['-r', '200', '-png', file, path.join(dir, 'p')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const symbols = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
    expect(new Set(symbols)).toEqual(new Set([d.code, receiptQrPayload(d.code, d.secret)]));
    fs.rmSync(dir, { recursive: true, force: true });

    expect((await fetch(`${hub.url}/api/v1/dossiers/${d.code}/receipt.pdf?paper=A5`, { headers: { authorization: `Bearer ${clerk}` } })).status).toBe(200);
    expect((await hub.api('GET', '/dossiers/000.00.15.H24-261120-0099/receipt.pdf', { token: clerk })).body.error.code).toBe('UNKNOWN_DOSSIER');
  });
});
