/**
 * A province's catalogue spreadsheet, row by row: the columns found by their
 * Vietnamese headers (folded, so case, diacritics and spacing do not matter),
 * and each row turned into a procedure for validateProcedure. No published
 * column layout of the national database's export was found (docs/legal.md
 * §9), so headers are matched by name and synonyms, never by position.
 */
import { foldVietnamese } from './textFold';
import { validateProcedure } from './procedureRules';
import { LOCAL_CODE_PATTERN, NATIONAL_CODE_PATTERN, type Procedure, type StoredProcedure } from '../api/catalogue';

export const CATALOGUE_COLUMNS = ['code', 'name', 'field', 'level', 'agency', 'processing', 'fee', 'documents', 'legalBasis'] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** The header an administrator sees for each column (the first synonym). */
export const COLUMN_HEADERS: Record<CatalogueColumn, readonly string[]> = {
  code: ['Mã thủ tục', 'Mã TTHC', 'Mã số TTHC', 'Mã số', 'Mã số thủ tục'],
  name: ['Tên thủ tục', 'Tên TTHC', 'Tên thủ tục hành chính', 'Tên'],
  field: ['Lĩnh vực', 'Lĩnh vực thực hiện'],
  level: ['Cấp thực hiện', 'Cấp'],
  agency: ['Cơ quan thực hiện', 'Cơ quan giải quyết'],
  processing: ['Thời hạn giải quyết', 'Thời gian giải quyết', 'Thời hạn'],
  fee: ['Phí, lệ phí', 'Phí lệ phí', 'Lệ phí', 'Phí'],
  documents: ['Thành phần hồ sơ', 'Hồ sơ'],
  legalBasis: ['Căn cứ pháp lý', 'Căn cứ pháp lý của TTHC'],
};
/** Without these a row cannot become a procedure; the others may be left out (kept from the current version). */
export const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ['code', 'name', 'field', 'level', 'processing', 'fee'];

