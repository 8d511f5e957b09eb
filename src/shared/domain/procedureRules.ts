/**
 * The one validator of a catalogue procedure, whoever sends it: the seed file,
 * a province's spreadsheet (src/shared/domain/catalogueRows.ts) or the
 * district server's pull (src/main/sync/project.ts, src/district/backOffice.ts).
 * The zod schema holds the shape; the rules zod cannot say live here.
 */
import { procedureSchema, type Procedure } from '../api/catalogue';

export interface ProcedureIssue {
  /** Dotted path of the field (e.g. `fee.amount`), '' for the whole procedure. */
  path: string;
  reason: string;
}

export type ProcedureCheck = { ok: true; procedure: Procedure } | { ok: false; issues: ProcedureIssue[] };

/** Two-tier government since 1 July 2025: a new or changed procedure never has the district level. */
const DISTRICT_GONE = 'There is no district level since 1 July 2025 (Law 72/2025/QH15): a procedure is the province\'s or the commune\'s.';

export function validateProcedure(input: unknown): ProcedureCheck {
  if (input && typeof input === 'object' && (input as { level?: unknown }).level === 'district') return { ok: false, issues: [{ path: 'level', reason: DISTRICT_GONE }] };
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), reason: i.message })) };
  const p = parsed.data;
  const issues: ProcedureIssue[] = [];
  const names = new Set<string>();
  p.documents.forEach((d, i) => {
    const key = d.nameVi.toLowerCase();
    if (names.has(key)) issues.push({ path: `documents.${i}.nameVi`, reason: `The document "${d.nameVi.slice(0, 60)}" is listed twice.` });
    names.add(key);
  });
  if (p.fee.amount !== null && p.fee.amount > 0 && p.fee.amount % 100 !== 0) issues.push({ path: 'fee.amount', reason: `A fee of ${p.fee.amount} đồng is not a whole number of hundreds; check the figure.` });
  return issues.length ? { ok: false, issues } : { ok: true, procedure: p };
}

/** The message of a refused procedure, one line (sync logs and errors). */
export const describeIssues = (issues: readonly ProcedureIssue[]) => issues.map((i) => (i.path ? `${i.path}: ${i.reason}` : i.reason)).join('; ');
