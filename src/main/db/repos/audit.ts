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
  const search = db.prepare<[number | null, number | null, string | null, string | null, string | null, string | null, number | null, number], Row>(`
    SELECT * FROM audit_log
    WHERE (?1 IS NULL OR at >= ?1)
      AND (?2 IS NULL OR at < ?2)
      AND (?3 IS NULL OR action = ?3 OR action LIKE ?3 || '.%')
      AND (?4 IS NULL OR lower(coalesce(actor_name, '')) = lower(?4))
      AND (?5 IS NULL OR instr(lower(coalesce(target, '') || ' ' || coalesce(detail, '')), lower(?5)) > 0)
      AND (?6 IS NULL OR actor_kind = ?6)
      AND (?7 IS NULL OR id < ?7)
    ORDER BY id DESC
    LIMIT ?8`);
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
        .all(q.from ?? null, q.to ?? null, q.action ?? null, q.actor ?? null, q.q ?? null, q.actorKind ?? null, q.before ?? null, q.limit)
        .map(toEntry);
    },
    count: () => count.get()!.n,
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
