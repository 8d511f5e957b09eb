/**
 * "People ahead" as the kiosk reads it (the answer of POST /tickets) against
 * what the counters then really do over HTTP: the open counters call next in
 * turn, in counter order, and nothing new arrives until the ticket is called.
 * Six rounds on one hub, so the counters' interleave counts and the leftover
 * queue of one round are the starting state of the next.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
afterEach(async () => hub?.close());

/** Demo office: services 1..5 = A..E; counter 1 serves A and E, 2 serves A, 3 serves B, 4 serves C and D, 5 serves all. */
const SERVES: Record<number, number[]> = { 1: [1, 5], 2: [1], 3: [2], 4: [3, 4], 5: [1, 2, 3, 4, 5] };
const SERVICE_MINUTES = 2;

/** A small seeded generator: the same queues on every run. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n); // the high bits: an LCG's low bits repeat with a short period
  };
}

describe('people ahead, as the kiosk is told, against the calls that follow', () => {
  it('names the position at which the ticket is really called, priority or not, over several counters', async () => {
    const clock = fakeClock('2026-11-24T00:30:00Z'); // 07:30 in Hà Nội
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.login();
    const settings = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    expect((await hub.api('PUT', '/admin/settings', { token: admin, body: { ...settings, priorityInterleave: 2, defaultServiceMinutes: SERVICE_MINUTES } })).status).toBe(200);
    expect((await hub.api('POST', '/admin/clerks', { token: admin, body: { username: 'canbo3', fullName: 'Lê Thị Hoa', pin: '333333', role: 'clerk' } })).status).toBe(200);
    const clerks: Record<number, string> = {
      1: await hub.login(...DEMO.clerk1),
      2: await hub.login(...DEMO.clerk2),
      3: await hub.login('canbo3', '333333'),
      5: admin,
    };
    for (const [id, token] of Object.entries(clerks)) expect((await hub.api('POST', `/counters/${id}/open`, { token })).status).toBe(200);
    const kiosk = await hub.pairDevice('kiosk');
    const issue = async (serviceId: number, priority: string | null) => {
      const r = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId, priority } });
      expect(r.status).toBe(200);
      return r.body as { ticket: { id: number; number: string; serviceId: number }; ahead: number | null; estimatedWaitMinutes: number | null };
    };

    const rand = lcg(11);
    const order = Object.keys(clerks).map(Number).sort((a, b) => a - b);
    let priorityTargets = 0;
    for (let round = 0; round < 6; round++) {
      // Services A, B, C and E have an open counter (D's counter 4 is closed, and D is left out here).
      for (let i = 0, n = 3 + rand(6); i < n; i++) await issue([1, 2, 3, 5][rand(4)]!, rand(3) === 0 ? 'elderly' : null);
      const wantPriority = round % 2 === 0;
      const target = await issue([1, 1, 2, 5][rand(4)]!, wantPriority ? 'pregnant' : null);
      if (wantPriority) priorityTargets++;
      expect(target.ahead, `round ${round}`).not.toBeNull();

      // The counters call in turn; each starts serving what it called and finishes it SERVICE_MINUTES later.
      const callsBefore: { counter: number; number: string }[] = [];
      let calledBy: number | null = null;
      while (calledBy === null) {
        let calledThisRound = false;
        for (const c of order) {
          const r = await hub.api('POST', `/counters/${c}/call-next`, { token: clerks[c] });
          if (r.status === 409 && r.body.error.code === 'NOTHING_WAITING') continue;
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          calledThisRound = true;
          const current = r.body.current as { id: number; number: string };
          expect((await hub.api('POST', `/tickets/${current.id}/start`, { token: clerks[c] })).status).toBe(200);
          clock.advance(SERVICE_MINUTES * 60_000);
          expect((await hub.api('POST', `/tickets/${current.id}/finish`, { token: clerks[c] })).status).toBe(200);
          if (current.id === target.ticket.id) {
            calledBy = c;
            break;
          }
          callsBefore.push({ counter: c, number: current.number });
        }
        expect(calledThisRound, `round ${round}: the queue ran dry before ${target.ticket.number} was called`).toBe(true);
      }
      const servingIt = callsBefore.filter((x) => SERVES[x.counter]!.includes(target.ticket.serviceId));
      expect(target.ahead, `round ${round}: ${target.ticket.number} was called after ${servingIt.map((x) => x.number).join(', ')}`).toBe(servingIt.length);
      // Every counter was free when the ticket was issued, so the wait is its own counter's calls before it.
      const turns = callsBefore.filter((x) => x.counter === calledBy).length;
      expect(target.estimatedWaitMinutes, `round ${round}`).toBe(turns * SERVICE_MINUTES);
    }
    expect(priorityTargets).toBe(3);
  });

  it('says no counter serves the service when none is open (a paused one does not count), and answers bad input with a clear error', async () => {
    hub = await startTestHub();
    const kiosk = await hub.pairDevice('kiosk');
    const admin = await hub.login();
    // Service D (4) is served by counters 4 and 5: 4 is closed, 5 is open but paused.
    await hub.api('POST', '/counters/5/open', { token: admin });
    await hub.api('POST', '/counters/5/pause', { token: admin, body: { paused: true } });
    const d = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 4, priority: null } });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ ahead: null, estimatedWaitMinutes: null });
    // The printed ticket says the same.
    const pdf = await fetch(`${hub.url}/api/v1/tickets/${d.body.ticket.id}/pdf?lang=vi`, { headers: { authorization: `Bearer ${kiosk}` } });
    expect(pdf.status).toBe(200);
    // Once the counter resumes, the same kind of ticket gets a number again.
    await hub.api('POST', '/counters/5/pause', { token: admin, body: { paused: false } });
    const d2 = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 4, priority: null } });
    expect(d2.body).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 });

    const before = hub.query<{ n: number }>('SELECT count(*) AS n FROM tickets')[0]!.n;
    const bad = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 99, priority: null } });
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe('UNKNOWN_SERVICE');
    const worse = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: 'vip' } });
    expect(worse.status).toBe(400);
    expect(worse.body.error.code).toBe('VALIDATION_FAILED');
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM tickets')[0]!.n).toBe(before);
  });
});
