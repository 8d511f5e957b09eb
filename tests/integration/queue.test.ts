import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
afterEach(async () => hub?.close());

/** Demo office: services 1..5 = A..E; counter 1 serves A and E, counter 2 serves A, counter 5 serves all. */
async function clerkAt(counterId: number, who: readonly [string, string] = DEMO.clerk1) {
  const token = await hub.login(who[0], who[1]);
  const r = await hub.api('POST', `/counters/${counterId}/open`, { token });
  expect(r.status).toBe(200);
  return token;
}
const issue = (token: string, serviceId: number, priority: string | null = null) => hub.api('POST', '/tickets', { token, body: { serviceId, priority } });
const ticketsCount = () => hub.query<{ n: number }>('SELECT count(*) AS n FROM tickets')[0]!.n;

describe('ticket numbering', () => {
  it('numbers per service per office day, and restarts when the day changes', async () => {
    const clock = fakeClock('2026-11-23T16:58:00Z'); // 23:58 in Hà Nội
    hub = await startTestHub({ clock: clock.now });
    const kiosk = await hub.pairDevice('kiosk');
    expect((await issue(kiosk, 1)).body.ticket.number).toBe('A001');
    expect((await issue(kiosk, 1)).body.ticket.number).toBe('A002');
    expect((await issue(kiosk, 2)).body.ticket.number).toBe('B001');
    clock.set('2026-11-23T17:00:30Z'); // 00:00:30 the next day
    await clerkAt(2);
    const next = await issue(kiosk, 1);
    expect(next.body.ticket.number).toBe('A001');
    expect(next.body.ticket.officeDay).toBe('2026-11-24');
    // Yesterday's waiting tickets are not today's queue.
    expect(next.body.ahead).toBe(0);
  });

  it('never gives one number twice, under 60 concurrent requests', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => issue(kiosk, (i % 2) + 1)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const numbers = results.map((r) => r.body.ticket.number as string);
    expect(new Set(numbers).size).toBe(60);
    expect(numbers.filter((n) => n.startsWith('A')).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(hub.query('SELECT office_day, number FROM tickets GROUP BY 1, 2 HAVING count(*) > 1')).toEqual([]);
  });

  it('tells the citizen how many are ahead and estimates the wait', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await clerkAt(2); // one counter open for service A
    await issue(kiosk, 1);
    await issue(kiosk, 1);
    const third = await issue(kiosk, 1);
    expect(third.body.ahead).toBe(2);
    expect(third.body.estimatedWaitMinutes).toBe(10); // default 5 minutes each, one counter
    // With the default interleave (3) the counter calls three normal tickets before its first
    // priority one: the priority ticket is told so, not "you are next" (issue 11).
    const prio = await issue(kiosk, 1, 'elderly');
    expect(prio.body.ahead).toBe(3);
    expect(prio.body.estimatedWaitMinutes).toBe(15);
    expect(prio.body.ticket.priority).toBe('elderly');
  });
});

