import type { Store } from '../db/store';
import type { SyncClient } from './client';
import { SyncHttpError } from './client';
import type { SyncState } from './state';
import type { Projector } from './project';
import { pushResponse, reepochResponse, type PushResponse } from '../../shared/api/sync';

export const PUSH_BATCH = 200;

interface OutboxRow {
  seq: number;
  mutation_id: string;
  kind: string;
  payload: string;
  subject: string | null;
}

/**
 * Pushes the pending outbox in seq order, a batch at a time, and records each
 * result in one local transaction. Never reorders, never skips: a rejected
 * row is settled (and shown), a transient failure leaves everything pending.
 */
export function createPusher(store: Store, state: SyncState, client: () => SyncClient | null, projector: Projector, now: () => number) {
  const db = store.db;
  const pending = db.prepare<[number], OutboxRow>("SELECT seq, mutation_id, kind, payload, subject FROM sync_outbox WHERE status = 'pending' ORDER BY seq LIMIT ?");
  const settle = db.prepare<[string, string | null, number, number]>("UPDATE sync_outbox SET status = ?, reason = ?, done_at = ? WHERE seq = ? AND status = 'pending'");
  const bump = db.prepare<[number, number]>("UPDATE sync_outbox SET attempts = attempts + 1 WHERE seq BETWEEN ? AND ? AND status = 'pending'");
  const maxSeq = db.prepare<[], { m: number | null }>('SELECT max(seq) AS m FROM sync_outbox');
  const reopenFrom = db.prepare<[number]>("UPDATE sync_outbox SET status = 'pending', reason = NULL, done_at = NULL WHERE seq >= ? AND status = 'applied'");
  const allIds = db.prepare<[], { mutation_id: string }>('SELECT mutation_id FROM sync_outbox');
  const firstPending = db.prepare<[], { seq: number }>("SELECT seq FROM sync_outbox WHERE status = 'pending' ORDER BY seq LIMIT 1");
  const settleById = db.prepare<[string, string | null, number, string]>("UPDATE sync_outbox SET status = ?, reason = ?, done_at = ? WHERE mutation_id = ? AND status = 'pending'");
  const recover = db.prepare<[string, string, string, number]>('INSERT OR IGNORE INTO sync_recovered (mutation_id, kind, payload, recovered_at) VALUES (?, ?, ?, ?)');
  const bumpDossierSeq = db.prepare<[string, number]>(
    'INSERT INTO dossier_sequences (office_day, last_seq) VALUES (?, ?) ON CONFLICT (office_day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)',
  );

  const base = () => state.get('epochBase') ?? 0;

  /**
   * This hub's history no longer matches the server's (it was restored from
   * a backup): ask for a new epoch, settle what the server already has,
   * record what only the server has, and renumber the rest from 1.
   */
  async function reepoch(c: SyncClient): Promise<void> {
    const hubId = state.get('hubId')!;
    const answer = reepochResponse.parse(await c.signed('POST', '/reepoch', { hubId, knownMutationIds: allIds.all().map((r) => r.mutation_id) }));
    store.write(() => {
      const t = now();
      for (const a of answer.alreadyHave) settleById.run(a.status, a.reason, t, a.id);
      for (const l of answer.lostOnHub) {
        recover.run(l.id, l.kind, JSON.stringify(l.payload), t);
        // A dossier code the lost hub handed out must never be handed out again.
        const code = (l.payload as { code?: unknown } | null)?.code;
        const m = typeof code === 'string' ? /-(\d{2})(\d{2})(\d{2})-(\d{4})$/.exec(code) : null;
        if (l.kind === 'dossier.received' && m) bumpDossierSeq.run(`20${m[1]}-${m[2]}-${m[3]}`, Number(m[4]));
      }
      const first = firstPending.get()?.seq;
      state.set('epoch', answer.epoch);
      state.set('epochBase', first === undefined ? (maxSeq.get()!.m ?? 0) : first - 1);
    });
  }

  /** One batch. Returns how many rows are still pending after it (0 = drained). */
  async function pushBatch(): Promise<{ sent: number; more: boolean }> {
    const c = client();
    const hubId = state.get('hubId');
    const epoch = state.get('epoch');
    if (!c || !hubId || !epoch) return { sent: 0, more: false };
    const rows = pending.all(PUSH_BATCH);
    if (rows.length === 0) return { sent: 0, more: false };
    const b = base();
    bump.run(rows[0]!.seq, rows.at(-1)!.seq);
    let answer: PushResponse;
    try {
      answer = pushResponse.parse(
        await c.signed('POST', '/push', {
          hubId,
          epoch,
          mutations: rows.map((r) => ({ seq: r.seq - b, id: r.mutation_id, kind: r.kind, payload: JSON.parse(r.payload) as unknown })),
        }),
      );
    } catch (err) {
      if (err instanceof SyncHttpError && (err.code === 'DIVERGED' || err.code === 'EPOCH_RETIRED')) {
        await reepoch(c);
        return { sent: 0, more: true };
      }
      throw err;
    }
    const t = now();
    store.write(() => {
      for (const r of answer.results) {
        const row = rows.find((x) => x.mutation_id === r.id);
        if (!row) continue;
        settle.run(r.status, r.reason, t, row.seq);
        if (r.status === 'rejected' && row.subject) projector.reproject(row.subject);
      }
      // The server expects an earlier seq than we sent: it lost changes we thought applied (it was restored). Send them again.
      if (answer.expectedSeq !== null && answer.expectedSeq + b < rows[0]!.seq) reopenFrom.run(answer.expectedSeq + b);
      state.set('lastPushAt', t);
    });
    // The server holds more of this epoch than our whole outbox: we are an older copy of ourselves.
    if (answer.lastSeq > (maxSeq.get()!.m ?? 0) - b) {
      await reepoch(c);
      return { sent: answer.results.length, more: true };
    }
    return { sent: answer.results.length, more: pending.all(1).length > 0 };
  }

  return { pushBatch, reepoch };
}
export type Pusher = ReturnType<typeof createPusher>;
