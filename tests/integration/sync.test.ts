import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, BACKENDS, type TestDistrict } from '../helpers/district';
import { dossierBody, syncUntil } from '../helpers/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';
import { seedCatalogue, seedDemoOffice } from '../../src/main/db/seed';
import { createServices } from '../../src/main/services';
import { createClock } from '../../src/main/services/clock';
import { enqueueMutation } from '../../src/main/sync/outbox';

let district: TestDistrict;

async function enrolledHub(): Promise<{ hub: TestHub; admin: string }> {
  const hub = await startTestHub({ sync: { autoStart: false } });
  const admin = await hub.login();
  const code = await district.enrolmentCode();
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toMatchObject({ enrolled: true, officeName: 'Phường Ba Đình', epoch: 1 });
  return { hub, admin };
}

describe.each(BACKENDS)('district on %s', (backend) => {
  beforeAll(async () => {
    district = await startTestDistrict({ backend });
  }, 60_000);
  afterAll(async () => district?.close());

  describe('sync end to end (hub ⇄ district on PGlite or PostgreSQL)', () => {
    it('pushes a ticket and a dossier, pulls the district progress back into the local dossier', async () => {
      const { hub, admin } = await enrolledHub();
      try {
        const clerk = await hub.login(...DEMO.clerk1);
        expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
        const t = await hub.api('POST', '/tickets', { token: clerk, body: { serviceId: 1 } });
        expect(t.status).toBe(200);
        // Served and finished: the ticket's closing travels too.
        const called = await hub.api('POST', '/counters/1/call-next', { token: clerk });
        expect(called.status, JSON.stringify(called.body)).toBe(200);
        const id = called.body.current.id as number;
        expect((await hub.api('POST', `/tickets/${id}/start`, { token: clerk })).status).toBe(200);
        expect((await hub.api('POST', `/tickets/${id}/finish`, { token: clerk })).status).toBe(200);
        const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
        expect(reg.status, JSON.stringify(reg.body)).toBe(200);
        const code = reg.body.code as string;

        let s = await hub.api('GET', '/sync/status', { token: admin });
        expect(hub.query<{ kind: string }>('SELECT kind FROM sync_outbox ORDER BY seq').map((r) => r.kind)).toEqual(['ticket.issued', 'ticket.closed', 'dossier.received']);
        expect(s.body.outboxDepth).toBe(3);
        s = await hub.api('POST', '/sync/now', { token: admin });
        expect(s.body).toMatchObject({ online: true, outboxDepth: 0, rejectedCount: 0, lastError: null });

        const { rows: tickets } = await district.db.query<{ data: any; closed: any }>("SELECT data, closed FROM tickets WHERE office_id = 'o1'");
        const mine = tickets.find((x) => x.data.number === t.body.ticket.number);
        expect(mine?.closed).toMatchObject({ status: 'done', counterNumber: 1 });
        const bo = await district.backOffice('GET', `/back-office/dossiers/${code}`);
        expect(bo.body).toMatchObject({ code, status: 2, office_id: 'o1' });
        expect(bo.body.received.applicantName).toBe('Nguyễn Văn An');

        // The department moves it along, then the result is ready: the hub's copy follows after a pull.
        expect((await district.backOffice('POST', `/back-office/dossiers/${code}/move`, { stage: 'Thẩm định', department: 'Phòng Tư pháp' })).status).toBe(200);
        await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body.status === 4);
        let d = (await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body;
        expect(d).toMatchObject({ status: 4, statusKey: 'processing', stage: 'Thẩm định', department: 'Phòng Tư pháp' });
        expect(d.events.at(-1).actor.kind).toBe('district');

        expect((await district.backOffice('POST', `/back-office/dossiers/${code}/result-ready`, {})).status).toBe(200);
        await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body.status === 9);

        // The clerk hands the result back: a hub-owned move, pushed; the district agrees.
        const back = await hub.api('POST', `/dossiers/${code}/hand-back`, { token: clerk, body: { scanned: code } });
        expect(back.status, JSON.stringify(back.body)).toBe(200);
        await hub.api('POST', '/sync/now', { token: admin });
        expect((await district.backOffice('GET', `/back-office/dossiers/${code}`)).body.status).toBe(10);
        d = (await hub.api('GET', `/dossiers/${code}`, { token: clerk })).body;
        expect(d.status).toBe(10);

        // Digest: the hub's copy of server-owned data equals the server's.
        expect(await hub.api('GET', '/sync/status', { token: admin }).then(() => true)).toBe(true);
      } finally {
        await hub.close();
      }
    });

    it('rejects bad enrolment input and a used code, and changes nothing', async () => {
      const hub = await startTestHub({ sync: { autoStart: false } });
      try {
        const admin = await hub.login();
        const bad = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: 'not a url', code: 'x' } });
        expect(bad.status).toBe(400);
        const wrong = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: 'WRONGCODE' } });
        expect(wrong.status).toBe(400);
        expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
        const down = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: 'http://127.0.0.1:1', code: 'ABCDEFGH' } });
        expect(down.status).toBe(409);
        expect(down.body.error.code).toBe('DISTRICT_UNREACHABLE');
        expect((await hub.api('GET', '/sync/status', { token: admin })).body).toMatchObject({ enrolled: false, serverUrl: null });
        const clerk = await hub.login(...DEMO.clerk1);
        expect((await hub.api('POST', '/sync/enrol', { token: clerk, body: { serverUrl: district.url, code: 'ABCDEFGH' } })).status).toBe(403);
      } finally {
        await hub.close();
      }
    });
  });


  let offices = 0;
  /** The hub's services over a fresh store, no HTTP: for what the API does not expose (live look-up, the outbox call). */
  async function servicesHub(sync: Record<string, unknown> = { autoStart: false }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sync-svc-'));
    const store = createStore(openStore(path.join(dir, 'motcua.sqlite')));
    await seedDemoOffice(store, Date.now());
    seedCatalogue(store, Date.now());
    // Its own office and agency code, so its dossier codes are its own.
    const n = ++offices;
    store.settings.setOffice({ name: `Văn phòng s${n}`, agencyCode: `000.00.${40 + n}.H24` });
    await district.service.createOffice({ id: `s${n}`, name: `Văn phòng s${n}`, agencyCode: `000.00.${40 + n}.H24` });
    const hub = createServices(store, createClock(), { version: 'test', sync });
    const code = await district.enrolmentCode(`s${n}`);
    await hub.sync.enrol(district.url, code);
    return { hub, store, close: async () => (await hub.sync.stop(), store.db.close()) };
  }
  const clerkActor = (store: ReturnType<typeof createStore>) => ({ clerkId: store.clerks.byUsername('canbo1')!.id, counterId: null, sessionId: 'x' }) as never;

  describe('outbox, live look-up, digest', () => {
    it('the outbox row is written in the change\'s own transaction: a failed change leaves no row', async () => {
      const { hub, store, close } = await servicesHub();
      try {
        const before = store.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number };
        expect(() =>
          store.write(() => {
            enqueueMutation(store.db, 'rating.record', { id: randomUUID(), ticketId: null, dossierCode: null, clerkId: 2, counterId: 1, level: 'satisfied', criteria: null, createdAt: Date.now() });
            throw new Error('the rating insert failed');
          }),
        ).toThrow();
        expect(store.db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(before);
        // Outside a transaction it refuses; a payload that does not fit its kind throws and writes nothing.
        expect(() => enqueueMutation(store.db, 'rating.record', {} as never)).toThrow(/inside the transaction/);
        expect(() => store.write(() => enqueueMutation(store.db, 'rating.record', { level: 'great' } as never))).toThrow();
        expect(store.db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(before);
        // A rating made properly is pushed and stored by the district.
        const id = randomUUID();
        store.write(() => enqueueMutation(store.db, 'rating.record', { id, ticketId: null, dossierCode: null, clerkId: 2, counterId: 1, level: 'unsatisfied', criteria: { wait: 0 }, createdAt: Date.now() }));
        await hub.sync.syncNow();
        expect((await district.db.query('SELECT 1 FROM ratings WHERE id = $1', [id])).rows).toHaveLength(1);
      } finally {
        await close();
      }
    });

    it('live look-up asks the district first and writes its fields locally; with the district away, the local copy and when it was confirmed', async () => {
      const { hub, store, close } = await servicesHub();
      try {
        const d = hub.dossiers.register(clerkActor(store), dossierBody() as never);
        await hub.sync.syncNow();
        await district.backOffice('POST', `/back-office/dossiers/${d.code}/move`, { stage: 'Phê duyệt', department: 'Phòng Tư pháp' });
        // No pull yet: the look-up itself brings the change.
        const fresh = await hub.dossierFreshener.freshen(d.code.toLowerCase());
        expect(fresh.source).toBe('district');
        expect(fresh.confirmedAt).toBeGreaterThan(Date.now() - 10_000);
        expect(hub.dossiers.get(d.code)).toMatchObject({ status: 4, stage: 'Phê duyệt', department: 'Phòng Tư pháp' });
        // The district away: the local copy, with its confirmation time; never throws.
        store.db.prepare("UPDATE sync_state SET value = 'http://127.0.0.1:1' WHERE key = 'serverUrl'").run();
        const away = createServices(store, createClock(), { version: 'test', sync: { autoStart: false } });
        const local = await away.dossierFreshener.freshen(d.code);
        expect(local).toEqual({ source: 'local', confirmedAt: fresh.confirmedAt });
        expect(await away.dossierFreshener.freshen('NO-SUCH-CODE')).toMatchObject({ source: 'local' });
      } finally {
        await close();
      }
    });

    it('the periodic digest catches silent drift and a snapshot repairs it', async () => {
      const { hub, store, close } = await servicesHub();
      try {
        await district.backOffice('POST', '/back-office/calendar-days', { date: '2027-02-03', kind: 'holiday', nameVi: 'Nghỉ', nameEn: 'Day off' });
        await hub.sync.syncNow();
        expect(await hub.sync.digest()).toBe(true);
        // Someone edits the hub's copy behind sync's back.
        store.db.prepare("UPDATE sync_rows SET data = '{}' WHERE collection = 'calendar_day'").run();
        expect(await hub.sync.digest()).toBe(false);
        expect(hub.sync.status().lastDigestOk).toBe(false);
        await hub.sync.syncNow();
        expect(await hub.sync.digest()).toBe(true);
        expect(store.calendar.get('2027-02-03')).toMatchObject({ kind: 'holiday', source: 'district' });
      } finally {
        await close();
      }
    });
  });
});
