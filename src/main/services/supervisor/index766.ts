import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import {
  dayNumberOfDate,
  dayStartMs,
  decreeDueAfterSupplement,
  figures766,
  FIGURE_KEYS,
  rows766,
  type Dossier766,
  type Row766,
  type WorkingCalendar,
} from '../../../shared/domain';
import type { FiguresQuery, Index766, Index766Dossier } from '../../../shared/api';

interface Row {
  id: number;
  code: string;
  channel: number;
  accepted_at: number;
  due_at: number;
  has_fee: number;
  paid_online: number;
  clerk_id: number | null;
  clerk_name: string | null;
  procedure_name_vi: string;
  procedure_name_en: string;
  processing_value: number;
  processing_unit: 'working_days' | 'working_hours' | 'calendar_days';
  field_vi: string | null;
  field_en: string | null;
  unsatisfied: number;
}

/**
 * The 766 index over a period (issue 12 §4): the hub's dossiers mapped onto the
 * pure rules of src/shared/domain/index766.ts. Read-only; one statement per
 * table over the dossiers received before the period's end (an office has a few
 * thousand a year), so every figure comes from the rows it lists.
 */
/** Each dossier's digitisation (issue 15's attachments), by code, for dossiers accepted before `toAt`. */
export type DigitisationLookup = (toAt: number) => Map<string, { componentFile: boolean; resultFile: boolean }>;

export function createIndex766Service(store: Store, clock: Clock, calendar: () => WorkingCalendar, digitisation?: DigitisationLookup) {
  const db = store.db;
  const dossiers = db.prepare<{ to: number }, Row>(`
    SELECT d.id, d.code, d.channel, d.accepted_at, d.due_at, d.has_fee, d.paid_online, d.clerk_id, c.full_name AS clerk_name,
      d.procedure_name_vi, d.procedure_name_en, d.processing_value, d.processing_unit, p.field_vi, p.field_en,
      EXISTS (SELECT 1 FROM ratings r WHERE r.dossier_code = d.code AND r.level = 'unsatisfied') AS unsatisfied
    FROM dossiers d LEFT JOIN clerks c ON c.id = d.clerk_id LEFT JOIN procedures p ON p.code = d.procedure_code
    WHERE d.accepted_at < @to AND d.status <> 1
    ORDER BY d.accepted_at, d.id`);
  const events = db.prepare<{ to: number }, { dossier_id: number; at: number; to_status: number; new_due_at: number | null }>(`
    SELECT e.dossier_id, e.at, e.to_status, e.new_due_at FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
    WHERE d.accepted_at < @to ORDER BY e.dossier_id, e.id`);
  const pauses = db.prepare<{ to: number }, { dossier_id: number; from_at: number; to_at: number | null }>(`
    SELECT p.dossier_id, p.from_at, p.to_at FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id
    WHERE d.accepted_at < @to ORDER BY p.dossier_id, p.from_at, p.id`);

  function compute(q: FiguresQuery): Index766 {
    const period = { from: dayStartMs(dayNumberOfDate(q.from)), to: dayStartMs(dayNumberOfDate(q.to) + 1) };
    const now = clock.now();
    const { list, rows, byCode } = db.transaction(() => {
      const list = dossiers.all({ to: period.to });
      const ev = groupBy(events.all({ to: period.to }));
      const pa = groupBy(pauses.all({ to: period.to }));
      const files = digitisation?.(period.to);
      const input: Dossier766[] = list.map((r) => {
        const e = ev.get(r.id) ?? [];
        const moved = e.filter((x) => x.new_due_at !== null && x.at <= period.to).at(-1)?.new_due_at;
        return {
          code: r.code,
          channel: r.channel,
          receivedAt: r.accepted_at,
          appointmentAt: moved ?? r.due_at,
          // The registration event repeats the status the dossier started in; the rules look at moves.
          events: e.map((x) => ({ at: x.at, toStatus: x.to_status })),
          supplements: (pa.get(r.id) ?? []).map((p) => ({ requestedAt: p.from_at, receivedAt: p.to_at })),
          hasFee: r.has_fee === 1,
          paidOnline: r.paid_online !== 0,
          componentFile: files?.get(r.code)?.componentFile ?? false,
          resultFile: files?.get(r.code)?.resultFile ?? false,
          complaintOrUnsatisfied: r.unsatisfied === 1,
        };
      });
      const rows = rows766(input, period, now);
      return { list, rows, byCode: new Map(input.map((d) => [d.code, d])) };
    })();
    const cal = calendar();
    const out: Index766Dossier[] = [];
    const byField = new Map<string, { fieldVi: string; fieldEn: string; rows: Row766[] }>();
    const byClerk = new Map<string, { clerkId: number | null; fullName: string | null; rows: Row766[] }>();
    list.forEach((r, i) => {
      const row = rows[i]!;
      if (!row.receivedInPeriod && !row.processedInPeriod) return;
      const d = byCode.get(r.code)!;
      const fieldVi = r.field_vi ?? '—';
      const fieldEn = r.field_en ?? '—';
      push(byField, fieldVi, { fieldVi, fieldEn, rows: [] }).rows.push(row);
      push(byClerk, r.clerk_id === null ? 'portal' : String(r.clerk_id), { clerkId: r.clerk_id, fullName: r.clerk_name, rows: [] }).rows.push(row);
      const lastBack = d.supplements.filter((s) => s.receivedAt !== null).at(-1)?.receivedAt ?? null;
      out.push({
        code: r.code,
        procedureNameVi: r.procedure_name_vi,
        procedureNameEn: r.procedure_name_en,
        fieldVi,
        fieldEn,
        clerkId: r.clerk_id,
        clerkName: r.clerk_name,
        channel: row.channel,
        receivedAt: r.accepted_at,
        appointmentAt: d.appointmentAt,
        legalDueAt: lastBack === null ? null : decreeDueAfterSupplement(lastBack, { value: r.processing_value, unit: r.processing_unit }, cal),
        endAt: row.progress?.end.at ?? null,
        endKind: row.progress?.end.kind ?? null,
        supplementRequests: d.supplements.filter((s) => s.requestedAt <= (row.progress?.end.at ?? period.to)).length,
        supplementMs: row.progress?.supplementMs ?? 0,
        onTime: row.progress ? row.progress.onTime : null,
        lateReason: row.progress?.lateReason ?? null,
        complaint: row.complaint,
        parts: Object.fromEntries(FIGURE_KEYS.map((k) => [k, row.parts[k] ?? null])) as Index766Dossier['parts'],
      });
    });
    const inPeriod = rows.filter((r) => r.receivedInPeriod || r.processedInPeriod);
    return {
      from: q.from,
      to: q.to,
      asOf: Math.min(period.to - 1, now),
      generatedAt: now,
      attachmentsStored: digitisation !== undefined,
      office: figures766(inPeriod),
      byField: [...byField.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([key, g]) => ({ key, fieldVi: g.fieldVi, fieldEn: g.fieldEn, figures: figures766(g.rows) })),
      byClerk: [...byClerk.entries()].map(([key, g]) => ({ key, clerkId: g.clerkId, fullName: g.fullName, figures: figures766(g.rows) })),
      dossiers: out,
    };
  }
  return { compute };
}
export type Index766Service = ReturnType<typeof createIndex766Service>;

function groupBy<T extends { dossier_id: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) push(m, r.dossier_id, [] as T[]).push(r);
  return m;
}
function push<K, V>(m: Map<K, V>, k: K, fresh: V): V {
  const have = m.get(k);
  if (have !== undefined) return have;
  m.set(k, fresh);
  return fresh;
}
