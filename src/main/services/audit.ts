import { auditDetailParts } from '../../shared/domain';
import { messages } from '../../shared/i18n';
import type { AuditEntry, AuditQuery, Principal } from '../../shared/api';
import type { AuditRecord } from '../db/repos/audit';
import type { Store } from '../db/store';
import type { Clock } from './clock';

export type AuditActor = AuditRecord['actor'];
export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: 'hub' };

/** The audit actor of an authenticated request (null = nobody logged in). */
export function actorOf(principal: Principal | null | undefined): AuditActor {
  if (!principal) return { kind: 'anonymous' };
  return principal.kind === 'clerk' ? { kind: 'clerk', id: principal.clerkId, name: principal.username } : { kind: 'device', id: principal.deviceId, name: principal.name };
}

/** The clerk behind an action that only carries the clerk's id (the queue's and dossiers' Actor). */
export function clerkActor(store: Store, clerkId: number): AuditActor {
  return { kind: 'clerk', id: clerkId, name: store.clerks.get(clerkId)?.username ?? null };
}

const EXPORT_LIMIT = 50_000;

/**
 * The audit log of sensitive actions. A write records its entry inside its own
 * transaction (`store.audit.record` from the service, or `audited` around a
 * synchronous service call), so an action and its entry land together or not at all.
 */
export function createAuditService(store: Store, clock: Clock) {
  function record(action: string, actor: AuditActor, target: string | null, detail?: Record<string, unknown> | null, ip?: string | null): void {
    store.audit.record({ at: clock.now(), action, actor, target, detail: detail ?? null, ip: ip ?? null });
  }
  /** Runs a synchronous change and records it in the same transaction (nested writes become savepoints). */
  function audited<T>(actor: AuditActor, action: string, target: string | null, fn: () => T, detail?: (result: T) => Record<string, unknown> | null): T {
    return store.write(() => {
      const result = fn();
      record(action, actor, target, detail ? detail(result) : null);
      return result;
    });
  }
  function search(q: AuditQuery): { entries: AuditEntry[]; nextBefore: number | null } {
    const entries = store.audit.search({ ...q, limit: q.limit + 1 });
    const more = entries.length > q.limit;
    const page = more ? entries.slice(0, q.limit) : entries;
    return { entries: page, nextBefore: more ? page[page.length - 1]!.id : null };
  }

  /** The filtered log as CSV for Excel: UTF-8 with a BOM (else Excel reads Vietnamese as mojibake), CRLF rows. */
  function csv(q: Omit<AuditQuery, 'limit' | 'before'>, lang: 'vi' | 'en'): Buffer {
    const t = messages[lang] as { audit?: { csv?: Record<string, string>; actions?: Record<string, string>; actorKinds?: Record<string, string> } };
    const head = t.audit?.csv ?? {};
    const actions = t.audit?.actions ?? {};
    const kinds = t.audit?.actorKinds ?? {};
    const when = new Intl.DateTimeFormat('sv-SE', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    const rows: string[][] = [[head.time ?? 'time', head.action ?? 'action', head.code ?? 'code', head.actorKind ?? 'actor kind', head.actor ?? 'actor', head.target ?? 'target', head.detail ?? 'detail', head.ip ?? 'ip']];
    for (const e of store.audit.search({ ...q, limit: EXPORT_LIMIT })) {
      rows.push([
        when.format(e.at),
        actions[e.action.replace('.', '_')] ?? e.action,
        e.action,
        kinds[e.actorKind] ?? e.actorKind,
        e.actorName ?? '',
        e.target ?? '',
        // The screen's words: instants as dd/mm/yyyy HH:mm (shared/domain/auditValues.ts).
        e.detail ? auditDetailParts(e.detail, clock.timeZone).join(' · ') : '',
        e.ip ?? '',
      ]);
    }
    return Buffer.from('\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
  }
  return { record, audited, search, csv };
}
export type AuditService = ReturnType<typeof createAuditService>;

/**
 * One RFC 4180 cell. A cell that starts like a formula (= + - @, tab, CR) gets a leading apostrophe,
 * so a crafted name in the log cannot run as a formula when the file is opened in Excel (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  let v = value.normalize('NFC');
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
