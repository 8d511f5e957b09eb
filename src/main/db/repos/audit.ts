import type { Db } from '../open';
import type { AuditEntry, AuditQuery } from '../../../shared/api/settingsAudit';

/** What a caller records; `at` comes from the hub's clock. */
export interface AuditRecord {
  at: number;
  action: string;
  actor: { kind: 'clerk' | 'device' | 'system' | 'anonymous'; id?: number | null; name?: string | null };
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

interface Row {
  id: number;
  at: number;
  action: string;
  actor_kind: AuditEntry['actorKind'];
  actor_id: number | null;
  actor_name: string | null;
  target: string | null;
  detail: string | null;
  ip: string | null;
}
const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  action: r.action,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  target: r.target,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  ip: r.ip,
});

/**
 * The append-only audit log. The filter query is one fixed statement whose
 * optional conditions are switched off by NULL parameters, so no SQL is ever
 * assembled from input.
 */
export function auditRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, action, actor_kind, actor_id, actor_name, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const search = db.prepare<[Record<string, string | number | null>], Row>(`
    SELECT * FROM audit_log
    WHERE (@from IS NULL OR at >= @from)
      AND (@to IS NULL OR at < @to)
      AND (@action IS NULL OR action = @action OR action LIKE @action || '.%')
      AND (@actor IS NULL OR lower(coalesce(actor_name, '')) = lower(@actor))
      AND (@q IS NULL OR instr(lower(coalesce(target, '') || ' ' || coalesce(detail, '')), lower(@q)) > 0)
      AND (@kind IS NULL OR actor_kind = @kind)
      AND (@before IS NULL OR id < @before)
    ORDER BY id DESC
    LIMIT @limit`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  return {
    record(r: AuditRecord): number {
      return Number(
        insert.run(r.at, r.action, r.actor.kind, r.actor.id ?? null, r.actor.name ?? null, r.target ?? null, r.detail ? JSON.stringify(r.detail) : null, r.ip ?? null)
          .lastInsertRowid,
      );
    },
    search(q: Omit<AuditQuery, 'limit'> & { limit: number }): AuditEntry[] {
      return search
        .all({ from: q.from ?? null, to: q.to ?? null, action: q.action ?? null, actor: q.actor ?? null, q: q.q ?? null, kind: q.actorKind ?? null, before: q.before ?? null, limit: q.limit })
        .map(toEntry);
    },
    count: () => count.get()!.n,
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
