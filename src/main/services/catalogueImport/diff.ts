import { canonicalJson } from '../../../shared/domain/canonicalJson';
import type { StoredProcedure as Procedure } from '../../../shared/api/catalogue';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** How a field is shown in the preview: short text, lists joined; long values are cut (the preview is for reading, the version keeps all). */
const show = (v: unknown): string => {
  const text = typeof v === 'string' ? v : v === null || v === undefined ? '—' : Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x && 'nameVi' in x ? (x as { nameVi: string }).nameVi : String(x))).join('; ') : canonicalJson(v);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
};

const FIELDS: [string, (p: Procedure) => unknown][] = [
  ['nameVi', (p) => p.nameVi],
  ['fieldVi', (p) => p.fieldVi],
  ['level', (p) => p.level],
  ['implementingAgency', (p) => p.implementingAgency],
  ['processing', (p) => `${p.processing.value} ${p.processing.unit}`],
  ['processingNote', (p) => p.processing.noteVi],
  ['fee', (p) => (p.fee.amount === null ? null : p.fee.amount)],
  ['feeText', (p) => p.fee.textVi],
  ['documents', (p) => p.documents],
  ['legalBasis', (p) => p.legalBasis],
  ['nameEn', (p) => p.nameEn],
  ['fieldEn', (p) => p.fieldEn],
];

/** What differs between the version in force and the imported one, field by field (empty = unchanged). */
export function procedureChanges(before: Procedure, after: Procedure): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, get] of FIELDS) {
    const a = get(before);
    const b = get(after);
    if (canonicalJson(a) !== canonicalJson(b)) out.push({ field, before: show(a), after: show(b) });
  }
  if (out.length === 0 && canonicalJson(before) !== canonicalJson(after)) out.push({ field: 'other', before: '', after: '' });
  return out;
}