const foldHeader = (h: string) => foldVietnamese(h.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim();
const SYNONYMS = new Map<string, CatalogueColumn>(CATALOGUE_COLUMNS.flatMap((c) => COLUMN_HEADERS[c].map((h) => [foldHeader(h), c] as const)));

export type HeaderMap = Partial<Record<CatalogueColumn, number>>;
export type HeaderResult =
  | { ok: true; columns: HeaderMap; headerRow: number; ignored: string[] }
  | { ok: false; missing: CatalogueColumn[]; duplicated: string[] };

/**
 * Finds the header row among the first rows (a published appendix often has a
 * title above its table) and maps each known header to its column index.
 */
export function mapHeaders(rows: readonly (readonly string[])[], searchRows = 10): HeaderResult {
  let best: { row: number; columns: HeaderMap; duplicated: string[]; ignored: string[] } | null = null;
  for (let r = 0; r < Math.min(searchRows, rows.length); r++) {
    const columns: HeaderMap = {};
    const duplicated: string[] = [];
    const ignored: string[] = [];
    rows[r]!.forEach((cell, i) => {
      const key = SYNONYMS.get(foldHeader(cell ?? ''));
      if (!key) {
        if ((cell ?? '').trim()) ignored.push(cell.trim());
        return;
      }
      if (columns[key] !== undefined) duplicated.push(cell.trim());
      else columns[key] = i;
    });
    if (!best || Object.keys(columns).length > Object.keys(best.columns).length) best = { row: r, columns, duplicated, ignored };
  }
  const found = best?.columns ?? {};
  const missing = REQUIRED_COLUMNS.filter((c) => found[c] === undefined);
  if (missing.length || best?.duplicated.length) return { ok: false, missing, duplicated: best?.duplicated ?? [] };
  return { ok: true, columns: found, headerRow: best!.row, ignored: best!.ignored };
}

/** A cell that cannot be read: the reason in English (logs, API), and a rule + values the screens translate. */
export interface Problem {
  error: string;
  rule: string;
  values?: Record<string, string | number>;
}

export interface RowError {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  /** The header of the column (as in COLUMN_HEADERS), or '' for the row as a whole. */
  column: string;
  reason: string;
  /** Translation key under catalogue.rules (the screen's language); absent for the validator's own findings. */
  rule?: string;
  values?: Record<string, string | number>;
}

const header = (c: CatalogueColumn) => COLUMN_HEADERS[c][0]!;

/** "1.001193" or "1.001193.000.00.00.H24" (with the agency appended) → 1.001193; a local code stays as it is. */
export function parseProcedureCode(text: string): { code: string; national: boolean } | null {
  const t = text.trim().toUpperCase();
  const m = /^(\d\.\d{6})(?:\.[0-9A-Z.]+)?$/.exec(t);
  if (m && NATIONAL_CODE_PATTERN.test(m[1]!)) return { code: m[1]!, national: true };
  if (LOCAL_CODE_PATTERN.test(t)) return { code: t, national: false };
  return null;
}

/** "Cấp xã", "Xã, phường", "Cấp tỉnh", "UBND cấp tỉnh; UBND cấp xã" → the level; a district level is refused. */
export function parseLevel(text: string): { level: 'province' | 'commune' } | Problem {
  const f = foldVietnamese(text.normalize('NFC'));
  const withoutTown = f.replace(/thi xa/g, ' ');
  // A procedure done at both levels is received here as the commune's (the office is the commune's centre).
  if (/\b(xa|phuong|dac khu)\b/.test(withoutTown)) return { level: 'commune' };
  if (/\btinh\b|thanh pho truc thuoc/.test(f)) return { level: 'province' };
  if (/\bhuyen\b|\bquan\b|thi xa/.test(f)) return { error: 'The district level no longer exists since 1 July 2025: write "Cấp tỉnh" or "Cấp xã".', rule: 'level.district' };
  return { error: `"${text.slice(0, 40)}" is not a level: write "Cấp tỉnh" or "Cấp xã".`, rule: 'level.unknown', values: { text: text.slice(0, 40) } };
}

/**
 * "15 ngày làm việc", "03 ngày", "Trong ngày", "4 giờ làm việc" → the
 * processing time the due date is computed from. "ngày" without "làm việc"
 * counts calendar days, as the text says; hours round up to working days.
 */
export function parseProcessing(text: string): { value: number; unit: 'working_days' | 'calendar_days'; note: string | null } | Problem {
  const t = text.normalize('NFC').trim();
  const f = foldVietnamese(t);
  if (!t) return { error: 'The processing time is empty.', rule: 'processing.empty' };
  const note = t.length > 0 ? t : null;
  // "Trong ngày; tiếp nhận sau 15 giờ thì …": a same-day procedure whose later figure is a time of day.
  if (/^(trong ngay|ngay trong ngay|trong ngay lam viec)\b/.test(f)) return { value: 0, unit: 'working_days', note };
  const num = /(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|thang|nam)\b/.exec(f);
  if (!num) {
    if (/trong ngay|ngay trong ngay|ngay khi|tra ngay/.test(f)) return { value: 0, unit: 'working_days', note };
    return { error: `"${t.slice(0, 60)}" has no time in days (e.g. "15 ngày làm việc" or "Trong ngày").`, rule: 'processing.unreadable', values: { text: t.slice(0, 60) } };
  }
  const n = Number(num[1]!.replace(',', '.'));
  // A bare "10 ngày làm việc" says nothing a note would add.
  const bare = num.index === 0 && num[0].length === f.length;
  const unit = num[2]!;
  if (unit === 'thang' || unit === 'nam') return { error: `"${t.slice(0, 60)}" is in ${unit === 'thang' ? 'months' : 'years'}: give the time in days.`, rule: 'processing.months', values: { text: t.slice(0, 60) } };
  if (unit.startsWith('gio')) return { value: Math.ceil(n / 8), unit: 'working_days', note };
  if (!Number.isInteger(n)) return { error: `"${num[1]}" is not a whole number of days.`, rule: 'processing.fraction', values: { text: num[1]! } };
  if (n > 365) return { error: `${n} days is more than a year; check the figure.`, rule: 'processing.tooLong', values: { n } };
  return { value: n, unit: unit === 'ngay lam viec' ? 'working_days' : 'calendar_days', note: bare ? null : note };
}

const GROUPED = /^\d{1,3}(?:([.,])\d{3}(?:\1\d{3})*)?$|^\d+$/;

/**
 * A fee cell → its amount in đồng: "Không", "Miễn phí" → 0; "50.000 đồng" →
 * 50 000; text without a figure ("Theo quy định của HĐND tỉnh") or several
 * figures (per case) → null, the text kept. A figure that cannot be read as
 * đồng (a negative sign, letters inside digits, broken thousands) is an error.
 */
export function parseFee(text: string): { amount: number | null } | Problem {
  const t = text.normalize('NFC').trim();
  const f = foldVietnamese(t);
  if (!t) return { error: 'The fee is empty: write "Không" when there is none.', rule: 'fee.empty' };
  if (/-\s*\d/.test(t)) return { error: `"${t.slice(0, 60)}" has a negative figure.`, rule: 'fee.negative', values: { text: t.slice(0, 60) } };
  if (/\d[a-zA-Z]|[a-zA-Z]\d/.test(t.replace(/\b\d+\/\d{4}\/[A-ZĐ-]+/g, '').replace(/\b[A-Z]\d{2}\b/g, ''))) return { error: `"${t.slice(0, 60)}" mixes letters into a figure.`, rule: 'fee.letters', values: { text: t.slice(0, 60) } };
  // Legal references ("Thông tư 85/2019/TT-BTC") and percentages are not the fee's figure.
  const figures = f
    .replace(/\b\d+\/\d{4}\/[a-z-]+/g, ' ')
    .replace(/\d+(?:[.,]\d+)?\s*%/g, ' ')
    .match(/\d[\d.,]*\d|\d/g) ?? [];
  for (const g of figures) if (!GROUPED.test(g)) return { error: `"${g}" is not an amount in đồng (thousands are grouped by 3, e.g. 50.000).`, rule: 'fee.grouping', values: { text: g } };
  if (figures.length === 0) return { amount: /^(khong|mien|mien phi|mien le phi|khong thu|khong co)\b/.test(f) ? 0 : null };
  if (figures.length > 1) return { amount: null };
  const amount = Number(figures[0]!.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(amount) || amount > 1_000_000_000) return { error: `${figures[0]} đồng is not a fee this office can take; check the figure.`, rule: 'fee.tooLarge', values: { text: figures[0]! } };
  return { amount };
}

/** Lines of a cell: new lines, semicolons or "1." / "- " bullets split it. */
export function splitList(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n|;|(?:^|\s)(?=\d{1,2}[.)]\s)|(?:^|\s)[-•+]\s/)
    .map((s) => s.replace(/^\s*(?:\d{1,2}[.)]|[-•+])\s*/, '').trim())
    .filter((s) => s.length > 0);
}

