import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

/**
 * Bad input to every supervisor route: a clear 4xx in the contract's error
 * shape, never a 5xx, and nothing changed in the store.
 */
const clock = fakeClock('2026-11-23T08:00:00+07:00');
let hub: TestHub;
let admin: string;
let clerk: string;
let tablet: string;
let kiosk: string;

const state = () => ({
  ratings: hub.query('SELECT * FROM ratings ORDER BY id'),
  settings: hub.query("SELECT * FROM settings WHERE key = 'supervisor'"),
  outbox: hub.query('SELECT seq, kind, payload FROM sync_outbox ORDER BY seq'),
});
async function rejects(method: string, p: string, token: string | undefined, body: unknown, status: number, code: string, raw?: string) {
  const before = state();
  const r = await hub.api(method, p, { token, body, raw });
  expect(r.status, `${method} ${p} ${JSON.stringify(body ?? raw)} → ${JSON.stringify(r.body)}`).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(state()).toEqual(before);
  return r.body;
}

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  tablet = await hub.pairDevice('counter', 'Tablet 1');
  kiosk = await hub.pairDevice('kiosk', 'Kiosk');
  // One finished ticket at counter 1, so a rating is open there.
  await hub.api('POST', '/counters/1/open', { token: clerk });
  await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
  clock.advance(60_000);
  await hub.api('POST', '/counters/1/call-next', { token: clerk });
  const s = await hub.api('GET', '/counters/1/state', { token: clerk });
  await hub.api('POST', `/tickets/${s.body.current.id}/start`, { token: clerk });
  clock.advance(60_000);
  await hub.api('POST', `/tickets/${s.body.current.id}/finish`, { token: clerk });
}, 60_000);
afterAll(async () => hub?.close());

describe('figures and reports', () => {
  for (const p of ['/supervisor/figures', '/supervisor/report.xlsx', '/supervisor/report.pdf']) {
    it(`${p}: bad ranges are 400`, async () => {
      for (const q of ['', '?from=2026-11-23', '?from=2026-13-01&to=2026-12-01', '?from=2026-02-30&to=2026-03-01', '?from=2026-11-24&to=2026-11-23', '?from=2025-01-01&to=2026-11-23', '?from=x&to=y', '?from[]=1&to=2026-11-23']) {
        await rejects('GET', p + q, admin, undefined, 400, 'VALIDATION_FAILED');
      }
      if (p !== '/supervisor/figures') await rejects('GET', `${p}?from=2026-11-23&to=2026-11-23&lang=fr`, admin, undefined, 400, 'VALIDATION_FAILED');
    });
    it(`${p}: only the admin`, async () => {
      await rejects('GET', `${p}?from=2026-11-23&to=2026-11-23`, undefined, undefined, 401, 'UNAUTHENTICATED');
      await rejects('GET', `${p}?from=2026-11-23&to=2026-11-23`, clerk, undefined, 403, 'FORBIDDEN');
      await rejects('GET', `${p}?from=2026-11-23&to=2026-11-23`, tablet, undefined, 403, 'FORBIDDEN');
    });
  }
  it('a year-long range is fine', async () => {
    const r = await hub.api('GET', '/supervisor/figures?from=2025-11-23&to=2026-11-23', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.byDay).toHaveLength(366);
  });
});

describe('alerts and settings', () => {
  it('alerts: staff only', async () => {
    await rejects('GET', '/supervisor/alerts', undefined, undefined, 401, 'UNAUTHENTICATED');
    await rejects('GET', '/supervisor/alerts', kiosk, undefined, 403, 'FORBIDDEN');
    expect((await hub.api('GET', '/supervisor/alerts', { token: clerk })).status).toBe(200);
  });
  it('settings: every bad value is 400 and nothing is saved', async () => {
    const good = { maxWaitingPerService: 10, maxWaitMinutes: 20, alertDueToday: true, ratingCriteria: false, ratingIdleSeconds: 30, nearlyDueWorkingHours: 6 };
    for (const bad of [
      {},
      { ...good, maxWaitingPerService: 0 },
      { ...good, maxWaitingPerService: 1.5 },
      { ...good, maxWaitMinutes: -1 },
      { ...good, maxWaitMinutes: '20' },
      { ...good, alertDueToday: 'yes' },
      { ...good, ratingIdleSeconds: 4 },
      { ...good, ratingIdleSeconds: 100000 },
      { ...good, nearlyDueWorkingHours: 0 },
      { ...good, nearlyDueWorkingHours: 41 },
      { ...good, nearlyDueWorkingHours: 1.5 },
      { ...good, nearlyDueWorkingHours: null },
      null,
      [],
      'x',
    ]) {
      await rejects('PUT', '/admin/supervisor-settings', admin, bad, 400, 'VALIDATION_FAILED');
    }
    await rejects('PUT', '/admin/supervisor-settings', admin, undefined, 400, 'MALFORMED_JSON', '{"maxWaitingPerService":');
    await rejects('PUT', '/admin/supervisor-settings', clerk, good, 403, 'FORBIDDEN');
    const r = await hub.api('PUT', '/admin/supervisor-settings', { token: admin, body: good });
    expect(r.body).toEqual(good);
    expect((await hub.api('GET', '/admin/supervisor-settings', { token: admin })).body).toEqual(good);
  });
});

