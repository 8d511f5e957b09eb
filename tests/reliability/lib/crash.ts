import Database from 'better-sqlite3';
import path from 'node:path';
import { receiptQrPayload } from '../../../src/shared/domain';
import { DEMO } from '../../../bench/lib/hub';
import { dossierBody, HubClient } from './client';
import { startHubProcess, type HubProcess } from './hubProcess';
import { prng, type Prng } from './prng';

/**
 * The power-cut harness: the hub runs as its own process on a temporary store;
 * clients drive a mixed load and write down every answer the hub acknowledged
 * (2xx); the hub is SIGKILLed at a seeded random moment; it is started again on
 * the same store, and the store must hold every acknowledged write exactly once.
 *
 * To extend it (e.g. to district sync when it lands): add a client to
 * `CLIENTS` that records what it saw acknowledged into `Acks`, and an invariant
 * to `checkInvariants` that reads it back from the store.
 */

export interface AckedTicket {
  id: number;
  number: string;
  officeDay: string;
}
export interface AckedDossier {
  id: number;
  code: string;
  secret: string;
}

/** Everything the hub said yes to, across all rounds. */
export interface Acks {
  tickets: Map<number, AckedTicket>;
  dossiers: Map<string, AckedDossier>;
  /** Tickets whose call was acknowledged: never back to waiting (nothing in the load requeues). */
  calls: Set<number>;
  /** Dossiers whose result-ready or hand-back was acknowledged, with the status it reached. */
  moves: Map<string, number>;
  /** Requests in flight when the hub died: their outcome is unknown, either is fine. */
  unknown: number;
  /** Answers that were neither 2xx nor an expected 4xx (a 5xx is a defect). */
  unexpected: string[];
}

export interface RoundReport {
  round: number;
  killAfterMs: number;
  acknowledged: number;
  unknown: number;
  restartMs: number;
  violations: string[];
}

export interface CrashRunReport {
  seed: number;
  rounds: RoundReport[];
  totals: { tickets: number; dossiers: number; calls: number; moves: number; unknown: number };
  violations: string[];
}

interface Ctx {
  rnd: Prng;
  acks: Acks;
  live: () => boolean;
  seq: { n: number };
}

type ClientLoop = (c: HubClient, ctx: Ctx) => Promise<void>;

const HANDED_OVER = 10;
const RESULT_READY = 9;
/** 4xx answers the load can meet in normal use (an empty queue, a state already moved on). */
const EXPECTED_4XX = new Set(['NOTHING_WAITING', 'COUNTER_BUSY', 'INVALID_DOSSIER_STATE', 'INVALID_TICKET_STATE']);