/** A document line → its counts: "bản sao có chứng thực" → a certified copy, "bản sao"/"bản chụp" → a photocopy, else an original. */
export function documentOf(line: string): Procedure['documents'][number] {
  const f = foldVietnamese(line);
  const name = line.slice(0, 500);
  if (/ban sao (co )?chung thuc/.test(f)) return { nameVi: name, nameEn: name, originals: 0, certifiedCopies: 1, photocopies: 0 };
  if (/ban sao|ban chup|ban photo/.test(f)) return { nameVi: name, nameEn: name, originals: 0, certifiedCopies: 0, photocopies: 1 };
  return { nameVi: name, nameEn: name, originals: 1, certifiedCopies: 0, photocopies: 0 };
}

const DEFAULT_STEPS: Procedure['steps'] = [
  { vi: 'Nộp hồ sơ tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công', en: 'Submit the dossier at the one-stop office or on the public service portal' },
  { vi: 'Nhận kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Collect the result as the receipt says' },
];

export type RowResult = { ok: true; procedure: Procedure } | { ok: false; errors: RowError[] };

/**
 * One spreadsheet row → a procedure. What the sheet does not carry (English
 * names, steps, how the result is returned) comes from the procedure's current
 * version when there is one; an English name left unknown repeats the
 * Vietnamese one, so the kiosk always has a name to show.
 */
