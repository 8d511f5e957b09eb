import { hostname } from 'node:os';
import type { Store } from '../db/store';
import { createSyncClient, newKeyPair, SyncHttpError, type SyncClient } from './client';
import { syncState } from './state';
import { createProjector } from './project';
import { createPusher } from './push';
import { createPuller } from './pull';
import { onEnqueue } from './outbox';
import { backoffDelay } from './backoff';
import { AppError } from '../../shared/api';
import { enrolResponse, helloResponse, type SyncStatus } from '../../shared/api/sync';

export interface SyncOptions {
  /** Hub's clock (may be wrong; signatures use the server's time learnt from its answers). */
  now?: () => number;
  pushIntervalMs?: number;
  pullIntervalMs?: number;
  digestIntervalMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  timeoutMs?: number;
  /** Tests: pretend to speak another protocol or schema version. */
  protocolVersion?: number;
  schemaVersion?: number;
  /** Start the timers (false in tests that drive the engine by hand). */
  autoStart?: boolean;
}

/**
 * When sync runs: a push on every outbox insert, on reconnect and on a
 * timer; a pull on a timer and on demand; after a failure, exponential
 * backoff with jitter. One push and one pull at a time; a request for more
 * while one runs is remembered and run after it.
 */
export function createSyncEngine(store: Store, options: SyncOptions = {}) {
  const now = options.now ?? Date.now;
  const state = syncState(store.db);
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
  const projector = createProjector(store, now);
  let client: SyncClient | null = null;
  let online = false;
  let failures = 0;
  /** stop() was called: loops end, nothing new is scheduled. */
  let stopped = false;
  /** Timers and retries run only after start(): a hub with autoStart false syncs only when asked. */
  let started = false;
  const timers = new Set<NodeJS.Timeout>();

  function makeClient(url: string): SyncClient {
    return createSyncClient({
      baseUrl: url,
      identity: () => {
        const hubId = state.get('hubId');
        const privateKey = state.get('privateKey');
        return hubId && privateKey ? { hubId, privateKey } : null;
      },
      now,
      clockOffset: () => state.get('clockOffset') ?? 0,
      onServerTime: (offset) => {
        // Only a large change is written: the offset drifts by milliseconds with every answer.
        if (Math.abs(offset - (state.get('clockOffset') ?? 0)) > 2000) state.set('clockOffset', Math.round(offset));
      },
      timeoutMs: options.timeoutMs,
      protocolVersion: options.protocolVersion,
      schemaVersion: options.schemaVersion,
    });
  }
  const url = state.get('serverUrl');
  if (url) client = makeClient(url);

  const pusher = createPusher(store, state, () => client, projector, now);
  const puller = createPuller(store, state, () => client, projector, now);

  // ---- outcome bookkeeping ------------------------------------------------------------

  function succeeded(): void {
    const wasOffline = !online;
    online = true;
    failures = 0;
    state.set('lastContactAt', now());
    if (state.get('updateRequired')) state.set('updateRequired', 0);
    if (state.get('lastError')) state.set('lastError', null);
    // Reconnected: send what piled up and fetch what changed.
    if (wasOffline) {
      schedulePush(0);
      schedulePull(0);
    }
  }
  function failed(err: unknown): void {
    online = false;
    failures++;
    const message = err instanceof Error ? err.message : String(err);
    state.set('lastError', message.slice(0, 500));
    if (err instanceof SyncHttpError && err.code === 'VERSION_UNSUPPORTED') state.set('updateRequired', 1);
  }
  const retryDelay = () => {
    // An unsupported version will not heal by retrying quickly: look again every 10 minutes.
    if (state.get('updateRequired')) return 10 * 60_000;
    return backoffDelay(failures, backoff);
  };

  // ---- single-flight runners ------------------------------------------------------------

  function runner(work: () => Promise<void>, schedule: (ms: number) => void) {
    let running: Promise<void> | null = null;
    let again = false;
    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await work();
            succeeded();
          } catch (err) {
            failed(err);
            if (!stopped) schedule(retryDelay());
            return;
          }
        } while (again && !stopped);
      })().finally(() => {
        running = null;
      });
      return running;
    };
    return { run, idle: () => running ?? Promise.resolve() };
  }

  let helloDone = false;
  const push = runner(async () => {
    // First contact after start: a hub restored from a backup finds out here, before sending anything.
    if (!helloDone && client) {
      await hello();
      helloDone = true;
    }
    for (;;) {
      const r = await pusher.pushBatch();
      if (!r.more || stopped) return;
    }
  }, (ms) => schedulePush(ms));
  const pull = runner(async () => {
    for (;;) {
      const r = await puller.pullPage();
      if (!r.more || stopped) return;
    }
  }, (ms) => schedulePull(ms));

  function later(ms: number, fn: () => void): void {
    if (stopped || !started) return;
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  }
  let pushQueued = false;
  let pullQueued = false;
  function schedulePush(ms: number): void {
    if (pushQueued) return;
    pushQueued = true;
    later(ms, () => {
      pushQueued = false;
      void push.run();
    });
  }
  function schedulePull(ms: number): void {
    if (pullQueued) return;
    pullQueued = true;
    later(ms, () => {
      pullQueued = false;
      void pull.run();
    });
  }

  let unsubscribe: (() => void) | null = null;
  let intervals: NodeJS.Timeout[] = [];
  function start(): void {
    stopped = false;
    started = true;
    unsubscribe = onEnqueue(store.db, () => {
      // Backing off after a failure: the retry timer will take this row too.
      if (failures === 0) void push.run();
    });
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      intervals.push(t);
    };
    every(options.pushIntervalMs ?? 30_000, () => failures === 0 && void push.run());
    every(options.pullIntervalMs ?? 60_000, () => failures === 0 && void pull.run());
    every(options.digestIntervalMs ?? 15 * 60_000, () => void digest());
    if (client) {
      schedulePush(0);
      schedulePull(0);
    }
  }
  async function stop(): Promise<void> {
    stopped = true;
    unsubscribe?.();
    for (const t of intervals) clearInterval(t);
    intervals = [];
    for (const t of timers) clearTimeout(t);
    timers.clear();
    pushQueued = pullQueued = false;
    await Promise.allSettled([push.idle(), pull.idle()]);
  }

  async function digest(): Promise<boolean | null> {
    try {
      const r = await puller.checkDigest();
      if (r === false) schedulePull(0);
      return r;
    } catch {
      return null;
    }
  }

  // ---- set-up ---------------------------------------------------------------------------

  /** The office admin's enrolment: URL + one-time code → hub id, epoch; the key pair is made here and never sent but for its public half. */
  async function enrol(serverUrl: string, code: string): Promise<SyncStatus> {
    if (state.get('hubId')) throw new AppError(409, 'ALREADY_ENROLLED', 'This hub is already enrolled with a district server.');
    const keys = newKeyPair();
    const c = makeClient(serverUrl);
    let answer;
    try {
      answer = enrolResponse.parse(await c.unsigned('POST', '/enrol', { code, publicKey: keys.publicKey, hubName: `${store.settings.office().name} (${hostname()})`.slice(0, 200) }, 5000));
    } catch (err) {
      if (err instanceof SyncHttpError) {
        if (err.code === 'INVALID_ENROLMENT_CODE') throw new AppError(400, 'VALIDATION_FAILED', 'The district server refused this enrolment code: it is unknown, used or expired. Ask the district for a new one.', [{ path: 'code', message: 'unknown, used or expired', rule: 'enrolment_code' }]);
        if (err.code === 'VERSION_UNSUPPORTED') throw new AppError(409, 'UPDATE_REQUIRED', `Update required: ${err.message}`);
        throw new AppError(409, 'DISTRICT_UNREACHABLE', `The district server at ${serverUrl} could not be reached (${err.message}). Check the address and the network.`);
      }
      throw err;
    }
    store.write(() => {
      const pendingFirst = store.db.prepare<[], { seq: number }>("SELECT seq FROM sync_outbox WHERE status = 'pending' ORDER BY seq LIMIT 1").get();
      const last = store.db.prepare<[], { m: number | null }>('SELECT max(seq) AS m FROM sync_outbox').get()!.m ?? 0;
      state.set('serverUrl', c.baseUrl);
      state.set('hubId', answer.hubId);
      state.set('officeId', answer.officeId);
      state.set('officeName', answer.officeName);
      state.set('privateKey', keys.privateKey);
      state.set('publicKey', keys.publicKey);
      state.set('epoch', answer.epoch);
      // Changes made before enrolment are sent too: the epoch starts before the first pending one.
      state.set('epochBase', pendingFirst ? pendingFirst.seq - 1 : last);
      state.set('cursor', 0);
      state.set('clockOffset', Math.round(answer.serverTime - now()));
    });
    client = c;
    online = true;
    failures = 0;
    if (!stopped) {
      schedulePush(0);
      schedulePull(0);
    }
    return status();
  }

  /** At start: does the server's record of this hub match our outbox? (A restored hub finds out here.) */
  async function hello(): Promise<void> {
    if (!client) return;
    const h = helloResponse.parse(await client.signed('GET', '/hello'));
    const max = store.db.prepare<[], { m: number | null }>('SELECT max(seq) AS m FROM sync_outbox').get()!.m ?? 0;
    if (h.epoch !== state.get('epoch') || h.lastSeq > max - (state.get('epochBase') ?? 0)) await pusher.reepoch(client);
  }

  function status(): SyncStatus {
    const db = store.db;
    const o = db.prepare<[], { n: number; oldest: number | null }>("SELECT count(*) AS n, min(created_at) AS oldest FROM sync_outbox WHERE status = 'pending'").get()!;
    const rejected = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE status = 'rejected' AND resolved_at IS NULL").get()!.n;
    const digestOk = state.get('lastDigestOk');
    return {
      enrolled: state.get('hubId') !== null,
      serverUrl: state.get('serverUrl'),
      hubId: state.get('hubId'),
      officeName: state.get('officeName'),
      epoch: state.get('epoch'),
      online,
      updateRequired: state.get('updateRequired') === 1,
      lastPushAt: state.get('lastPushAt'),
      lastPullAt: state.get('lastPullAt'),
      lastContactAt: state.get('lastContactAt'),
      cursor: state.get('cursor') ?? 0,
      outboxDepth: o.n,
      oldestPendingAt: o.oldest,
      rejectedCount: rejected,
      lastError: state.get('lastError'),
      lastDigestOk: digestOk === null ? null : digestOk === 1,
    };
  }

  function rejected() {
    const rows = store.db
      .prepare<[], { seq: number; mutation_id: string; kind: string; payload: string; reason: string | null; created_at: number; resolved_at: number | null }>(
        "SELECT seq, mutation_id, kind, payload, reason, created_at, resolved_at FROM sync_outbox WHERE status = 'rejected' ORDER BY seq DESC LIMIT 200",
      )
      .all();
    return {
      items: rows.map((r) => {
        const p = JSON.parse(r.payload) as { code?: string; number?: string; id?: string };
        return { seq: r.seq, id: r.mutation_id, kind: r.kind, summary: p.code ?? p.number ?? p.id ?? '', reason: r.reason, createdAt: r.created_at, resolvedAt: r.resolved_at };
      }),
    };
  }
  function resolveRejected(seq: number): void {
    const r = store.db.prepare("UPDATE sync_outbox SET resolved_at = ? WHERE seq = ? AND status = 'rejected' AND resolved_at IS NULL").run(now(), seq);
    if (r.changes === 0) throw new AppError(404, 'NOT_FOUND', `There is no unresolved refused change ${seq}.`);
  }

  /** Push, then pull everything, now (the admin's button; tests). Resolves when both ran. */
  async function syncNow(): Promise<SyncStatus> {
    await push.run();
    await pull.run();
    return status();
  }

  return {
    state,
    projector,
    puller,
    pusher,
    client: () => client,
    start,
    stop,
    enrol,
    hello,
    status,
    rejected,
    resolveRejected,
    syncNow,
    pushNow: () => push.run(),
    pullNow: () => pull.run(),
    digest,
    idle: () => Promise.all([push.idle(), pull.idle()]).then(() => undefined),
    autoStart: options.autoStart ?? true,
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