describe('calling', () => {
  it('calls only from the services the counter serves, first come first served', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 2); // B001, not served at counter 2
    await issue(kiosk, 1); // A001
    await issue(kiosk, 1); // A002
    const clerk = await clerkAt(2);
    const first = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(first.status).toBe(200);
    expect(first.body.current.number).toBe('A001');
    expect(first.body.current.status).toBe('called');
    await hub.api('POST', `/tickets/${first.body.current.id}/start`, { token: clerk });
    const second = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(second.body.current.number).toBe('A002');
    // Calling next finished the one being served.
    expect(hub.query<{ status: string }>("SELECT status FROM tickets WHERE number = 'A001'")[0]!.status).toBe('done');
    expect(second.body.servedToday).toBe(1);
    await hub.api('POST', `/tickets/${second.body.current.id}/start`, { token: clerk });
    await hub.api('POST', `/tickets/${second.body.current.id}/finish`, { token: clerk });
    const none = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NOTHING_WAITING');
  });

  it('priority first, interleaved one per N normal tickets (admin setting)', async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    const settings = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    expect((await hub.api('PUT', '/admin/settings', { token: admin, body: { ...settings, priorityInterleave: 1 } })).status).toBe(200);
    const kiosk = await hub.pairDevice('kiosk');
    for (const p of [null, null, null, 'pregnant', 'disability']) await issue(kiosk, 1, p);
    const clerk = await clerkAt(2);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await hub.api('POST', '/counters/2/call-next', { token: clerk });
      order.push(r.body.current.number);
      await hub.api('POST', `/tickets/${r.body.current.id}/no-show`, { token: clerk });
    }
    expect(order).toEqual(['A001', 'A004', 'A002', 'A005', 'A003']);
  });

  it('never calls one ticket at two counters when two clerks press at the same moment', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 1);
    const c1 = await clerkAt(1, DEMO.clerk1);
    const c2 = await clerkAt(2, DEMO.clerk2);
    const [a, b] = await Promise.all([hub.api('POST', '/counters/1/call-next', { token: c1 }), hub.api('POST', '/counters/2/call-next', { token: c2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(hub.query("SELECT counter_id FROM tickets WHERE status = 'called'")).toHaveLength(1);
    expect(hub.query("SELECT * FROM ticket_events WHERE kind = 'call'")).toHaveLength(1);
  });

  it('many clerks calling many tickets at once: each ticket called exactly once', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    for (let i = 0; i < 12; i++) await issue(kiosk, 1);
    const tokens = [await clerkAt(1, DEMO.clerk1), await clerkAt(2, DEMO.clerk2), await clerkAt(5, DEMO.admin)];
    const counters = [1, 2, 5];
    for (let round = 0; round < 4; round++) {
      const res = await Promise.all(tokens.map((token, i) => hub.api('POST', `/counters/${counters[i]}/call-next`, { token })));
      for (const [i, r] of res.entries()) await hub.api('POST', `/tickets/${r.body.current.id}/no-show`, { token: tokens[i]! });
    }
    const calls = hub.query<{ ticket_id: number; n: number }>("SELECT ticket_id, count(*) AS n FROM ticket_events WHERE kind = 'call' GROUP BY ticket_id");
    expect(calls).toHaveLength(12);
    expect(calls.every((c) => c.n === 1)).toBe(true);
  });

  it('a paused counter calls nobody until resumed; a called ticket must be dealt with first', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 1);
    await issue(kiosk, 1);
    const clerk = await clerkAt(2);
    const paused = await hub.api('POST', '/counters/2/pause', { token: clerk, body: { paused: true } });
    expect(paused.body.counter.paused).toBe(true);
    expect((await hub.api('GET', '/display', { token: kiosk })).body.counters.find((c: { number: number }) => c.number === 2).paused).toBe(true);
    const refused = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(refused.body.error.code).toBe('COUNTER_PAUSED');
    await hub.api('POST', '/counters/2/pause', { token: clerk, body: { paused: false } });
    expect((await hub.api('POST', '/counters/2/call-next', { token: clerk })).status).toBe(200);
    const busy = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('COUNTER_BUSY');
  });

  it('a clerk cannot call at a counter they have not opened, nor one another clerk holds', async () => {
    hub = await startTestHub();
    const c1 = await clerkAt(1, DEMO.clerk1);
    expect((await hub.api('POST', '/counters/2/call-next', { token: c1 })).body.error.code).toBe('COUNTER_NOT_OPEN');
    const c2 = await hub.login(...DEMO.clerk2);
    const taken = await hub.api('POST', '/counters/1/open', { token: c2 });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('COUNTER_TAKEN');
    // After logout the counter is free again.
    await hub.api('POST', '/auth/logout', { token: c1 });
    expect((await hub.api('POST', '/counters/1/open', { token: c2 })).status).toBe(200);
  });
});

