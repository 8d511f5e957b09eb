import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { openSse, type SseConnection } from '../../../bench/lib/sse';
import { API, DEMO } from '../../../bench/lib/hub';
import { summarise, round, type Summary } from '../../../bench/lib/stats';
import { receiptQrPayload } from '../../../src/shared/domain';
import { dossierBody, HubClient, type Method } from './client';
import type { HubProcess } from './hubProcess';
import { prng, type Prng } from './prng';

/**
 * A busy office day, compressed: kiosks issue tickets at the day's rate,
 * counters call, serve, register dossiers for some citizens and hand results
 * back, supervisors watch the figures and mark results ready (as the district
 * would), displays hold the live stream. Every answer's latency is kept per
 * route; every non-2xx that is not "nobody is waiting" is an error; the lag of
 * a call is from the clerk pressing "call" to the event reaching each display.
 */
export interface OfficeShape {
  kiosks: number;
  counters: number;
  displays: number;
  supervisors: number;
}
export const BUSY_OFFICE: OfficeShape = { kiosks: 5, counters: 30, displays: 10, supervisors: 2 };
export const BUSY_DAY = { tickets: 3000, dossiers: 800 };

export interface Office {
  hub: HubProcess;
  /** The same office on another hub process (a copy of its store): every client moves to it. */
  rebind(hub: HubProcess): void;
  kiosks: HubClient[];
  counters: { client: HubClient; counterId: number }[];
  displays: string[];
  supervisors: HubClient[];
  close(): void;
}

export const KIOSK_CONNECTIONS = 8;

/** Each simulated device gets its own loopback source address, as office PCs have their own LAN addresses. */
const addressOf = (n: number) => `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`;

/** Creates the counters and clerks of a big office and connects every device. */
export async function setUpOffice(hub: HubProcess, shape: OfficeShape = BUSY_OFFICE): Promise<Office> {
  let n = 0;
  const admin = new HubClient(hub.url, undefined, addressOf(n++));
  admin.token = (await admin.ok<{ token: string }>('POST', '/auth/login', DEMO.admin)).token;
  const existing = await admin.ok<{ id: number; number: number }[]>('GET', '/counters');
  const counterIds = existing.map((c) => c.id);
  for (let i = existing.length; i < shape.counters; i++) {
    counterIds.push((await admin.ok<{ id: number }>('POST', '/admin/counters', { number: i + 1, name: `Quầy ${i + 1}`, active: true, serviceIds: [1, 2, 3, 4, 5] })).id);
  }
  const pair = async (role: 'kiosk' | 'display', name: string) => {
    const { code } = await admin.ok<{ code: string }>('POST', '/admin/pairing-codes', { role, name });
    // A kiosk holds a few connections at most: beyond that its requests wait in the kiosk, as they would.
    const c = new HubClient(hub.url, undefined, addressOf(n++), KIOSK_CONNECTIONS);
    const { token } = await c.ok<{ token: string }>('POST', '/devices/pair', { code });
    c.token = token;
    return c;
  };
  const kiosks: HubClient[] = [];
  for (let i = 0; i < shape.kiosks; i++) kiosks.push(await pair('kiosk', `Kiosk ${i + 1}`));
  const displays: string[] = [];
  for (let i = 0; i < shape.displays; i++) {
    const d = await pair('display', `Màn hình ${i + 1}`);
    displays.push(d.token!);
    d.close();
  }
  const counters: Office['counters'] = [];
  for (let i = 0; i < shape.counters; i++) {
    const username = `quay${i + 1}`;
    await admin.ok('POST', '/admin/clerks', { username, fullName: `Cán bộ quầy ${i + 1}`, pin: '246810', role: 'clerk' });
    const c = new HubClient(hub.url, undefined, addressOf(n++));
    c.token = (await c.ok<{ token: string }>('POST', '/auth/login', { username, pin: '246810' })).token;
    await c.ok('POST', `/counters/${counterIds[i]}/open`);
    counters.push({ client: c, counterId: counterIds[i]! });
  }
  const supervisors: HubClient[] = [admin];
  for (let i = 1; i < shape.supervisors; i++) {
    const s = new HubClient(hub.url, undefined, addressOf(n++));
    s.token = (await s.ok<{ token: string }>('POST', '/auth/login', DEMO.admin)).token;
    supervisors.push(s);
  }
  const clients = () => [...kiosks, ...supervisors, ...counters.map((c) => c.client)];
  const office: Office = {
    hub,
    kiosks,
    counters,
    displays,
    supervisors,
    rebind(next) {
      office.hub = next;
      for (const c of clients()) c.moveTo(next.url);
    },
    close: () => clients().forEach((c) => c.close()),
  };
  return office;
}

