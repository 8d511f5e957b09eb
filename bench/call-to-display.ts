/**
 * Call-to-display: how long from a clerk pressing "call next" until every
 * lobby screen has the `call` event. 20 SSE display clients, 200 measured calls.
 * Baseline: a bare node:http SSE echo server (bench/servers/sse-echo.ts) fed the
 * same way, 20 clients, 200 posts.
 */
import { performance } from 'node:perf_hooks';
import { keepAliveAgent, call } from './lib/http';
import { Audience } from './lib/sse';
import { startServer } from './lib/proc';
import { summarise } from './lib/stats';
import { API, DEMO, login, pairDevice, startHub } from './lib/hub';

export interface CallConfig {
  displays: number;
  calls: number;
  warmup: number;
}
export const CALL_DEFAULTS: CallConfig = { displays: 20, calls: 200, warmup: 10 };

export interface FanOutFigures {
  /** Over all displays × calls: send of the request → event at that display (ms). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Per call, the slowest display. */
  lastP50: number;
  lastP95: number;
  /** The request's own round trip (call-next answer, or the echo's 204). */
  responseP50: number;
  samples: number;
}

/**
 * Runs `warmup + calls` sequential sends; each waits until every display has
 * the event (matched by key) before the next one, then `after` (untimed).
 */
async function measure(audience: Audience, cfg: CallConfig, send: (i: number) => Promise<{ key: string; ms: number }>, after?: (i: number) => Promise<void>): Promise<FanOutFigures> {
  const all: number[] = [];
  const last: number[] = [];
  const responses: number[] = [];
  for (let i = 0; i < cfg.warmup + cfg.calls; i++) {
    const t0 = performance.now();
    const { key, ms } = await send(i);
    const arrivals = await audience.waitForAll(key);
    if (i >= cfg.warmup) {
      const lat = arrivals.map((a) => a - t0);
      all.push(...lat);
      last.push(Math.max(...lat));
      responses.push(ms);
    }
    if (after) await after(i);
  }
  const a = summarise(all);
  const l = summarise(last);
  return { p50: a.p50, p95: a.p95, p99: a.p99, max: a.max, lastP50: l.p50, lastP95: l.p95, responseP50: summarise(responses).p50, samples: a.n };
}

interface CounterStateBody {
  current: { id: number; number: string; status: string } | null;
}

/**
 * The hub: three clerks (admin, canbo1, canbo2; a clerk sits at one counter at a
 * time, so three logins give three counters) at counters 1 (A, E), 3 (B) and
 * 4 (C, D), which serve disjoint services, so each has its own queue of tickets
 * issued beforehand by a paired kiosk. Displays: 4 paired display devices, the
 * 20 SSE connections spread over their tokens (pairing is limited to 10 a
 * minute per address; a token is checked once, when the stream opens).
 * `dataDir`: run on a copy of an existing office (the aged store) instead of a new one.
 */
export async function runHubCalls(hubScript: string, cfg: CallConfig = CALL_DEFAULTS, dataDir?: string): Promise<FanOutFigures> {
  const hub = await startHub(hubScript, dataDir);
  const agent = keepAliveAgent();
  const sseAgent = keepAliveAgent();
  const audience = new Audience('call', (d) => (d as { ticketNumber: string }).ticketNumber);
  try {
    const base = hub.url;
    const admin = await login(agent, base, DEMO.admin);
    const kiosk = await pairDevice(agent, base, admin, 'kiosk', 'Bench kiosk');
    const displayTokens: string[] = [];
    for (let i = 0; i < 4; i++) displayTokens.push(await pairDevice(agent, base, admin, 'display', `Bench display ${i + 1}`));
    const seats = [
      { counterId: 1, token: admin, services: [1, 5] },
      { counterId: 3, token: await login(agent, base, DEMO.canbo1), services: [2] },
      { counterId: 4, token: await login(agent, base, DEMO.canbo2), services: [3, 4] },
    ];
    for (const s of seats) await call(agent, 'POST', `${base}${API}/counters/${s.counterId}/open`, { token: s.token });

    // Enough waiting tickets for every counter's share of the calls, plus a margin.
    const perSeat = Math.ceil((cfg.calls + cfg.warmup) / seats.length) + 5;
    for (let k = 0; k < perSeat; k++) {
      for (const s of seats) {
        await call(agent, 'POST', `${base}${API}/tickets`, { token: kiosk, body: { serviceId: s.services[k % s.services.length], priority: null } });
      }
    }

    const urls = Array.from({ length: cfg.displays }, (_, i) => `${base}${API}/events?access_token=${encodeURIComponent(displayTokens[i % displayTokens.length]!)}`);
    await audience.connect(urls, sseAgent, (e) => e.event === 'hello');

    let current: { id: number; token: string } | undefined;
    return await measure(
      audience,
      cfg,
      async (i) => {
        const seat = seats[i % seats.length]!;
        const t0 = performance.now();
        const state = await call<CounterStateBody>(agent, 'POST', `${base}${API}/counters/${seat.counterId}/call-next`, { token: seat.token });
        const ms = performance.now() - t0;
        if (!state.current || state.current.status !== 'called') throw new Error(`call-next at counter ${seat.counterId} returned no called ticket`);
        current = { id: state.current.id, token: seat.token };
        return { key: state.current.number, ms };
      },
      // The clerk starts serving; the counter's next call-next finishes this ticket.
      async () => {
        await call(agent, 'POST', `${base}${API}/tickets/${current!.id}/start`, { token: current!.token });
      },
    );
  } finally {
    audience.close();
    agent.destroy();
    sseAgent.destroy();
    await hub.dispose();
  }
}

/** The baseline: the same audience and sequence against the bare SSE echo server. */
export async function runEchoCalls(echoScript: string, cfg: CallConfig = CALL_DEFAULTS): Promise<FanOutFigures> {
  const server = await startServer(echoScript, { BENCH_PORT: '0', BENCH_HOST: '127.0.0.1' }, /^SSE echo on /);
  const agent = keepAliveAgent();
  const sseAgent = keepAliveAgent();
  const audience = new Audience('call', (d) => (d as { ticketNumber: string }).ticketNumber);
  try {
    const urls = Array.from({ length: cfg.displays }, () => `${server.url}/events`);
    await audience.connect(urls, sseAgent, (e) => e.event === 'hello');
    return await measure(audience, cfg, async (i) => {
      const key = `E${String(i).padStart(4, '0')}`;
      // A body the size and shape of the hub's CallEvent.
      const body = { ticketId: i + 1, ticketNumber: key, counterId: 1, counterNumber: 1, counterName: 'Quầy 1', serviceNameVi: 'Tư pháp – Hộ tịch', serviceNameEn: 'Justice and civil status', recall: false, at: Date.now() };
      const t0 = performance.now();
      await call(agent, 'POST', `${server.url}/echo`, { body });
      return { key, ms: performance.now() - t0 };
    });
  } finally {
    audience.close();
    agent.destroy();
    sseAgent.destroy();
    await server.stop();
  }
}
