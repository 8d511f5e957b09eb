import { createHash } from 'node:crypto';
import type { Queryable } from './db';
import { recordChange, recordDossierChange, type DossierDbRow } from './changes';
import { canMoveDossier, DOSSIER_STATUS, dossierStatusKey, extensionProblem, EXTENSION_PROBLEM_WORDS, parseDossierCode, type DossierStatusKey } from '../shared/domain';
import { canonicalJson } from '../shared/domain/canonicalJson';
import { MUTATION_PAYLOADS, type Mutation, type MutationKind, type MutationPayload, type MutationResult } from '../shared/api/sync';

/** A mutation that can never succeed: recorded as rejected, and the hub's queue goes on. */
export class Rejection extends Error {}

export const fingerprint = (kind: string, payload: unknown): string => createHash('sha256').update(canonicalJson({ kind, payload })).digest('hex');

export interface HubContext {
  hubId: string;
  officeId: string;
  agencyCode: string;
}

/** Thrown when the batch must stop: the seq is not the next one, or the hub's history no longer matches ours. */
export class BatchStop extends Error {
  constructor(
    readonly code: 'SEQ_GAP' | 'DIVERGED',
    message: string,
    readonly expectedSeq: number,
  ) {
    super(message);
  }
}

/**
 * Applies one mutation and records (hub, epoch, seq, mutation id, payload
 * fingerprint, result) in the caller's transaction. The hub's epoch row is
 * locked first (FOR UPDATE), so two pushes in flight for the same hub
 * serialise here and the second sees the first's record: one applies.
 */