/** Runs one request; false when the hub is gone (the loop ends). */
async function step<T>(c: HubClient, ctx: Ctx, method: 'GET' | 'POST', p: string, body: unknown, onOk: (b: T) => void): Promise<boolean> {
  let r;
  try {
    r = await c.send<T>(method, p, body);
  } catch {
    ctx.acks.unknown++;
    return false;
  }
  if (r.status >= 200 && r.status < 300) onOk(r.body);
  else {
    const code = (r.body as { error?: { code?: string } })?.error?.code ?? '';
    if (r.status >= 500 || !EXPECTED_4XX.has(code)) ctx.acks.unexpected.push(`${method} ${p} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  return ctx.live();
}

const kioskLoop: ClientLoop = async (c, ctx) => {
  while (ctx.live()) {
    const serviceId = ctx.rnd.int(1, 5);
    const priority = ctx.rnd.chance(0.1) ? 'elderly' : null;
    const go = await step<{ ticket: { id: number; number: string; officeDay: string } }>(c, ctx, 'POST', '/tickets', { serviceId, priority }, (b) =>
      ctx.acks.tickets.set(b.ticket.id, { id: b.ticket.id, number: b.ticket.number, officeDay: b.ticket.officeDay }),
    );
    if (!go) return;
  }
};

const counterLoop = (counterId: number): ClientLoop => async (c, ctx) => {
  type State = { current: { id: number; status: string } | null };
  while (ctx.live()) {
    let state: State | null = null;
    const go = await step<State>(c, ctx, 'POST', `/counters/${counterId}/call-next`, undefined, (b) => {
      state = b;
      if (b.current?.status === 'called') ctx.acks.calls.add(b.current.id);
    });
    if (!go) return;
    // Called before the last power cut but not started (COUNTER_BUSY): read the counter's state.
    if (state === null && !(await step<State>(c, ctx, 'GET', `/counters/${counterId}/state`, undefined, (b) => (state = b)))) return;
    const current = (state as State | null)?.current;
    if (current?.status === 'called') {
      if (!(await step(c, ctx, 'POST', `/tickets/${current.id}/start`, undefined, () => undefined))) return;
      if (ctx.rnd.chance(0.3) && !(await step(c, ctx, 'POST', `/tickets/${current.id}/finish`, undefined, () => undefined))) return;
    } else if (!current) {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
};

const dossierLoop: ClientLoop = async (c, ctx) => {
  const open: AckedDossier[] = [];
  const ready: AckedDossier[] = [];
  while (ctx.live()) {
    const roll = ctx.rnd.next();
    if (roll < 0.6 || open.length === 0) {
      const n = ++ctx.seq.n;
      const go = await step<{ id: number; code: string; secret: string }>(c, ctx, 'POST', '/dossiers', dossierBody(n), (b) => {
        const d = { id: b.id, code: b.code, secret: b.secret };
        ctx.acks.dossiers.set(d.code, d);
        open.push(d);
      });
      if (!go) return;
    } else if (roll < 0.8 || ready.length === 0) {
      const d = open.shift()!;
      const go = await step(c, ctx, 'POST', `/dossiers/${encodeURIComponent(d.code)}/result-ready`, {}, () => {
        ctx.acks.moves.set(d.code, RESULT_READY);
        ready.push(d);
      });
      if (!go) return;
    } else {
      const d = ready.shift()!;
      const go = await step(c, ctx, 'POST', `/dossiers/${encodeURIComponent(d.code)}/hand-back`, { scanned: receiptQrPayload(d.code, d.secret) }, () =>
        ctx.acks.moves.set(d.code, HANDED_OVER),
      );
      if (!go) return;
    }
  }
};

/** Who drives the load: 2 kiosks, 2 counters calling numbers, 1 clerk registering and handing back dossiers. */
interface Actors {
  kiosks: string[];
  counters: { token: string; counterId: number }[];
  dossierClerk: string;
}

async function setUp(base: string): Promise<Actors> {
  const admin = new HubClient(base);
  admin.token = (await admin.ok<{ token: string }>('POST', '/auth/login', { username: DEMO.admin.username, pin: DEMO.admin.pin })).token;
  const kiosks: string[] = [];
  for (const name of ['Kiosk A', 'Kiosk B']) {
    const { code } = await admin.ok<{ code: string }>('POST', '/admin/pairing-codes', { role: 'kiosk', name });
    kiosks.push((await new HubClient(base).ok<{ token: string }>('POST', '/devices/pair', { code })).token);
  }
  const counters: Actors['counters'] = [];
  for (const [who, counterId] of [[DEMO.canbo1, 5], [DEMO.canbo2, 1]] as const) {
    const c = new HubClient(base);
    c.token = (await c.ok<{ token: string }>('POST', '/auth/login', who)).token;
    await c.ok('POST', `/counters/${counterId}/open`);
    counters.push({ token: c.token, counterId });
    c.close();
  }
  admin.close();
  // The admin is staff too: it registers and hands back dossiers without a counter.
  return { kiosks, counters, dossierClerk: admin.token };
}

/** Reads the store with its own connection and checks what every acknowledged answer promised. */
export function checkInvariants(dbFile: string, acks: Acks): string[] {
  const v: string[] = [];
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') v.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) v.push(`foreign_key_check: ${fk.length} rows`);

    const ticket = db.prepare<[number], { number: string; office_day: string; status: string }>('SELECT number, office_day, status FROM tickets WHERE id = ?');
    const sameNumber = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE office_day = ? AND number = ?');
    for (const t of acks.tickets.values()) {
      const row = ticket.get(t.id);
      if (!row) v.push(`acknowledged ticket ${t.number} (id ${t.id}) is missing`);
      else if (row.number !== t.number || row.office_day !== t.officeDay) v.push(`ticket id ${t.id} was ${t.number} when acknowledged, is ${row.number} now`);
      else if (sameNumber.get(t.officeDay, t.number)!.n !== 1) v.push(`ticket number ${t.number} is in the store ${sameNumber.get(t.officeDay, t.number)!.n} times`);
    }
    for (const id of acks.calls) {
      const row = ticket.get(id);
      if (!row || row.status === 'waiting') v.push(`ticket id ${id} was called (acknowledged) but is ${row ? 'waiting' : 'missing'}`);
    }
    const dossier = db.prepare<[string], { id: number; secret: string; status: number; n: number }>('SELECT id, secret, status, (SELECT COUNT(*) FROM dossiers d2 WHERE d2.code = d.code) AS n FROM dossiers d WHERE code = ?');
    for (const d of acks.dossiers.values()) {
      const row = dossier.get(d.code);
      if (!row) v.push(`acknowledged dossier ${d.code} is missing`);
      else if (row.id !== d.id || row.secret !== d.secret || row.n !== 1) v.push(`dossier ${d.code} changed after acknowledgement (id ${row.id}/${d.id}, count ${row.n})`);
      const moved = acks.moves.get(d.code);
      if (row && moved !== undefined && row.status < moved) v.push(`dossier ${d.code} reached status ${moved} (acknowledged) but is ${row.status}`);
    }
    const dupTickets = db.prepare('SELECT office_day, number, COUNT(*) AS n FROM tickets GROUP BY office_day, number HAVING n > 1').all();
    if (dupTickets.length) v.push(`duplicate ticket numbers: ${JSON.stringify(dupTickets.slice(0, 5))}`);
    const dupSeq = db.prepare('SELECT office_day, service_id, seq, COUNT(*) AS n FROM tickets GROUP BY office_day, origin_service_id, seq HAVING n > 1').all();
    if (dupSeq.length) v.push(`duplicate ticket sequences: ${JSON.stringify(dupSeq.slice(0, 5))}`);
    const dupCodes = db.prepare('SELECT code, COUNT(*) AS n FROM dossiers GROUP BY code HAVING n > 1').all();
    if (dupCodes.length) v.push(`duplicate dossier codes: ${JSON.stringify(dupCodes.slice(0, 5))}`);
    const dupBook = db.prepare('SELECT office_day, seq, COUNT(*) AS n FROM dossiers GROUP BY office_day, seq HAVING n > 1').all();
    if (dupBook.length) v.push(`duplicate dossier sequences: ${JSON.stringify(dupBook.slice(0, 5))}`);
    // The counters handed out must stay ahead of what was handed out (a rolled-back counter would reissue a number).
    const behind = db
      .prepare('SELECT s.office_day, s.service_id, s.last_seq, MAX(t.seq) AS max_seq FROM day_sequences s JOIN tickets t ON t.office_day = s.office_day AND t.origin_service_id = s.service_id GROUP BY s.office_day, s.service_id HAVING max_seq > s.last_seq')
      .all();
    if (behind.length) v.push(`ticket sequence behind the tickets: ${JSON.stringify(behind)}`);
  } finally {
    db.close();
  }
  return v;
}

export interface CrashRunOptions {
  seed: number;
  rounds: number;
  dataDir: string;
  /** Bounds of the random time from "load running" to SIGKILL, in ms. */
  killWindowMs?: [number, number];
  onRound?: (r: RoundReport) => void;
}

export async function runCrashRounds(opts: CrashRunOptions): Promise<CrashRunReport> {
  const rnd = prng(opts.seed);
  const [minKill, maxKill] = opts.killWindowMs ?? [30, 900];
  const acks: Acks = { tickets: new Map(), dossiers: new Map(), calls: new Set(), moves: new Map(), unknown: 0, unexpected: [] };
  const rounds: RoundReport[] = [];
  const dbFile = path.join(opts.dataDir, 'motcua.sqlite');
  const seq = { n: 0 };
  let hub: HubProcess = await startHubProcess(opts.dataDir);
  try {
    const actors = await setUp(hub.url);
    for (let round = 1; round <= opts.rounds; round++) {
      const before = acks.tickets.size + acks.dossiers.size + acks.calls.size + acks.moves.size;
      const unknownBefore = acks.unknown;
      const unexpectedBefore = acks.unexpected.length;
      let alive = true;
      const ctx: Ctx = { rnd, acks, live: () => alive, seq };
      const clients: HubClient[] = [];
      const loops: Promise<void>[] = [];
      const run = (token: string, loop: ClientLoop) => {
        const c = new HubClient(hub.url, token);
        clients.push(c);
        loops.push(loop(c, ctx).catch((err: unknown) => void acks.unexpected.push(`client failed: ${String(err)}`)));
      };
      for (const k of actors.kiosks) run(k, kioskLoop);
      for (const c of actors.counters) run(c.token, counterLoop(c.counterId));
      run(actors.dossierClerk, dossierLoop);

      // The kill's moment counts from the round's first acknowledged write, so a slow start (a busy
      // machine) still has the kill land in the middle of the load, not before it.
      const killAfterMs = rnd.int(minKill, maxKill);
      const started = performance.now();
      while (acks.tickets.size + acks.dossiers.size + acks.calls.size + acks.moves.size === before && performance.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, killAfterMs));
      await hub.sigkill();
      alive = false;
      await Promise.all(loops);
      for (const c of clients) c.close();

      const t0 = performance.now();
      hub = await startHubProcess(opts.dataDir);
      const restartMs = performance.now() - t0;
      const violations = [...checkInvariants(dbFile, acks), ...acks.unexpected.slice(unexpectedBefore)];
      const report: RoundReport = {
        round,
        killAfterMs,
        acknowledged: acks.tickets.size + acks.dossiers.size + acks.calls.size + acks.moves.size - before,
        unknown: acks.unknown - unknownBefore,
        restartMs: Math.round(restartMs),
        violations,
      };
      rounds.push(report);
      opts.onRound?.(report);
    }
  } finally {
    await hub.stop();
  }
  return {
    seed: opts.seed,
    rounds,
    totals: { tickets: acks.tickets.size, dossiers: acks.dossiers.size, calls: acks.calls.size, moves: acks.moves.size, unknown: acks.unknown },
    violations: rounds.flatMap((r) => r.violations.map((m) => `round ${r.round}: ${m}`)),
  };
}