describe('ratings', () => {
  const key = async () => (await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body.prompt.key as string;

  it('the prompt: bad counter ids are 400, an unknown counter 404, people are 403', async () => {
    for (const q of ['', '?counterId=', '?counterId=0', '?counterId=-1', '?counterId=abc', '?counterId=1.5']) {
      await rejects('GET', `/ratings/prompt${q}`, tablet, undefined, 400, 'VALIDATION_FAILED');
    }
    await rejects('GET', '/ratings/prompt?counterId=999', tablet, undefined, 404, 'UNKNOWN_COUNTER');
    await rejects('GET', '/ratings/prompt?counterId=1', clerk, undefined, 403, 'FORBIDDEN');
    await rejects('GET', '/ratings/prompt?counterId=1', undefined, undefined, 401, 'UNAUTHENTICATED');
    const p = await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet });
    expect(p.body.prompt).toMatchObject({ kind: 'ticket', ticketNumber: 'A001', counterNumber: 1 });
    // Nothing finished at counter 2.
    expect((await hub.api('GET', '/ratings/prompt?counterId=2', { token: kiosk })).body.prompt).toBeNull();
  });

  it('submitting: bad bodies are 400, nothing stored', async () => {
    const k = await key();
    for (const bad of [
      {},
      { counterId: 1, key: k },
      { counterId: 1, key: k, level: 'happy' },
      { counterId: '1', key: k, level: 'satisfied' },
      { counterId: 1, key: '', level: 'satisfied' },
      { counterId: 1, key: k, level: 'satisfied', extra: 1 },
      { counterId: 1, key: k, level: 'satisfied', criteria: { total_time: 2 } },
      { counterId: 1, key: k, level: 'satisfied', criteria: { total_time: 3, contacts: 2, agencies: 2, disclosure: 2, attitude: 2 } },
      { counterId: 1, key: k, level: 'satisfied', criteria: { total_time: 2, contacts: 2, agencies: 2, disclosure: 2, attitude: 2, bribe: 0 } },
      { counterId: 1, key: 'x'.repeat(200), level: 'satisfied' },
    ]) {
      await rejects('POST', '/ratings', tablet, bad, 400, 'VALIDATION_FAILED');
    }
    // Criteria while the office does not ask them.
    await rejects('POST', '/ratings', tablet, { counterId: 1, key: k, level: 'satisfied', criteria: { total_time: 2, contacts: 2, agencies: 2, disclosure: 2, attitude: 2 } }, 400, 'VALIDATION_FAILED');
    await rejects('POST', '/ratings', tablet, undefined, 400, 'MALFORMED_JSON', '{"level":');
  });

  it('a key that is not the open one is 409; another counter is 409; a person cannot rate', async () => {
    await rejects('POST', '/ratings', tablet, { counterId: 1, key: 't:999', level: 'satisfied' }, 409, 'RATING_NOT_OPEN');
    await rejects('POST', '/ratings', tablet, { counterId: 1, key: 'd:000.00.00.H00-261123-0001', level: 'satisfied' }, 409, 'RATING_NOT_OPEN');
    await rejects('POST', '/ratings', tablet, { counterId: 2, key: await key(), level: 'satisfied' }, 409, 'RATING_NOT_OPEN');
    await rejects('POST', '/ratings', tablet, { counterId: 999, key: await key(), level: 'satisfied' }, 404, 'UNKNOWN_COUNTER');
    await rejects('POST', '/ratings', clerk, { counterId: 1, key: await key(), level: 'satisfied' }, 403, 'FORBIDDEN');
  });

  it('the prompt is offered for 2 minutes after the finish; a rating is taken for 5, then refused as expired', async () => {
    clock.advance(119_000);
    expect((await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body.prompt).not.toBeNull();
    clock.advance(2_000);
    expect((await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body.prompt).toBeNull();
    clock.advance(3 * 60_000);
    const body = await rejects('POST', '/ratings', tablet, { counterId: 1, key: 't:1', level: 'satisfied' }, 409, 'RATING_EXPIRED');
    expect(body.error.details).toEqual({ reason: 'timed_out' });
    clock.advance(-5 * 60_000 - 1000);
  });

  it('rates once; the second time is 409 ALREADY_RATED; after the window nothing is open', async () => {
    const k = await key();
    const r = await hub.api('POST', '/ratings', { token: tablet, body: { counterId: 1, key: k, level: 'very_satisfied' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ticketId: expect.any(String), dossierCode: null, counterId: 1, level: 'very_satisfied', criteria: null });
    await rejects('POST', '/ratings', tablet, { counterId: 1, key: k, level: 'satisfied' }, 409, 'ALREADY_RATED');
    expect((await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body.prompt).toBeNull();

    // It goes to the district through the outbox, the ticket named by the id the district knows it by.
    const [row] = hub.query<{ kind: string; subject: string; payload: string }>("SELECT kind, subject, payload FROM sync_outbox WHERE kind = 'rating.record'");
    const sent = JSON.parse(row!.payload);
    expect(row!.subject).toBe(r.body.id);
    expect(sent).toMatchObject({ id: r.body.id, level: 'very_satisfied', counterId: 1, dossierCode: null, criteria: null });
    const issued = hub.query<{ payload: string }>("SELECT payload FROM sync_outbox WHERE kind = 'ticket.issued'").map((x) => JSON.parse(x.payload).id);
    expect(issued).toContain(sent.ticketId);
  });
});
