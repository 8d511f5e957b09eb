import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody, syncUntil } from '../helpers/sync';

let district: TestDistrict;
beforeAll(async () => {
  district = await startTestDistrict();
}, 60_000);
afterAll(async () => district?.close());

async function enrolledHub(): Promise<{ hub: TestHub; admin: string }> {
  const hub = await startTestHub({ sync: { autoStart: false } });
  const admin = await hub.login();
  const code = await district.enrolmentCode();
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toMatchObject({ enrolled: true, officeName: 'Phường Ba Đình', epoch: 1 });
  return { hub, admin };
}

describe('sync end to end (hub ⇄ district on PGlite or PostgreSQL)', () => {
  it('pushes a ticket and a dossier, pulls the district progress back into the local dossier', async () => {
    const { hub, admin } = await enrolledHub();
    try {
      const clerk = await hub.login(...DEMO.clerk1);
      expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
      const t = await hub.api('POST', '/tickets', { token: clerk, body: { serviceId: 1 } });
      expect(t.status).toBe(200);
      const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
      expect(reg.status, JSON.stringify(reg.body)).toBe(200);
      const code = reg.body.code as string;

      let s = await hub.api('GET', '/sync/status', { token: admin });
      expect(s.body.outboxDepth).toBe(2);
      s = await hub.api('POST', '/sync/now', { token: admin });
      expect(s.body).toMatchObject({ online: true, outboxDepth: 0, rejectedCount: 0, lastError: null });

      const { rows: tickets } = await district.db.query<{ data: any }>('SELECT data FROM tickets');
      expect(tickets.map((x) => x.data.number)).toContain(t.body.ticket.number);
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
