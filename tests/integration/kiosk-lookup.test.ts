import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import type { DossierFreshener } from '../../src/main/services/dossierFreshness';

/**
 * The kiosk's dossier look-up over real HTTP on a real store: what each way in
 * may show (QR: everything; code alone: status, due, step; with the phone's last
 * 4 digits or the receipt's secret: everything), kind refusals for what is not
 * ours, the throttle per kiosk and in total, the freshener seam, and that no
 * rejection changes the store.
 */
let hub: TestHub;
afterEach(async () => hub?.close());

const THREE_DAYS = '1.001022';
const body = (name = 'Nguyễn Văn An', phone = '0912 345 678') => ({
  procedureCode: THREE_DAYS,
  applicant: { fullName: name, idType: 'cccd', idNumber: '001090012345', phone, email: null, address: 'Số 1 phố Huế, Hà Nội' },
  documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
  sets: 1,
  feeCollected: 0,
  resultDelivery: 'counter',
  notes: '',
});

async function registered(opts: Parameters<typeof startTestHub>[0] = {}) {
  hub = await startTestHub(opts);
  const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
  const r = await hub.api('POST', '/dossiers', { token: clerk, body: body() });
  expect(r.status).toBe(200);
  const kiosk = await hub.pairDevice('kiosk', 'Kiosk sảnh');
  return { clerk, kiosk, code: r.body.code as string, secret: r.body.secret as string };
}
const lookup = (token: string, b: unknown) => hub.api('POST', '/kiosk/dossier-lookup', { token, body: b });
const storeSnapshot = () => ({ dossiers: hub.query('SELECT * FROM dossiers ORDER BY id'), events: hub.query('SELECT * FROM dossier_events ORDER BY id'), settings: hub.query('SELECT * FROM settings ORDER BY key') });

