import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: string;
let clerk: string;
let kiosk: string;
const clock = fakeClock('2026-06-30T09:00:00+07:00');
const OLD = '000.00.15.H24';
const NEW = '000.00.31.H24';
beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  kiosk = await hub.pairDevice('kiosk');
  expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
});
afterAll(async () => hub.close());

const office = (agencyCode: string) => hub.api('PUT', '/admin/office', { token: admin, body: { name: 'Trung tâm Phục vụ hành chính công phường Ba Đình', agencyCode } });
const register = async () => {
  const r = await hub.api('POST', '/dossiers', {
    token: clerk,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Trần Thị Bình', idType: 'cccd', idNumber: '001190012345', phone: '0987 654 321', address: 'Hà Nội' },
      documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
      notes: '',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.code as string;
};
const lookup = (scanned: string) => hub.api('POST', '/kiosk/dossier-lookup', { token: kiosk, body: { scanned, via: 'keypad' } });

describe("the office's agency code", () => {
  it('a code of the wrong shape is refused with the reason, and nothing changes', async () => {
    for (const [code, why] of [
      ['000.00.15.h24', 'capital'],
      ['00.00.15.H24', 'Level 4'],
      ['000.00.15.Z24', 'A–K'],
      ['H24', 'four levels'],
    ] as const) {
      const r = await office(code);
      expect(r.status, code).toBe(400);
      expect(r.body.error.code, code).toBe('INVALID_AGENCY_CODE');
      expect(r.body.error.message, code).toContain(why);
      // A rule per reason, which the screens say in their language (validation.agency_… in the locale files).
      expect(r.body.error.details, code).toEqual([{ path: 'agencyCode', message: r.body.error.message, rule: expect.stringMatching(/^agency_[a-z]+$/) }]);
    }
    expect((await hub.api('GET', '/office', { token: admin })).body.agencyCode).toBe(OLD);
    expect(hub.query('SELECT * FROM agency_codes')).toEqual([]);
  });
  it('a merged unit gets a new code: old dossiers still resolve, typed or scanned, new ones carry the new code', async () => {
    const old = await register();
    expect(old.startsWith(`${OLD}-260630-`)).toBe(true);
    clock.set('2026-07-01T08:00:00+07:00');
    // A new office day: the sessions of yesterday have expired.
    admin = await hub.login();
    clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
    expect((await office(NEW)).status).toBe(200);
    expect((await hub.api('GET', '/admin/agency-codes', { token: admin })).body).toEqual([
      { code: OLD, validFrom: '2000-01-01', validTo: '2026-07-01' },
      { code: NEW, validFrom: '2026-07-01', validTo: null },
    ]);
    // The kiosk's keypad puts the CURRENT code in front of the digits on the receipt.
    const typed = await lookup(`${NEW}-${old.slice(OLD.length + 1)}`);
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    expect(typed.body.dossier.code).toBe(old);
    expect((await lookup(old)).body.dossier.code).toBe(old);
    const fresh = await register();
    expect(fresh.startsWith(`${NEW}-260701-`)).toBe(true);
    // A code in force on no day of that number stays unknown.
    expect((await lookup(`${NEW}-260630-0099`)).status).toBe(404);
  });
  it('setting the same code again records nothing new', async () => {
    expect((await office(NEW)).status).toBe(200);
    expect(hub.query('SELECT count(*) AS n FROM agency_codes')).toEqual([{ n: 2 }]);
  });
});