export interface LoadFigures {
  label: string;
  /** Multiple of the busy day's rate. */
  rate: number;
  seconds: number;
  offered: { tickets: number; dossiers: number };
  done: { tickets: number; calls: number; dossiers: number; resultReady: number; handBacks: number };
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorSamples: string[];
  routes: Record<string, Summary>;
  all: Summary;
  displayLag: Summary & { missing: number };
  rssStartMiB: number;
  rssEndMiB: number;
  /** Hub CPU time over wall time (1.0 = one core busy). */
  hubCpu: number;
  /** The same for this process (the simulated devices): if it is near 1, the figures measure the load generator. */
  clientCpu: number;
}

interface Recorder {
  ms: Map<string, number[]>;
  errors: string[];
  requests: number;
}

async function timed<T>(rec: Recorder, c: HubClient, method: Method, p: string, route: string, body?: unknown, okCodes: readonly string[] = []): Promise<{ ok: boolean; body: T; at: number } | null> {
  const at = performance.now();
  rec.requests++;
  try {
    const r = await c.send<T>(method, p, body);
    const key = `${method} ${route}`;
    let list = rec.ms.get(key);
    if (!list) rec.ms.set(key, (list = []));
    list.push(r.ms);
    if (r.status >= 200 && r.status < 300) return { ok: true, body: r.body, at };
    const code = (r.body as { error?: { code?: string } })?.error?.code ?? '';
    if (!okCodes.includes(code)) rec.errors.push(`${key} → ${r.status} ${code}`);
    return { ok: false, body: r.body, at };
  } catch (err) {
    rec.errors.push(`${method} ${route} → ${(err as Error).message}`);
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Exponential waiting time with the given mean (Poisson arrivals). */
const expo = (rnd: Prng, mean: number) => -Math.log(1 - rnd.next()) * mean;

function cpuSeconds(pid: number): number {
  try {
    // utime + stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Runs the day's mix at `rate` × the busy day for `seconds` (the busy day's
 * 3 000 tickets and 800 dossiers, compressed into `daySeconds` at rate 1).
 */
export async function runOfficeLoad(office: Office, opts: { label: string; rate: number; seconds: number; daySeconds: number; seed: number }): Promise<LoadFigures> {
  const rnd = prng(opts.seed);
  const rec: Recorder = { ms: new Map(), errors: [], requests: 0 };
  const ticketsPerSecond = (BUSY_DAY.tickets / opts.daySeconds) * opts.rate;
  const offeredTickets = Math.round(ticketsPerSecond * opts.seconds);
  const dossierShare = BUSY_DAY.dossiers / BUSY_DAY.tickets;
  // Enough counters for the day: each serves for the time that keeps the queue level at this rate.
  const serveMeanMs = (office.counters.length / ticketsPerSecond) * 1000 * 0.9;
  const done = { tickets: 0, calls: 0, dossiers: 0, resultReady: 0, handBacks: 0 };
  const registered: { code: string; secret: string }[] = [];
  const ready: { code: string; secret: string }[] = [];
  const callSentAt = new Map<number, number>();
  const arrivals = new Map<number, number[]>();
  const rss0 = office.hub.rss();
  const cpu0 = cpuSeconds(office.hub.pid);
  const ownCpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  const live = () => performance.now() < end;

  const streams: SseConnection[] = [];
  const agent = new http.Agent({ keepAlive: true });
  for (const token of office.displays) {
    streams.push(
      await openSse(`${office.hub.url}${API}/events?access_token=${encodeURIComponent(token)}`, agent, (e) => {
        if (e.event !== 'call') return;
        const data = JSON.parse(e.data) as { ticketId: number; recall: boolean };
        if (data.recall) return;
        let list = arrivals.get(data.ticketId);
        if (!list) arrivals.set(data.ticketId, (list = []));
        list.push(e.at);
      }),
    );
  }

  const inFlight: Promise<unknown>[] = [];
  // Kiosks: open loop (citizens do not wait for the hub to be quick), Poisson arrivals shared across kiosks.
  const kioskLoop = async () => {
    let next = performance.now();
    for (let i = 0; i < offeredTickets; i++) {
      next += expo(rnd, 1000 / ticketsPerSecond);
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      if (!live()) break;
      const kiosk = office.kiosks[i % office.kiosks.length]!;
      const body = { serviceId: rnd.int(1, 5), priority: rnd.chance(0.08) ? 'elderly' : null };
      inFlight.push(timed(rec, kiosk, 'POST', '/tickets', '/tickets', body).then((r) => r?.ok && done.tickets++));
    }
  };

  const counterLoop = async (c: HubClient, counterId: number) => {
    while (live()) {
      const called = await timed<{ current: { id: number; status: string } | null }>(rec, c, 'POST', `/counters/${counterId}/call-next`, '/counters/:id/call-next', undefined, ['NOTHING_WAITING']);
      const current = called?.ok ? called.body.current : null;
      if (!current || current.status !== 'called') {
        await sleep(150 + rnd.int(0, 150));
        continue;
      }
      done.calls++;
      callSentAt.set(current.id, called!.at);
      await sleep(rnd.int(50, 200)); // the citizen walks to the counter
      await timed(rec, c, 'POST', `/tickets/${current.id}/start`, '/tickets/:id/start');
      await sleep(expo(rnd, serveMeanMs * 0.6));
      if (rnd.chance(dossierShare)) {
        const d = await timed<{ code: string; secret: string }>(rec, c, 'POST', '/dossiers', '/dossiers', { ...dossierBody(done.dossiers + 1), ticketId: current.id });
        if (d?.ok) {
          done.dossiers++;
          registered.push({ code: d.body.code, secret: d.body.secret });
        }
      } else if (ready.length && rnd.chance(0.3)) {
        const d = ready.shift()!;
        const r = await timed(rec, c, 'POST', `/dossiers/${encodeURIComponent(d.code)}/hand-back`, '/dossiers/:code/hand-back', { scanned: receiptQrPayload(d.code, d.secret) });
        if (r?.ok) done.handBacks++;
      }
      await sleep(expo(rnd, serveMeanMs * 0.4));
      if (rnd.chance(0.5)) await timed(rec, c, 'POST', `/tickets/${current.id}/finish`, '/tickets/:id/finish');
    }
  };

  const supervisorLoop = async (s: HubClient, marksReady: boolean) => {
    while (live()) {
      await timed(rec, s, 'GET', '/display', '/display');
      await timed(rec, s, 'GET', '/dossiers?limit=50', '/dossiers');
      await timed(rec, s, 'GET', '/counters', '/counters');
      if (registered.length) {
        const d = registered[rnd.int(0, registered.length - 1)]!;
        await timed(rec, s, 'GET', `/dossiers/${encodeURIComponent(d.code)}`, '/dossiers/:code');
      }
      // The district's "result ready" for the older half of what is open.
      if (marksReady) {
        for (let k = 0; k < Math.max(1, Math.round(opts.rate)) && registered.length > 4; k++) {
          const d = registered.shift()!;
          const r = await timed(rec, s, 'POST', `/dossiers/${encodeURIComponent(d.code)}/result-ready`, '/dossiers/:code/result-ready', {});
          if (r?.ok) {
            done.resultReady++;
            ready.push(d);
          }
        }
      }
      await sleep(1000 / Math.max(1, opts.rate));
    }
  };

  await Promise.all([
    kioskLoop(),
    ...office.counters.map((c) => counterLoop(c.client, c.counterId)),
    ...office.supervisors.map((s, i) => supervisorLoop(s, i === 0)),
  ]);
  await Promise.all(inFlight);
  const seconds = (performance.now() - t0) / 1000;
  await sleep(300); // the last calls' events
  for (const s of streams) s.close();
  agent.destroy();

  const lags: number[] = [];
  let missing = 0;
  for (const [id, sent] of callSentAt) {
    const got = arrivals.get(id) ?? [];
    missing += office.displays.length - got.length;
    for (const at of got) lags.push(at - sent);
  }
  const routes: Record<string, Summary> = {};
  const all: number[] = [];
  for (const [k, v] of [...rec.ms].sort(([a], [b]) => a.localeCompare(b))) {
    routes[k] = roundSummary(summarise(v));
    all.push(...v);
  }
  return {
    label: opts.label,
    rate: opts.rate,
    seconds: round(seconds, 1),
    offered: { tickets: offeredTickets, dossiers: Math.round(offeredTickets * dossierShare) },
    done,
    requests: rec.requests,
    requestsPerSecond: round(rec.requests / seconds, 1),
    errors: rec.errors.length,
    errorSamples: [...new Set(rec.errors)].slice(0, 10),
    routes,
    all: roundSummary(summarise(all)),
    displayLag: { ...roundSummary(summarise(lags)), missing },
    rssStartMiB: round(rss0 / 2 ** 20, 1),
    rssEndMiB: round(office.hub.rss() / 2 ** 20, 1),
    hubCpu: round((cpuSeconds(office.hub.pid) - cpu0) / seconds, 2),
    clientCpu: round(((u) => (u.user + u.system) / 1e6)(process.cpuUsage(ownCpu0)) / seconds, 2),
  };
}

const roundSummary = (s: Summary): Summary => ({ n: s.n, p50: round(s.p50, 1), p95: round(s.p95, 1), p99: round(s.p99, 1), max: round(s.max, 1), mean: round(s.mean, 1) });