export function rowToProcedure(
  cells: readonly string[],
  rowNumber: number,
  columns: HeaderMap,
  lookup: { current(code: string): StoredProcedure | undefined; fieldEn(fieldVi: string): string | undefined },
): RowResult {
  const cell = (c: CatalogueColumn) => (columns[c] === undefined ? undefined : (cells[columns[c]!] ?? '').normalize('NFC').trim());
  const errors: RowError[] = [];
  const fail = (c: CatalogueColumn | '', reason: string, rule?: string, values?: Problem['values']) =>
    errors.push({ row: rowNumber, column: c ? header(c) : '', reason, ...(rule ? { rule } : {}), ...(values ? { values } : {}) });
  const failWith = (c: CatalogueColumn, p: Problem) => fail(c, p.error, p.rule, p.values);

  const codeText = cell('code') ?? '';
  const code = parseProcedureCode(codeText);
  if (!codeText) fail('code', 'The procedure code is empty.', 'code.empty');
  else if (!code) fail('code', `"${codeText.slice(0, 40)}" is not a procedure code like 1.001193 (or a local code like DP-HT-001).`, 'code.shape', { text: codeText.slice(0, 40) });
  const name = cell('name') ?? '';
  if (!name) fail('name', 'The name is empty.', 'name.empty');
  const fieldVi = cell('field') ?? '';
  if (!fieldVi) fail('field', 'The field is empty.', 'field.empty');
  const level = parseLevel(cell('level') ?? '');
  if ('error' in level) failWith('level', level);
  const processing = parseProcessing(cell('processing') ?? '');
  if ('error' in processing) failWith('processing', processing);
  const feeText = cell('fee') ?? '';
  const fee = parseFee(feeText);
  if ('error' in fee) failWith('fee', fee);
  if (errors.length || !code || 'error' in level || 'error' in processing || 'error' in fee) return { ok: false, errors };

  const current = lookup.current(code.code);
  const documentsText = cell('documents');
  const legalText = cell('legalBasis');
  const agency = cell('agency');
  const legalBasis = legalText ? splitList(legalText).map((l) => l.slice(0, 500)) : (current?.legalBasis ?? []);
  if (legalBasis.length === 0) fail('legalBasis', 'A new procedure needs its legal basis.', 'legalBasis.empty');
  const sameName = current?.nameVi === name;
  const candidate = {
    code: code.code,
    nationalCode: code.national ? code.code : null,
    nameVi: name.slice(0, 400),
    nameEn: sameName ? current.nameEn : name.slice(0, 400),
    fieldVi: fieldVi.slice(0, 100),
    fieldEn: lookup.fieldEn(fieldVi) ?? (current?.fieldVi === fieldVi ? current.fieldEn : fieldVi.slice(0, 100)),
    level: level.level,
    // An empty cell keeps what the version in force says (a province's sheet often leaves a column blank).
    implementingAgency: agency ? agency.slice(0, 500) : (current?.implementingAgency ?? null),
    processing: {
      value: processing.value,
      unit: processing.unit,
      noteVi: processing.note ? processing.note.slice(0, 500) : null,
      noteEn: current && current.processing.noteVi === processing.note ? current.processing.noteEn : processing.note ? processing.note.slice(0, 500) : null,
    },
    fee: {
      amount: fee.amount,
      textVi: feeText.slice(0, 500),
      textEn: current && current.fee.textVi === feeText ? current.fee.textEn : fee.amount === 0 ? 'No fee' : fee.amount !== null ? `${fee.amount.toLocaleString('en-US')} VND` : 'As the Vietnamese text says',
    },
    documents: documentsText ? mergeDocuments(splitList(documentsText), current?.documents ?? []) : (current?.documents ?? []),
    steps: current?.steps ?? DEFAULT_STEPS,
    legalBasis,
    resultMethods: current?.resultMethods ?? (['counter'] as Procedure['resultMethods']),
  };
  if (errors.length) return { ok: false, errors };
  const checked = validateProcedure(candidate);
  if (!checked.ok) {
    for (const i of checked.issues) fail(columnOfPath(i.path), i.reason);
    return { ok: false, errors };
  }
  return { ok: true, procedure: checked.procedure };
}

/** A document already known by name keeps its English name and counts. */
function mergeDocuments(lines: string[], known: Procedure['documents']): Procedure['documents'] {
  const byName = new Map(known.map((d) => [d.nameVi, d]));
  return lines.map((l) => byName.get(l.slice(0, 500)) ?? documentOf(l));
}

function columnOfPath(path: string): CatalogueColumn | '' {
  const top = path.split('.')[0] ?? '';
  const map: Record<string, CatalogueColumn> = { code: 'code', nationalCode: 'code', nameVi: 'name', fieldVi: 'field', level: 'level', implementingAgency: 'agency', processing: 'processing', fee: 'fee', documents: 'documents', legalBasis: 'legalBasis' };
  return map[top] ?? '';
}