describe('kiosk dossier look-up', () => {
  it('a scanned QR shows everything, the name masked; a code alone only status, due and step', async () => {
    const { kiosk, code, secret } = await registered();
    const qr = await lookup(kiosk, { scanned: `MCK1:${code}:${secret}`, via: 'camera' });
    expect(qr.status).toBe(200);
    expect(qr.body.level).toBe('full');
    expect(qr.body.dossier).toMatchObject({ code, statusKey: 'accepted', applicantMasked: 'Nguyễn V. A.', procedure: { code: THREE_DAYS }, collect: { delivery: 'counter' } });
    expect(qr.body.dossier.timeline).toHaveLength(1);
    expect(JSON.stringify(qr.body)).not.toMatch(/Văn An|0912|001090012345|Số 1 phố Huế/);
    expect(qr.body.freshness).toEqual({ source: 'local', confirmedAt: null });

    for (const scanned of [code, code.toLowerCase(), ` ${code} `]) {
      const typed = await lookup(kiosk, { scanned, via: 'keypad' });
      expect(typed.status).toBe(200);
      expect(typed.body.level).toBe('limited');
      expect(Object.keys(typed.body.dossier).sort()).toEqual(['code', 'department', 'dueAt', 'dueStatus', 'paused', 'stage', 'status', 'statusKey', 'updatedAt']);
    }
  });

  it('the phone’s last 4 digits or the receipt’s secret unlock the rest; a wrong one is refused and counted', async () => {
    const { kiosk, code, secret } = await registered();
    const phone = await lookup(kiosk, { scanned: code, proof: { kind: 'phone_last4', value: '5678' } });
    expect(phone.body.level).toBe('full');
    const typedSecret = await lookup(kiosk, { scanned: code, proof: { kind: 'secret', value: secret.toLowerCase() } });
    expect(typedSecret.body.level).toBe('full');
    const wrong = await lookup(kiosk, { scanned: code, proof: { kind: 'phone_last4', value: '0000' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('VERIFICATION_FAILED');
    expect(wrong.body.error.details.attemptsLeft).toBe(4);
    // A QR in our format with another secret: no more than a typed code, and counted.
    const forged = await lookup(kiosk, { scanned: `MCK1:${code}:ZZZZZZ`, via: 'camera' });
    expect(forged.status).toBe(200);
    expect(forged.body.level).toBe('limited');
  });

  it('what is not ours, unknown codes and garbage get a clear 4xx and change nothing', async () => {
    const { kiosk, clerk, code } = await registered();
    const before = storeSnapshot();
    const notOurs = await lookup(kiosk, { scanned: 'https://example.com/x', via: 'camera' });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.error.code).toBe('NOT_A_RECEIPT_CODE');
    const unknown = await lookup(kiosk, { scanned: code.replace(/\d{4}$/, '9998') });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_DOSSIER');
    for (const garbage of [{}, { scanned: 42 }, { scanned: 'x'.repeat(201) }, { scanned: code, via: 'telepathy' }, { scanned: code, proof: { kind: 'dna', value: '1' } }, { scanned: code, proof: { kind: 'secret', value: 'x'.repeat(50) } }, []]) {
      const r = await lookup(kiosk, garbage);
      expect(r.status, JSON.stringify(garbage)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    const raw = await hub.api('POST', '/kiosk/dossier-lookup', { token: kiosk, raw: '{"scanned":' });
    expect(raw.status).toBe(400);
    // Only a kiosk may look up here: a clerk or no token is refused.
    expect((await lookup(clerk, { scanned: code })).status).toBe(403);
    expect((await hub.api('POST', '/kiosk/dossier-lookup', { body: { scanned: code } })).status).toBe(401);
    expect(storeSnapshot()).toEqual(before);
  });

  it('failed look-ups are throttled per kiosk, and in total over all kiosks', async () => {
    const { kiosk, code, secret } = await registered();
    const other = await hub.pairDevice('kiosk', 'Kiosk tầng 2');
    const guess = (token: string, n: number) => lookup(token, { scanned: code.replace(/\d{4}$/, String(9000 + n)) });
    for (let i = 0; i < 5; i++) expect((await guess(kiosk, i)).status).toBe(404);
    const held = await guess(kiosk, 6);
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe('RATE_LIMITED');
    expect(held.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Even the right QR waits at the held kiosk: it learns nothing more while held back.
    expect((await lookup(kiosk, { scanned: `MCK1:${code}:${secret}` })).status).toBe(429);
    // Another kiosk is not held back by the first one's failures…
    expect((await lookup(other, { scanned: `MCK1:${code}:${secret}` })).status).toBe(200);
    // …until the total over all kiosks is reached (20 in 10 minutes).
    const kiosks = [other, await hub.pairDevice('kiosk', 'K3'), await hub.pairDevice('kiosk', 'K4'), await hub.pairDevice('kiosk', 'K5')];
    let n = 100;
    for (const k of kiosks.slice(0, 3)) for (let i = 0; i < 5; i++) expect((await guess(k, n++)).status).toBe(404);
    expect((await lookup(kiosks[3]!, { scanned: code })).status).toBe(429);
  });

  it('the throttle lets go once the failures leave the window', async () => {
    let now = Date.parse('2026-11-24T02:00:00Z');
    const { kiosk, code } = await registered({ clock: () => now });
    for (let i = 0; i < 5; i++) await lookup(kiosk, { scanned: code.replace(/\d{4}$/, String(9100 + i)) });
    expect((await lookup(kiosk, { scanned: code })).status).toBe(429);
    now += 10 * 60_000 + 1000;
    expect((await lookup(kiosk, { scanned: code })).status).toBe(200);
  });

  it('asks the freshener first and shows its freshness; a slow or failing freshener still gives the local view', async () => {
    const asked: string[] = [];
    let mode: 'district' | 'slow' | 'throws' | 'rejects' | 'nonsense' = 'district';
    const freshener: DossierFreshener = {
      freshen(code) {
        asked.push(code);
        if (mode === 'district') return Promise.resolve({ source: 'district', confirmedAt: 1_800_000_000_000 });
        if (mode === 'slow') return new Promise((r) => setTimeout(() => r({ source: 'district', confirmedAt: 1 }), 10_000));
        if (mode === 'throws') throw new Error('boom');
        if (mode === 'rejects') return Promise.reject(new Error('link down'));
        return Promise.resolve({ source: 'mars', confirmedAt: 'yesterday' } as never);
      },
    };
    const { kiosk, code, secret } = await registered({ dossierFreshener: freshener });
    const fresh = await lookup(kiosk, { scanned: `MCK1:${code}:${secret}` });
    expect(fresh.body.freshness).toEqual({ source: 'district', confirmedAt: 1_800_000_000_000 });
    expect(asked).toEqual([code]);
    for (const m of ['slow', 'throws', 'rejects', 'nonsense'] as const) {
      mode = m;
      const t0 = Date.now();
      const r = await lookup(kiosk, { scanned: code });
      expect(r.status, m).toBe(200);
      expect(r.body.level).toBe('limited');
      expect(r.body.freshness).toEqual({ source: 'local', confirmedAt: null });
      expect(Date.now() - t0).toBeLessThan(5000);
    }
    // Text that is not ours never reaches the freshener.
    await lookup(kiosk, { scanned: 'hello' });
    expect(asked.filter((c) => c !== code)).toEqual([]);
  }, 20_000);

  it('status 5 shows what is missing; the settings have defaults and are checked', async () => {
    const { kiosk, clerk, code, secret } = await registered();
    const admin = await hub.login();
    expect((await hub.api('POST', `/dossiers/${code}/supplement-request`, { token: clerk, body: { items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' } })).status).toBe(200);
    const r = await lookup(kiosk, { scanned: `MCK1:${code}:${secret}` });
    expect(r.body.dossier.statusKey).toBe('supplement_requested');
    expect(r.body.dossier.supplement.items).toEqual(['Bản sao giấy khai sinh']);

    expect((await hub.api('GET', '/kiosk/settings', { token: kiosk })).body).toEqual({ idleSeconds: 60, procedureBaseUrl: '' });
    const before = storeSnapshot();
    for (const bad of [{ idleSeconds: 5 }, { idleSeconds: 60, procedureBaseUrl: 'javascript:alert(1)' }, { procedureBaseUrl: 'https://u:p@x.vn' }]) {
      const res = await hub.api('PUT', '/admin/kiosk-settings', { token: admin, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await hub.api('PUT', '/admin/kiosk-settings', { token: kiosk, body: { idleSeconds: 90 } })).status).toBe(403);
    expect(storeSnapshot()).toEqual(before);
    const ok = await hub.api('PUT', '/admin/kiosk-settings', { token: admin, body: { idleSeconds: 90, procedureBaseUrl: 'https://dichvucong.example.vn/thu-tuc' } });
    expect(ok.body).toEqual({ idleSeconds: 90, procedureBaseUrl: 'https://dichvucong.example.vn/thu-tuc' });
    expect((await hub.api('GET', '/kiosk/settings', { token: kiosk })).body.idleSeconds).toBe(90);
  });
});
