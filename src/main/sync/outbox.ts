import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { MUTATION_PAYLOADS, type MutationKind, type MutationPayload } from '../../shared/api/sync';
import { canonicalJson } from '../../shared/domain/canonicalJson';

/**
 * The outbox: every local change the district must learn, written in the
 * SAME SQLite transaction as the change itself, so a change is never lost
 * and never sent without having happened.
 *
 * Call `enqueueMutation` from inside your own `store.write(() => …)`. The
 * payload is checked against its kind's schema (src/shared/api/sync.ts); a
 * payload that does not fit throws, and your transaction rolls back with it.
 * The row gets the hub's next outbox seq and a fresh mutation id (UUID).
 */
export function enqueueMutation<K extends MutationKind>(db: Db, kind: K, payload: MutationPayload<K>, subject: string | null = null): { seq: number; mutationId: string } {
  if (!db.inTransaction) throw new Error('enqueueMutation must run inside the transaction of the change it describes');
  const checked = MUTATION_PAYLOADS[kind].parse(payload);
  const mutationId = randomUUID();
  const r = db
    .prepare('INSERT INTO sync_outbox (mutation_id, kind, payload, subject, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(mutationId, kind, canonicalJson(checked), subject, Date.now());
  notify(db);
  return { seq: Number(r.lastInsertRowid), mutationId };
}

/** The UUID a ticket is known by outside this hub (made on first use, in the caller's transaction). */
export function ticketGlobalId(db: Db, ticketId: number): string {
  const found = db.prepare<[number], { global_id: string }>("SELECT global_id FROM sync_ids WHERE entity = 'ticket' AND local_id = ?").get(ticketId);
  if (found) return found.global_id;
  const id = randomUUID();
  db.prepare("INSERT INTO sync_ids (entity, local_id, global_id) VALUES ('ticket', ?, ?)").run(ticketId, id);
  return id;
}

// ---- "push on every insert": listeners run after the enqueuing transaction has ended ----

const listeners = new WeakMap<Db, Set<() => void>>();
const scheduled = new WeakSet<Db>();

function notify(db: Db): void {
  if (scheduled.has(db)) return;
  scheduled.add(db);
  // better-sqlite3 is synchronous: by the next turn the caller's transaction has committed (or rolled back).
  setImmediate(() => {
    scheduled.delete(db);
    for (const l of listeners.get(db) ?? []) l();
  });
}

export function onEnqueue(db: Db, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