export async function applyMutation(tx: Queryable, hub: HubContext, epoch: number, m: Mutation, now: number): Promise<MutationResult> {
  const { rows: epochs } = await tx.query<{ last_seq: number; retired_at: number | null }>('SELECT last_seq, retired_at FROM hub_epochs WHERE hub_id = $1 AND epoch = $2 FOR UPDATE', [hub.hubId, epoch]);
  const ep = epochs[0];
  if (!ep || ep.retired_at !== null) throw new BatchStop('DIVERGED', `Epoch ${epoch} of this hub is not current: re-enrol.`, 0);
  const fp = fingerprint(m.kind, m.payload);
  type Rec = { mutation_id: string; fingerprint: string; status: 'applied' | 'rejected'; reason: string | null; seq: number };
  const stored = (r: Rec): MutationResult => ({ seq: m.seq, id: m.id, status: r.status, duplicate: true, reason: r.reason });

  if (m.seq <= ep.last_seq) {
    const { rows } = await tx.query<Rec>('SELECT mutation_id, fingerprint, status, reason, seq FROM mutations WHERE hub_id = $1 AND epoch = $2 AND seq = $3', [hub.hubId, epoch, m.seq]);
    const bySeq = rows[0];
    if (bySeq) {
      if (bySeq.mutation_id === m.id && bySeq.fingerprint === fp) return stored(bySeq);
      throw new BatchStop('DIVERGED', `Seq ${m.seq} of epoch ${epoch} was already used by another change: this hub was restored from a backup. Re-enrol with a new epoch.`, ep.last_seq + 1);
    }
    const byId = await findById(tx, hub.hubId, m.id);
    if (byId && byId.fingerprint === fp) return stored(byId);
    throw new BatchStop('DIVERGED', `Seq ${m.seq} of epoch ${epoch} does not match what this server holds. Re-enrol with a new epoch.`, ep.last_seq + 1);
  }
  if (m.seq !== ep.last_seq + 1) throw new BatchStop('SEQ_GAP', `Expected seq ${ep.last_seq + 1}, got ${m.seq}.`, ep.last_seq + 1);

  await tx.query('UPDATE hub_epochs SET last_seq = $3 WHERE hub_id = $1 AND epoch = $2', [hub.hubId, epoch, m.seq]);
  // The same mutation sent again under a new epoch (after a re-enrolment): its stored result, applied once.
  const byId = await findById(tx, hub.hubId, m.id);
  if (byId) {
    if (byId.fingerprint === fp) return stored(byId);
    throw new BatchStop('DIVERGED', `Mutation ${m.id} was sent before with a different content.`, m.seq);
  }

  let status: 'applied' | 'rejected' = 'applied';
  let reason: string | null = null;
  await tx.query('SAVEPOINT apply_one');
  try {
    await apply(tx, hub, m.kind, m.payload, now);
    await tx.query('RELEASE SAVEPOINT apply_one');
  } catch (err) {
    if (!(err instanceof Rejection)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT apply_one');
    status = 'rejected';
    reason = err.message;
  }
  await tx.query(
    `INSERT INTO mutations (hub_id, epoch, seq, mutation_id, kind, fingerprint, payload, status, reason, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [hub.hubId, epoch, m.seq, m.id, m.kind.slice(0, 40), fp, JSON.stringify(m.payload ?? null), status, reason, now],
  );
  return { seq: m.seq, id: m.id, status, duplicate: false, reason };
}

async function findById(tx: Queryable, hubId: string, id: string) {
  const { rows } = await tx.query<{ mutation_id: string; fingerprint: string; status: 'applied' | 'rejected'; reason: string | null; seq: number }>(
    'SELECT mutation_id, fingerprint, status, reason, seq FROM mutations WHERE hub_id = $1 AND mutation_id = $2',
    [hubId, id],
  );
  return rows[0];
}

function parsePayload<K extends MutationKind>(kind: K, payload: unknown): MutationPayload<K> {
  const r = MUTATION_PAYLOADS[kind].safeParse(payload);
  if (!r.success) throw new Rejection(`The ${kind} change is malformed: ${r.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}.`);
  return r.data as MutationPayload<K>;
}

const isKind = (k: string): k is MutationKind => Object.hasOwn(MUTATION_PAYLOADS, k);

async function apply(tx: Queryable, hub: HubContext, kind: string, payload: unknown, now: number): Promise<void> {
  if (!isKind(kind)) throw new Rejection(`This server does not know the change kind "${kind.slice(0, 40)}".`);
  switch (kind) {
    case 'ticket.issued': {
      const p = parsePayload(kind, payload);
      const r = await tx.query('INSERT INTO tickets (id, office_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [p.id, hub.officeId, JSON.stringify(p)]);
      if (r.rowCount === 0) throw new Rejection(`Ticket id ${p.id} is already used by another ticket.`);
      return;
    }
    case 'ticket.closed': {
      const p = parsePayload(kind, payload);
      const r = await tx.query('UPDATE tickets SET closed = $3 WHERE id = $1 AND office_id = $2', [p.id, hub.officeId, JSON.stringify(p)]);
      if (r.rowCount === 0) throw new Rejection(`There is no ticket ${p.id} from this office.`);
      return;
    }
    case 'rating.record': {
      const p = parsePayload(kind, payload);
      const r = await tx.query('INSERT INTO ratings (id, office_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [p.id, hub.officeId, JSON.stringify(p)]);
      if (r.rowCount === 0) throw new Rejection(`Rating id ${p.id} is already used.`);
      return;
    }
    case 'dossier.received': {
      const p = parsePayload(kind, payload);
      const parsed = parseDossierCode(p.code);
      if (!parsed || parsed.agencyCode !== hub.agencyCode) throw new Rejection(`Dossier code ${p.code} is not a code of this office (agency ${hub.agencyCode}).`);
      const r = await tx.query(
        `INSERT INTO dossiers (code, office_id, received, status, due_at, updated_at, channel) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [p.code, hub.officeId, JSON.stringify(p), DOSSIER_STATUS.accepted, p.dueAt, now, p.channel],
      );
      if (r.rowCount === 0) throw new Rejection(`Dossier code ${p.code} is already registered with the district.`);
      await history(tx, p.code, 'hub', null, DOSSIER_STATUS.accepted, null, now);
      await recordDossierChange(tx, p.code);
      return;
    }
    case 'dossier.transition': {
      const p = parsePayload(kind, payload);
      const d = await lockDossier(tx, hub.officeId, p.code);
      const from = dossierStatusKey(d.status)!;
      let to: DossierStatusKey;
      if (p.to === 'supplement_received') {
        if (from !== 'supplement_requested') throw new Rejection(`Dossier ${p.code} is not waiting for a supplement.`);
        const before = d.status_before === null ? 'accepted' : dossierStatusKey(d.status_before)!;
        to = canMoveDossier(from, before) ? before : 'accepted';
      } else to = p.to;
      if (!canMoveDossier(from, to)) throw new Rejection(`Dossier ${p.code} is ${from} at the district; it cannot move to ${to}.`);
      const supplement = to === 'supplement_requested' ? JSON.stringify({ items: p.items ?? [], reason: p.note }) : null;
      await tx.query(
        `UPDATE dossiers SET status = $2, status_before = CASE WHEN $2 = 5 THEN status ELSE status_before END, supplement = $3,
           result_ready_at = CASE WHEN $2 = 9 THEN $4 ELSE result_ready_at END, note = $5, updated_at = $6 WHERE code = $1`,
        [p.code, DOSSIER_STATUS[to], supplement, p.at, p.note, now],
      );
      await history(tx, p.code, 'hub', d.status, DOSSIER_STATUS[to], p.note, now);
      await recordDossierChange(tx, p.code);
      return;
    }
    case 'dossier.appointment': {
      const p = parsePayload(kind, payload);
      const d = await lockDossier(tx, hub.officeId, p.code);
      // The hub proposes; the district grants only what Nghị định 118/2025 Điều 19 khoản 6 allows (once, 1 day before due).
      if (d.due_at !== null) {
        const problem = extensionProblem({ now: p.at, dueAt: d.due_at, newDueAt: p.newDueAt, extensionsSoFar: d.extensions ?? 0 });
        if (problem) throw new Rejection(`Dossier ${p.code}: ${EXTENSION_PROBLEM_WORDS[problem]}.`);
      }
      await tx.query('UPDATE dossiers SET due_at = $2, note = $3, extensions = extensions + 1, updated_at = $4 WHERE code = $1', [p.code, p.newDueAt, p.reason, now]);
      await history(tx, p.code, 'hub', d.status, d.status, p.reason, now);
      await recordDossierChange(tx, p.code);
      return;
    }
  }
}

async function lockDossier(tx: Queryable, officeId: string, code: string): Promise<DossierDbRow> {
  const { rows } = await tx.query<DossierDbRow>('SELECT * FROM dossiers WHERE code = $1 AND office_id = $2 FOR UPDATE', [code, officeId]);
  if (!rows[0]) throw new Rejection(`The district has no dossier ${code} from this office.`);
  return rows[0];
}

export async function history(tx: Queryable, code: string, actor: string, from: number | null, to: number, note: string | null, now: number): Promise<void> {
  await tx.query('INSERT INTO dossier_history (code, at, actor, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6)', [code, now, actor, from, to, note]);
}

export { recordChange };
