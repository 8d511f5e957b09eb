import type { Db } from '../open';
import { foldVietnamese } from '../../../shared/domain/textFold';
import { collator, sortByText } from '../../../shared/domain/collate';
import { processingHours, type Procedure, type ProcedureDetail, type ProcedureField, type ProcedureListItem, type StoredProcedureLevel } from '../../../shared/api/catalogue';
import { procedureVersionsRepo, type VersionSource } from './procedureVersions';

/** At most this many words of a query reach FTS5 (a kiosk query has 2–6). */
const MAX_TOKENS = 12;
/** Up to this many letters in all, results come in name order instead of by rank (see matchedByName). */
const SHORT_QUERY = 2;
const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;

/** The words of a query or of indexed text, folded (case, diacritics, đ → d) exactly as the index holds them. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text.normalize('NFC'))
    .split(TOKEN_SPLIT)
    .filter((t) => t.length > 0);
}

/**
 * An FTS5 MATCH expression from free text typed at a kiosk: every word folded
 * and quoted as a prefix (`"dang"* "ky"* "kh"*`, implicit AND). Only letters
 * and digits survive, so quotes, `*`, `(`, `:`, `^`, `-`, NEAR/AND/OR/NOT and
 * SQL text can never reach FTS5 as syntax. Null when no word is left.
 */
