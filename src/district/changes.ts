import type { Queryable } from './db';
import type { Collection, DistrictDossier } from '../shared/api/sync';

/**
 * Records that `key` of `collection` changed for one office: bumps the
 * office's change seq (the row lock on `offices` orders concurrent writers, so
 * seqs become visible in order and a reader never skips a hole) and stores the
 * latest state under that seq. `data` null = deleted (a tombstone).
 */
export async function recordChange(tx: Queryable, officeId: string, collection: Collection, key: string, data: unknown): Promise<number> {
  const { rows } = await tx.query<{ change_seq: number }>('UPDATE offices SET change_seq = change_seq + 1 WHERE id = $1 RETURNING change_seq', [officeId]);
  const seq = rows[0]?.change_seq;
  if (seq === undefined) throw new Error(`unknown office ${officeId}`);
  await tx.query(
    `INSERT INTO changes (office_id, collection, key, seq, data) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (office_id, collection, key) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
    [officeId, collection, key, seq, data === null ? null : JSON.stringify(data)],
  );
  return seq;
}

/** Catalogue and holiday changes go to every office. */
export async function recordChangeEverywhere(tx: Queryable, collection: Collection, key: string, data: unknown): Promise<void> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM offices ORDER BY id');
  for (const o of rows) await recordChange(tx, o.id, collection, key, data);
}

export interface DossierDbRow {
  code: string;
  office_id: string;
  status: number;
  status_before: number | null;
  stage: string | null;
  department: string | null;
  handler: string | null;
  due_at: number | null;
  result_ready_at: number | null;
  supplement: { items: string[]; reason: string | null } | null;
  note: string | null;
  payment_status?: 'unpaid' | 'paid' | null;
  extensions?: number;
  updated_at: number;
  channel: number;
  paid_online: number;
  /** What the hub pushed, or for an online dossier what the portal received. */
  received?: unknown;
}

/** The server-owned fields of a dossier, as hubs receive them. */
export function districtDossier(r: DossierDbRow): DistrictDossier {
  return {
    code: r.code,
    status: r.status,
    stage: r.stage,
    department: r.department,
    handler: r.handler,
    dueAt: r.due_at,
    resultReadyAt: r.result_ready_at,
    supplementItems: r.supplement?.items ?? null,
    note: r.note,
    paymentStatus: r.payment_status ?? null,
    updatedAt: r.updated_at,
    channel: (r.channel ?? 1) as 1 | 2 | 3,
    paidOnline: (r.paid_online ?? 0) as 0 | 1 | 2,
    // The hub has no row for an online dossier: it makes one from the application.
    online: r.channel === 2 ? (r.received as DistrictDossier['online']) : null,
  };
}

export async function recordDossierChange(tx: Queryable, code: string): Promise<void> {
  const { rows } = await tx.query<DossierDbRow>('SELECT * FROM dossiers WHERE code = $1', [code]);
  const r = rows[0];
  if (r) await recordChange(tx, r.office_id, 'dossier', r.code, districtDossier(r));
}