describe('recall, no-show, transfer, requeue', () => {
  it('recalls up to the limit, then asks for a no-show', async () => {
    hub = await startTestHub();
    const admin = await hub.login();
    const settings = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    await hub.api('PUT', '/admin/settings', { token: admin, body: { ...settings, recallLimit: 2 } });
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 1);
    const clerk = await clerkAt(2);
    const id = (await hub.api('POST', '/counters/2/call-next', { token: clerk })).body.current.id;
    expect((await hub.api('POST', `/tickets/${id}/recall`, { token: clerk })).body.current.recallCount).toBe(1);
    expect((await hub.api('POST', `/tickets/${id}/recall`, { token: clerk })).body.current.recallCount).toBe(2);
    const limit = await hub.api('POST', `/tickets/${id}/recall`, { token: clerk });
    expect(limit.status).toBe(409);
    expect(limit.body.error.code).toBe('RECALL_LIMIT');
    const gone = await hub.api('POST', `/tickets/${id}/no-show`, { token: clerk });
    expect(gone.body.current).toBeNull();
    expect(hub.query<{ status: string }>('SELECT status FROM tickets WHERE id = ?', id)[0]!.status).toBe('no_show');
  });

  it('transfer keeps the number and the place in the new service', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    const clock0 = await issue(kiosk, 1); // A001, first of all
    await issue(kiosk, 5); // E001, arrives later
    const clerk = await clerkAt(2);
    const called = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    expect(called.body.current.number).toBe('A001');
    await hub.api('POST', `/tickets/${called.body.current.id}/start`, { token: clerk });
    const same = await hub.api('POST', `/tickets/${called.body.current.id}/transfer`, { token: clerk, body: { serviceId: 1 } });
    expect(same.body.error.code).toBe('SAME_SERVICE');
    const moved = await hub.api('POST', `/tickets/${called.body.current.id}/transfer`, { token: clerk, body: { serviceId: 5 } });
    expect(moved.status).toBe(200);
    expect(moved.body.current).toBeNull();
    const row = hub.query<{ number: string; service_id: number; queued_at: number; status: string }>('SELECT * FROM tickets WHERE id = ?', called.body.current.id)[0]!;
    expect(row).toMatchObject({ number: 'A001', service_id: 5, status: 'waiting', queued_at: clock0.body.ticket.issuedAt });
    // Counter 1 serves E: the transferred A001 comes before E001, which arrived later.
    const c1 = await clerkAt(1, DEMO.clerk2);
    expect((await hub.api('POST', '/counters/1/call-next', { token: c1 })).body.current.number).toBe('A001');
  });

  it('a no-show can be put back in the queue up to the limit', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 1);
    const clerk = await clerkAt(2);
    const id = (await hub.api('POST', '/counters/2/call-next', { token: clerk })).body.current.id;
    await hub.api('POST', `/tickets/${id}/no-show`, { token: clerk });
    expect((await hub.api('POST', `/tickets/${id}/requeue`, { token: clerk })).status).toBe(200);
    expect((await hub.api('POST', '/counters/2/call-next', { token: clerk })).body.current.id).toBe(id);
    await hub.api('POST', `/tickets/${id}/no-show`, { token: clerk });
    const again = await hub.api('POST', `/tickets/${id}/requeue`, { token: clerk });
    expect(again.body.error.code).toBe('REQUEUE_LIMIT');
  });

  it('refuses to finish a ticket that is not being served, and changes nothing', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    await issue(kiosk, 1);
    const clerk = await clerkAt(2);
    const id = (await hub.api('POST', '/counters/2/call-next', { token: clerk })).body.current.id;
    const before = hub.query('SELECT * FROM tickets');
    const r = await hub.api('POST', `/tickets/${id}/finish`, { token: clerk });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_TICKET_STATE');
    expect(r.body.error.message).toMatch(/A001/);
    expect(hub.query('SELECT * FROM tickets')).toEqual(before);
    const other = await clerkAt(1, DEMO.clerk2);
    const notMine = await hub.api('POST', `/tickets/${id}/start`, { token: other });
    expect(notMine.body.error.code).toBe('NOT_YOUR_TICKET');
    expect((await hub.api('POST', '/tickets/999/start', { token: clerk })).body.error.code).toBe('UNKNOWN_TICKET');
    expect(ticketsCount()).toBe(1);
  });
});