export function ftsMatchExpression(query: string): string | null {
  const tokens = searchTokens(query).slice(0, MAX_TOKENS);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

/** What the index holds for one procedure: folded codes (also without dots, so 1001193 finds 1.001193), names (vi + en) and field. */
export function indexedText(p: Pick<Procedure, 'code' | 'nameVi' | 'nameEn' | 'fieldVi' | 'fieldEn'>) {
  return {
    code: foldVietnamese(`${p.code} ${p.code.replaceAll('.', '')}`),
    name: foldVietnamese(`${p.nameVi} ${p.nameEn}`),
    field: foldVietnamese(`${p.fieldVi} ${p.fieldEn}`),
  };
}

interface ListRow {
  id: number;
  code: string;
  national_code: string | null;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  level: StoredProcedureLevel;
  processing_value: number;
  processing_unit: 'working_days' | 'calendar_days';
  processing_hours: number;
  processing_note_vi: string | null;
  processing_note_en: string | null;
  fee_text_vi: string;
  fee_text_en: string;
  fee_amount: number | null;
}
interface DetailRow extends ListRow {
  implementing_agency: string | null;
  version: number;
  legal_basis: string;
  result_methods: string;
  steps: string;
  active: number;
  updated_at: number;
}
interface DocRow {
  name_vi: string;
  name_en: string;
  originals: number;
  certified_copies: number;
  photocopies: number;
}

const LIST_COLUMNS = `p.id, p.code, p.national_code, p.name_vi, p.name_en, p.field_vi, p.field_en, p.level, p.processing_value, p.processing_unit,
  p.processing_hours, p.processing_note_vi, p.processing_note_en, p.fee_text_vi, p.fee_text_en, p.fee_amount`;

const toItem = (r: ListRow): ProcedureListItem => ({
  code: r.code,
  nationalCode: r.national_code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  fieldVi: r.field_vi,
  fieldEn: r.field_en,
  level: r.level,
  processing: { value: r.processing_value, unit: r.processing_unit, hours: r.processing_hours, noteVi: r.processing_note_vi, noteEn: r.processing_note_en },
  fee: { amount: r.fee_amount, textVi: r.fee_text_vi, textEn: r.fee_text_en },
});

export interface CatalogueSearch {
  q?: string;
  field?: string | undefined;
  limit: number;
}

/**
 * Procedures and their documents, and the FTS5 index over their folded text:
 * a procedure, its documents and its index row are written in one transaction
 * here, so the index never disagrees with the rows.
 */
export function catalogueRepo(db: Db) {
  const byCode = db.prepare<[string], DetailRow>(`SELECT ${LIST_COLUMNS}, p.implementing_agency, p.version, p.legal_basis, p.result_methods, p.steps, p.active, p.updated_at FROM procedures p WHERE p.code = ?`);
  const idByCode = db.prepare<[string], { id: number }>('SELECT id FROM procedures WHERE code = ?');
  const docs = db.prepare<[number], DocRow>('SELECT name_vi, name_en, originals, certified_copies, photocopies FROM procedure_documents WHERE procedure_id = ? ORDER BY position');
  const insert = db.prepare(`INSERT INTO procedures (code, national_code, name_vi, name_en, field_vi, field_en, level, implementing_agency, processing_value, processing_unit, processing_hours,
      processing_note_vi, processing_note_en, fee_text_vi, fee_text_en, fee_amount, legal_basis, result_methods, steps, sort_key, active, updated_at, version)
    VALUES (@code, @nationalCode, @nameVi, @nameEn, @fieldVi, @fieldEn, @level, @agency, @value, @unit, @hours, @noteVi, @noteEn, @feeVi, @feeEn, @feeAmount,
      @legalBasis, @resultMethods, @steps, @sortKey, @active, @now, @version)`);
  const update = db.prepare(`UPDATE procedures SET national_code = @nationalCode, name_vi = @nameVi, name_en = @nameEn, field_vi = @fieldVi, field_en = @fieldEn,
      level = @level, implementing_agency = @agency, version = @version, processing_value = @value, processing_unit = @unit, processing_hours = @hours, processing_note_vi = @noteVi, processing_note_en = @noteEn,
      fee_text_vi = @feeVi, fee_text_en = @feeEn, fee_amount = @feeAmount, legal_basis = @legalBasis, result_methods = @resultMethods, steps = @steps,
      sort_key = @sortKey, active = @active, updated_at = @now
    WHERE code = @code`);
  const deleteDocs = db.prepare<[number]>('DELETE FROM procedure_documents WHERE procedure_id = ?');
  const insertDoc = db.prepare(`INSERT INTO procedure_documents (procedure_id, position, name_vi, name_en, originals, certified_copies, photocopies)
    VALUES (@id, @position, @nameVi, @nameEn, @originals, @certifiedCopies, @photocopies)`);
  const deleteIndex = db.prepare<[number]>('DELETE FROM procedure_search WHERE rowid = ?');
  const insertIndex = db.prepare('INSERT INTO procedure_search (rowid, code, name, field) VALUES (@id, @code, @name, @field)');

  // Ranked: bm25 with a name hit worth most, then the folded name. Column weights: code, name, field.
  const matched = db.prepare<{ match: string; field: string | null; limit: number }, ListRow>(`SELECT ${LIST_COLUMNS}
    FROM procedure_search s JOIN procedures p ON p.id = s.rowid
    WHERE procedure_search MATCH @match AND p.active = 1 AND (@field IS NULL OR p.field_vi = @field)
    ORDER BY bm25(procedure_search, 5.0, 10.0, 2.0), p.sort_key
    LIMIT @limit`);
  // The first letter or two of a word match thousands of rows, where a rank says nothing: take the
  // matches as a set (no bm25) and walk the name index until the page is full.
  const matchedByName = db.prepare<{ match: string; field: string | null; limit: number }, ListRow>(`SELECT ${LIST_COLUMNS}
    FROM procedures p INDEXED BY procedures_sort
    WHERE p.id IN (SELECT rowid FROM procedure_search WHERE procedure_search MATCH @match)
      AND p.active = 1 AND (@field IS NULL OR p.field_vi = @field)
    ORDER BY p.sort_key LIMIT @limit`);
  const listed = db.prepare<{ field: string | null; limit: number }, ListRow>(`SELECT ${LIST_COLUMNS} FROM procedures p
    WHERE p.active = 1 AND (@field IS NULL OR p.field_vi = @field)
    ORDER BY p.field_vi, p.sort_key LIMIT @limit`);
  const fieldRows = db.prepare<[], { field_vi: string; field_en: string; n: number }>(
    'SELECT field_vi, min(field_en) AS field_en, count(*) AS n FROM procedures WHERE active = 1 GROUP BY field_vi ORDER BY field_vi',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM procedures');
  const deactivateOne = db.prepare<[number, string]>('UPDATE procedures SET active = 0, updated_at = ? WHERE code = ? AND active = 1');
  const versions = procedureVersionsRepo(db);

  /**
   * A new version is written only when the procedure differs from the one in
   * force (the same file imported twice, or a pull repeating itself, changes
   * nothing); the row, its documents and its index row then follow it.
   */
  const upsertOne = db.transaction((p: Procedure, now: number, source: VersionSource) => {
    const existing = idByCode.get(p.code);
    const version = versions.record(p, now, source);
    if (version.unchanged && existing) {
      reactivate.run(now, p.code);
      return existing.id;
    }
    const bind = {
      code: p.code,
      nationalCode: p.nationalCode,
      nameVi: p.nameVi.normalize('NFC'),
      nameEn: p.nameEn.normalize('NFC'),
      fieldVi: p.fieldVi.normalize('NFC'),
      fieldEn: p.fieldEn.normalize('NFC'),
      level: p.level,
      agency: p.implementingAgency,
      version: version.version,
      value: p.processing.value,
      unit: p.processing.unit,
      hours: processingHours(p.processing),
      noteVi: p.processing.noteVi,
      noteEn: p.processing.noteEn,
      feeVi: p.fee.textVi,
      feeEn: p.fee.textEn,
      feeAmount: p.fee.amount,
      legalBasis: JSON.stringify(p.legalBasis),
      resultMethods: JSON.stringify(p.resultMethods),
      steps: JSON.stringify(p.steps),
      sortKey: foldVietnamese(p.nameVi),
      active: 1,
      now,
    };
    let id = existing?.id;
    if (id === undefined) id = Number(insert.run(bind).lastInsertRowid);
    else {
      update.run(bind);
      deleteDocs.run(id);
      deleteIndex.run(id);
    }
    p.documents.forEach((d, i) => insertDoc.run({ id, position: i + 1, ...d, nameVi: d.nameVi.normalize('NFC'), nameEn: d.nameEn.normalize('NFC') }));
    insertIndex.run({ id, ...indexedText(p) });
    return id;
  });

  const reactivate = db.prepare<[number, string]>('UPDATE procedures SET active = 1, updated_at = ? WHERE code = ? AND active = 0');

  return {
    /** Adds or replaces a procedure (by code) with its documents, index row and version, all in one transaction. */
    upsert: (p: Procedure, now: number, source: VersionSource = 'seed'): number => upsertOne(p, now, source),
    /** Takes a procedure off the lists (withdrawn upstream or left out of an import); its versions and old dossiers stay. */
    deactivate: (code: string, now: number): boolean => deactivateOne.run(now, code).changes > 0,
    versions,
    count: (): number => countAll.get()!.n,
    /** Ranked prefix search over names, codes and fields; an empty query lists a field (or everything) by name. */
    search: ({ q = '', field, limit }: CatalogueSearch): ProcedureListItem[] => {
      const match = ftsMatchExpression(q);
      const f = field ? field.normalize('NFC').trim() || null : null;
      const short = searchTokens(q).join('').length <= SHORT_QUERY;
      if (match !== null && !short) return matched.all({ match, field: f, limit }).map(toItem);
      // SQLite picks the page by the folded name (its index); the page is then put in Vietnamese
      // order (better-sqlite3 cannot register a collation), field first when listing every field.
      const rows = match === null ? listed.all({ field: f, limit }) : matchedByName.all({ match, field: f, limit });
      const c = collator('vi');
      const byField = match === null && f === null;
      return rows.sort((a, b) => (byField ? c.compare(a.field_vi, b.field_vi) : 0) || c.compare(a.name_vi, b.name_vi)).map(toItem);
    },
    get: (code: string): ProcedureDetail | undefined => {
      const r = byCode.get(code.trim().toUpperCase());
      if (!r) return undefined;
      return {
        ...toItem(r),
        documents: docs.all(r.id).map((d) => ({ nameVi: d.name_vi, nameEn: d.name_en, originals: d.originals, certifiedCopies: d.certified_copies, photocopies: d.photocopies })),
        steps: JSON.parse(r.steps) as ProcedureDetail['steps'],
        legalBasis: JSON.parse(r.legal_basis) as string[],
        resultMethods: JSON.parse(r.result_methods) as ProcedureDetail['resultMethods'],
        implementingAgency: r.implementing_agency,
        active: r.active === 1,
        updatedAt: r.updated_at,
        version: r.version,
      };
    },
    /** The fields in Vietnamese order ("Dân số", "Đất đai", "Giáo dục"), not code-point order. */
    fields: (): ProcedureField[] => sortByText(fieldRows.all(), (r) => r.field_vi, 'vi').map((r) => ({ fieldVi: r.field_vi, fieldEn: r.field_en, count: r.n })),
  };
}
export type CatalogueRepo = ReturnType<typeof catalogueRepo>;
