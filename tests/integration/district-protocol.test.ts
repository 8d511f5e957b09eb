import { createHash, randomBytes, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDistrict, AGENCY, BACKENDS, type TestDistrict } from '../helpers/district';
import { createSyncClient, newKeyPair, SyncHttpError } from '../../src/main/sync/client';
import { signingString, SYNC_PREFIX } from '../../src/shared/api/sync';

let district: TestDistrict;

async function enrolled() {
  const keys = newKeyPair();
  const res = await fetch(`${district.url}${SYNC_PREFIX}/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-motcua-protocol': '1', 'x-motcua-schema': '1' },
    body: JSON.stringify({ code: await district.enrolmentCode(), publicKey: keys.publicKey, hubName: 'Test hub' }),
  });
  expect(res.status).toBe(200);
  const e = (await res.json()) as { hubId: string; epoch: number };
  const client = createSyncClient({ baseUrl: district.url, identity: () => ({ hubId: e.hubId, privateKey: keys.privateKey }), now: Date.now, clockOffset: () => 0, onServerTime: () => {} });
  return { ...e, keys, client };
}
const ticket = (n: number) => ({ id: randomUUID(), officeDay: '2026-12-01', number: `A${String(n).padStart(3, '0')}`, serviceCode: 'A', priority: null, source: 'kiosk', issuedAt: Date.now() });
const expectError = async (p: Promise<unknown>, status: number, code: string) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncHttpError);
  expect({ status: (err as SyncHttpError).status, code: (err as SyncHttpError).code }).toEqual({ status, code });
  return err as SyncHttpError;
};
const count = async (sql: string, ...p: unknown[]) => Number((await district.db.query<{ n: number }>(sql, p)).rows[0]!.n);

describe.each(BACKENDS)('district on %s', (backend) => {
  beforeAll(async () => {
    district = await startTestDistrict({ backend });
  }, 60_000);
  afterAll(async () => district?.close());

  describe('district server: enrolment and signatures', () => {
    it('a one-time code works once; garbage is a clear 4xx', async () => {
      const code = await district.enrolmentCode();
      const keys = newKeyPair();
      const post = (body: unknown, headers: Record<string, string> = { 'x-motcua-protocol': '1', 'x-motcua-schema': '1' }) =>
        fetch(`${district.url}${SYNC_PREFIX}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      expect((await post({ code, publicKey: keys.publicKey, hubName: 'A' })).status).toBe(200);
      const again = await post({ code, publicKey: keys.publicKey, hubName: 'A' });
      expect(again.status).toBe(403);
      expect(((await again.json()) as any).error.code).toBe('INVALID_ENROLMENT_CODE');
      expect((await post({ code: 'ABCDEFGH', publicKey: 'not a key at all, but long enough to pass the length check', hubName: 'A' })).status).toBe(400);
      expect((await post('{not json')).status).toBe(400);
      expect((await post({ code: 1 })).status).toBe(400);
      const old = await post({ code, publicKey: keys.publicKey, hubName: 'A' }, { 'x-motcua-protocol': '0', 'x-motcua-schema': '1' });
      expect(old.status).toBe(426);
      expect(((await old.json()) as any).error.message).toMatch(/Update the hub/);
    });

    it('refuses an unsigned, badly signed, replayed, out-of-window or impersonating request', async () => {
      const h = await enrolled();
      await expect(h.client.signed('GET', '/hello')).resolves.toMatchObject({ hubId: h.hubId, epoch: 1, lastSeq: 0 });
      const plain = await fetch(`${district.url}${SYNC_PREFIX}/hello`, { headers: { 'x-motcua-protocol': '1', 'x-motcua-schema': '1' } });
      expect(plain.status).toBe(401);

      // The same signed request sent twice: the second is a replay.
      const ts = String(Date.now());
      const nonce = randomBytes(16).toString('base64url');
      const path = `${SYNC_PREFIX}/hello`;
      const sig = sign(null, Buffer.from(signingString({ method: 'GET', path, timestamp: ts, nonce, bodySha256: createHash('sha256').update('').digest('hex') })), h.keys.privateKey).toString('base64');
      const headers = { 'x-motcua-protocol': '1', 'x-motcua-schema': '1', 'x-motcua-hub': h.hubId, 'x-motcua-timestamp': ts, 'x-motcua-nonce': nonce, 'x-motcua-signature': sig };
      expect((await fetch(district.url + path, { headers })).status).toBe(200);
      const replay = await fetch(district.url + path, { headers });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as any).error.code).toBe('REPLAYED');
      // Signed for another path: the signature does not verify.
      const moved = await fetch(`${district.url}${SYNC_PREFIX}/digest`, { headers: { ...headers, 'x-motcua-nonce': 'other' } });
      expect(((await moved.json()) as any).error.code).toBe('BAD_SIGNATURE');

      // Another hub's key.
      const other = newKeyPair();
      const forged = createSyncClient({ baseUrl: district.url, identity: () => ({ hubId: h.hubId, privateKey: other.privateKey }), now: Date.now, clockOffset: () => 0, onServerTime: () => {} });
      await expectError(forged.signed('GET', '/hello'), 401, 'BAD_SIGNATURE');

      // A clock 2 hours off without correction: CLOCK_SKEW, and the answer carries the server time.
      let learnt = 0;
      const skewed = createSyncClient({ baseUrl: district.url, identity: () => ({ hubId: h.hubId, privateKey: h.keys.privateKey }), now: () => Date.now() + 7_200_000, clockOffset: () => learnt, onServerTime: (o) => (learnt = o) });
      await expect(skewed.signed('GET', '/hello')).resolves.toMatchObject({ hubId: h.hubId });
      expect(Math.abs(learnt + 7_200_000)).toBeLessThan(5000);

      // The hub named in the body must be the one that signed.
      const b = await enrolled();
      await expectError(h.client.signed('POST', '/push', { hubId: b.hubId, epoch: 1, mutations: [{ seq: 1, id: randomUUID(), kind: 'ticket.issued', payload: ticket(1) }] }), 403, 'HUB_MISMATCH');
      expect(await count('SELECT count(*)::int AS n FROM mutations WHERE hub_id = $1', b.hubId)).toBe(0);
    });
  });

  describe('district server: push', () => {
    it('applies in seq order; a duplicate gets its stored result; a gap stops the batch and names the expected seq', async () => {
      const h = await enrolled();
      const m1 = { seq: 1, id: randomUUID(), kind: 'ticket.issued', payload: ticket(1) };
      const m2 = { seq: 2, id: randomUUID(), kind: 'ticket.issued', payload: ticket(2) };
      const first = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [m1] });
      expect(first).toMatchObject({ results: [{ seq: 1, status: 'applied', duplicate: false }], expectedSeq: null, lastSeq: 1 });
      const again = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [m1, m2] });
      expect(again.results.map((r: any) => [r.seq, r.duplicate])).toEqual([
        [1, true],
        [2, false],
      ]);
      const m4 = { seq: 4, id: randomUUID(), kind: 'ticket.issued', payload: ticket(4) };
      const gap = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [m4] });
      expect(gap).toMatchObject({ results: [], expectedSeq: 3 });
      expect(await count('SELECT count(*)::int AS n FROM tickets WHERE id = $1', m4.payload.id)).toBe(0);
      // The same seq with another content: this hub's history diverged (a restored backup).
      const err = await expectError(h.client.signed('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [{ ...m2, id: randomUUID() }] }), 409, 'DIVERGED');
      expect(err.message).toMatch(/Re-enrol/);
    });

    it('a mutation that can never succeed is rejected and recorded; the next one applies', async () => {
      const h = await enrolled();
      const batch = [
        { seq: 1, id: randomUUID(), kind: 'ticket.issued', payload: { ...ticket(1), number: 42 } },
        { seq: 2, id: randomUUID(), kind: 'no.such.kind', payload: {} },
        { seq: 3, id: randomUUID(), kind: 'dossier.transition', payload: { code: `${AGENCY}-261201-9999`, to: 'handed_over', at: 1, note: null, items: null } },
        { seq: 4, id: randomUUID(), kind: 'dossier.received', payload: { code: 'OTHER.AGENCY-261201-0001', procedureCode: 'x', procedureNameVi: 'x', applicantName: 'x', applicantIdType: 'cccd', applicantIdNumber: '1', applicantPhone: '1', applicantAddress: 'x', sets: 1, feeCollected: 0, resultDelivery: 'counter', acceptedAt: 1, dueAt: 2, ticketId: null, clerkName: null, documents: [] } },
        { seq: 5, id: randomUUID(), kind: 'ticket.issued', payload: ticket(5) },
      ];
      const r = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: batch });
      expect(r.results.map((x: any) => x.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
      expect(r.results[1].reason).toMatch(/does not know/);
      expect(r.results[2].reason).toMatch(/no dossier/);
      expect(r.results[3].reason).toMatch(/not a code of this office/);
      expect(await count("SELECT count(*)::int AS n FROM mutations WHERE hub_id = $1 AND status = 'rejected'", h.hubId)).toBe(4);
      // Retried: the same rejections, not re-evaluated.
      const again = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: batch });
      expect(again.results.every((x: any) => x.duplicate)).toBe(true);
    });

    it('a rating is stored', async () => {
      const h = await enrolled();
      const rating = { id: randomUUID(), ticketId: randomUUID(), dossierCode: null, clerkId: 3, counterId: 1, level: 'very_satisfied', criteria: { attitude: 2, speed: 1 }, createdAt: Date.now() };
      const r = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [{ seq: 1, id: randomUUID(), kind: 'rating.record', payload: rating }] });
      expect(r.results[0].status).toBe('applied');
      const { rows } = await district.db.query<{ data: any }>('SELECT data FROM ratings WHERE id = $1', [rating.id]);
      expect(rows[0]!.data).toMatchObject({ level: 'very_satisfied', criteria: { attitude: 2, speed: 1 } });
    });

    it('a transient database failure answers 503 and changes nothing', async () => {
      const h = await enrolled();
      const m = { seq: 1, id: randomUUID(), kind: 'ticket.issued', payload: ticket(1) };
      const original = district.db.transaction.bind(district.db);
      const { TransientDbError } = await import('../../src/district/db');
      (district.db as any).transaction = async () => {
        throw new TransientDbError(new Error('terminating connection due to administrator command'));
      };
      try {
        await expectError(h.client.signed('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [m] }), 503, 'UNAVAILABLE');
      } finally {
        (district.db as any).transaction = original;
      }
      expect(await count('SELECT count(*)::int AS n FROM mutations WHERE hub_id = $1', h.hubId)).toBe(0);
      const ok = await h.client.signed<any>('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [m] });
      expect(ok.results[0]).toMatchObject({ status: 'applied', duplicate: false });
    });
  });

  describe('district server: back office', () => {
    it('needs its token and refuses bad input with a clear error, changing nothing', async () => {
      const noToken = await fetch(`${district.url}/back-office/procedures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(noToken.status).toBe(401);
      expect((await district.backOffice('POST', '/back-office/procedures', { code: 'x' })).status).toBe(400);
      expect((await district.backOffice('POST', '/back-office/dossiers/NOPE/result-ready', {})).status).toBe(404);
      expect((await district.backOffice('POST', '/back-office/calendar-days', { date: 'tomorrow' })).status).toBe(400);
    });
  });

  describe('district CLI (the departments in a demo)', () => {
    it('moves a dossier, asks for a supplement, marks it ready, extends it, publishes a holiday; the real command prints JSON', async () => {
      const { run } = await import('../../src/district/cli');
      process.env.DISTRICT_URL = district.url;
      process.env.DISTRICT_BACKOFFICE_TOKEN = 'test-back-office';
      const h = await enrolled();
      const code = `${AGENCY}-261202-0007`;
      const received = { code, procedureCode: '1.001022', procedureNameVi: 'Đăng ký nhận cha, mẹ, con', applicantName: 'Lê Thị Hoa', applicantIdType: 'cccd', applicantIdNumber: '001190012345', applicantPhone: '0912345678', applicantAddress: 'Hà Nội', sets: 1, feeCollected: 0, resultDelivery: 'counter', acceptedAt: Date.now(), dueAt: Date.now() + 86_400_000, ticketId: null, clerkName: 'Cán bộ', documents: [] };
      await h.client.signed('POST', '/push', { hubId: h.hubId, epoch: 1, mutations: [{ seq: 1, id: randomUUID(), kind: 'dossier.received', payload: received }] });
      await run(['move', code.toLowerCase(), '--stage', 'Thẩm định', '--department', 'Phòng Tư pháp']);
      expect(await run(['show', code])).toMatchObject({ status: 4, stage: 'Thẩm định', department: 'Phòng Tư pháp' });
      await run(['supplement', code, 'Thiếu giấy tờ', 'Bản sao giấy khai sinh']);
      expect(await run(['show', code])).toMatchObject({ status: 5, supplement: { items: ['Bản sao giấy khai sinh'] } });
      await run(['move', code, '--status', 'processing']);
      await run(['extend', code, '2027-01-15', 'Cần xác minh thêm']);
      expect(((await run(['show', code])) as any).due_at).toBe(Date.parse('2027-01-15T17:00:00+07:00'));
      await run(['ready', code]);
      expect(await run(['show', code])).toMatchObject({ status: 9 });
      await expect(run(['ready', code])).rejects.toThrow(/cannot move to result_ready/);
      await expect(run(['extend', code, 'someday', 'x'])).rejects.toThrow(/Not a date/);
      await expect(run(['bogus'])).rejects.toThrow(/Commands:/);

      // Asynchronously: the server answering it runs in this very process.
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      const { stdout: out } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/district/cli.ts', 'holiday', '2027-04-30', 'Ngày Giải phóng miền Nam', 'Reunification Day'], { env: process.env });
      expect(JSON.parse(out)).toEqual({ ok: true });
      const { rows } = await district.db.query<{ data: any }>("SELECT data FROM changes WHERE office_id = 'o1' AND collection = 'calendar_day' AND key = '2027-04-30'");
      expect(rows[0]!.data).toMatchObject({ kind: 'holiday', nameVi: 'Ngày Giải phóng miền Nam' });
    });
  });
});
