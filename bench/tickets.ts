/**
 * Tickets under load: 100 concurrent kiosk clients (one keep-alive connection
 * each) take tickets in a loop, spread over the 5 services. Throughput,
 * latency, and no duplicate number per office day, both in the answers and in
 * the store afterwards. Baseline: the same load on a minimal Fastify server
 * doing one INSERT per request with the hub's pragmas (bench/servers/sqlite-insert.ts).
 */
import path from 'node:path';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { keepAliveAgent, request } from './lib/http';
import { startServer } from './lib/proc';
import { summarise } from './lib/stats';
import { API, DEMO, login, pairDevice, startHub, tempDir } from './lib/hub';

export interface TicketsConfig {
  clients: number;
  perClient: number;
  /** Untimed requests per client first (opens the connections, warms the JIT); they count in the checks. */
  warmupPerClient: number;
  services: number;
}
export const TICKETS_DEFAULTS: TicketsConfig = { clients: 100, perClient: 20, warmupPerClient: 1, services: 5 };

export interface LoadFigures {
  ticketsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  errors: number;
  wallMs: number;
  /** Throughput over the first and the last 10 % of the measured requests to complete (the hub's waiting queue grows through the run). */
  firstTenthPerSecond: number;
  lastTenthPerSecond: number;
}

interface LoadResult {
  figures: LoadFigures;
  bodies: unknown[];
}

async function load(url: string, token: string | undefined, cfg: TicketsConfig): Promise<LoadResult> {
  const agents = Array.from({ length: cfg.clients }, () => keepAliveAgent(1));
  const bodies: unknown[] = [];
  const errors: string[] = [];
  const one = async (client: number, k: number, timed: { lat: number[]; done: number[] } | undefined) => {
    const serviceId = ((client + k) % cfg.services) + 1;
    const r = await request(agents[client]!, 'POST', url, { token, body: { serviceId, priority: null } });
    if (r.status === 200) bodies.push(r.body);
    else errors.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    timed?.lat.push(r.ms);
    timed?.done.push(performance.now());
  };
  try {
    await Promise.all(agents.map(async (_, c) => {
      for (let k = 0; k < cfg.warmupPerClient; k++) await one(c, k, undefined);
    }));
    const timed = { lat: [] as number[], done: [] as number[] };
    const t0 = performance.now();
    await Promise.all(agents.map(async (_, c) => {
      for (let k = 0; k < cfg.perClient; k++) await one(c, cfg.warmupPerClient + k, timed);
    }));
    const wallMs = performance.now() - t0;
    const s = summarise(timed.lat);
    const tenth = Math.max(2, Math.floor(timed.done.length / 10));
    const rate = (from: number, to: number) => ((to - from) / (timed.done[to]! - timed.done[from]!)) * 1000;
    if (errors.length) console.error(`  ${errors.length} failed requests, e.g. ${errors[0]}`);
    return {
      figures: {
        ticketsPerSecond: (timed.lat.length / wallMs) * 1000,
        p50: s.p50,
        p95: s.p95,
        p99: s.p99,
        max: s.max,
        ok: bodies.length,
        errors: errors.length,
        wallMs,
        firstTenthPerSecond: rate(0, tenth - 1),
        lastTenthPerSecond: rate(timed.done.length - tenth, timed.done.length - 1),
      },
      bodies,
    };
  } finally {
    for (const a of agents) a.destroy();
  }
}

export interface HubTicketsResult extends LoadFigures {
  duplicatesInAnswers: number;
  duplicatesInStore: number;
  storeCount: number;
  /** Store count equals the number of 200 answers and no number repeats in a day, in the answers or in the store. */
  consistent: boolean;
}

/** The hub, with one paired kiosk token shared by all clients (the per-request device check is one indexed SELECT however many kiosks there are) and three counters open. */
export async function runHubTickets(hubScript: string, cfg: TicketsConfig = TICKETS_DEFAULTS): Promise<HubTicketsResult> {
  const hub = await startHub(hubScript);
  let result: LoadResult;
  try {
    const agent = keepAliveAgent();
    const admin = await login(agent, hub.url, DEMO.admin);
    const kiosk = await pairDevice(agent, hub.url, admin, 'kiosk', 'Bench kiosk');
    // Three open counters (as in call-to-display), so each ticket's "people ahead" runs the whole
    // forecast (the counters calling in turn under nextCall) over the growing queue, not its
    // no-open-counter shortcut. Nobody calls: the queue grows to 2 100.
    const seats = [
      { counterId: 1, token: admin },
      { counterId: 3, token: await login(agent, hub.url, DEMO.canbo1) },
      { counterId: 4, token: await login(agent, hub.url, DEMO.canbo2) },
    ];
    for (const s of seats) {
      const r = await request(agent, 'POST', `${hub.url}${API}/counters/${s.counterId}/open`, { token: s.token });
      if (r.status !== 200) throw new Error(`opening counter ${s.counterId}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    agent.destroy();
    result = await load(`${hub.url}${API}/tickets`, kiosk, cfg);
    await hub.stop();

    const keys = result.bodies.map((b) => {
      const t = (b as { ticket: { officeDay: string; number: string } }).ticket;
      return `${t.officeDay}|${t.number}`;
    });
    const duplicatesInAnswers = keys.length - new Set(keys).size;
    const db = new Database(path.join(hub.dataDir, 'motcua.sqlite'), { readonly: true, fileMustExist: true });
    let duplicatesInStore: number;
    let storeCount: number;
    try {
      duplicatesInStore = db.prepare('SELECT office_day, number, count(*) AS n FROM tickets GROUP BY 1, 2 HAVING count(*) > 1').all().length;
      storeCount = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    } finally {
      db.close();
    }
    return {
      ...result.figures,
      duplicatesInAnswers,
      duplicatesInStore,
      storeCount,
      consistent: duplicatesInAnswers === 0 && duplicatesInStore === 0 && storeCount === result.figures.ok,
    };
  } finally {
    await hub.dispose();
  }
}

export async function runBaselineTickets(insertScript: string, cfg: TicketsConfig = TICKETS_DEFAULTS): Promise<LoadFigures> {
  const dir = tempDir('motcua-bench-sqlite-');
  const server = await startServer(insertScript, { BENCH_PORT: '0', BENCH_HOST: '127.0.0.1', BENCH_DB: path.join(dir, 'baseline.sqlite') }, /^SQLite insert baseline on /);
  try {
    return (await load(`${server.url}/tickets`, undefined, cfg)).figures;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
