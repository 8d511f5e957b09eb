import http from 'node:http';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Fault = 'pass' | 'drop' | 'delay' | 'duplicate' | 'cut';
export interface FaultPlan {
  /** Probabilities of each fault per request (the rest pass). */
  drop?: number;
  delay?: number;
  duplicate?: number;
  /** Forward, let the server commit, then close the hub's connection without an answer. */
  cut?: number;
  delayMs?: number;
  /** Every request refused at once: the network is down. */
  down?: boolean;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: Fault;
  status: number | null;
}

/**
 * An HTTP proxy between the hub and the district server that misbehaves on
 * purpose: drops requests, delays them, sends them twice, or cuts the answer
 * after the server has committed. Faults are drawn from a seeded PRNG; a hook
 * lets a test act at the exact moment a matching answer is held (kill the hub).
 */
export async function startFaultProxy(target: () => string, seed = 1) {
  let plan: FaultPlan = {};
  const random = seededRandom(seed);
  const log: ProxyLogEntry[] = [];
  /** Called once with the server's answer held back; resolve to deliver it, or throw to cut it. */
  let holdNext: { match: (method: string, path: string) => boolean; onHeld: () => Promise<'deliver' | 'cut'> } | null = null;

  const pick = (): Fault => {
    if (plan.down) return 'drop';
    const r = random();
    let acc = 0;
    for (const f of ['drop', 'delay', 'duplicate', 'cut'] as const) {
      acc += plan[f] ?? 0;
      if (r < acc) return f;
    }
    return 'pass';
  };

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const u = new URL(req.url ?? '/', target());
      const up = http.request(u, { method: req.method, headers: { ...req.headers, host: u.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      up.on('error', reject);
      up.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const path = req.url ?? '/';
        const fault = pick();
        const entry: ProxyLogEntry = { method: req.method ?? 'GET', path, fault, status: null };
        log.push(entry);
        if (fault === 'drop') return req.socket.destroy();
        if (fault === 'delay') await new Promise((r) => setTimeout(r, plan.delayMs ?? 300));
        try {
          const first = forward(req, body);
          // The same request twice at once: the second is a replay the server must refuse without harm.
          if (fault === 'duplicate') void forward(req, body).catch(() => {});
          const answer = await first;
          entry.status = answer.status;
          const hold = holdNext;
          if (hold && hold.match(entry.method, path)) {
            holdNext = null;
            const what = await hold.onHeld().catch(() => 'cut' as const);
            if (what === 'cut') return req.socket.destroy();
          }
          if (fault === 'cut') return req.socket.destroy();
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url,
    log,
    set(p: FaultPlan) {
      plan = p;
    },
    heal() {
      plan = {};
    },
    /** The next answer to a matching request is held until `onHeld` settles (the test kills the hub meanwhile). */
    holdNext(match: (method: string, path: string) => boolean, onHeld: () => Promise<'deliver' | 'cut'>) {
      holdNext = { match, onHeld };
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
