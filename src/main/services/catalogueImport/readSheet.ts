import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseString } from '@fast-csv/parse';
import { AppError } from '../../../shared/api';
import { CATALOGUE_IMPORT_MAX_BYTES, CATALOGUE_IMPORT_MAX_ROWS } from '../../../shared/api/catalogueImport';

export interface Sheet {
  format: 'xlsx' | 'csv';
  /** Every row as text cells, the header row(s) included; row i is spreadsheet row i + 1. */
  rows: string[][];
}

/** Rows read before the limit is checked: a header may sit under a title of a few rows. */
const HEADER_ALLOWANCE = 10;
const maxRows = (limit: number) => limit + HEADER_ALLOWANCE;

const tooManyRows = (limit: number) =>
  new AppError(413, 'TOO_MANY_ROWS', `The file has more than ${limit.toLocaleString('en-US')} rows; a province's catalogue has a few thousand. Split the file or check that it is the right one.`, { maxRows: limit });

/**
 * The bytes of an uploaded catalogue → rows of text. xlsx is recognised by
 * its zip signature and read with exceljs's streaming reader (first sheet
 * only), so a huge sheet is refused at the row limit instead of being loaded
 * whole; anything else must be UTF-8 CSV (comma, semicolon or tab).
 */
export async function readSheet(bytes: Uint8Array, limits = { maxBytes: CATALOGUE_IMPORT_MAX_BYTES, maxRows: CATALOGUE_IMPORT_MAX_ROWS }): Promise<Sheet> {
  if (bytes.byteLength === 0) throw new AppError(400, 'EMPTY_FILE', 'The file is empty.');
  if (bytes.byteLength > limits.maxBytes) {
    throw new AppError(413, 'FILE_TOO_LARGE', `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; at most ${limits.maxBytes / 1048576} MB is accepted.`, { maxBytes: limits.maxBytes });
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', rows: await readXlsx(buf, limits.maxRows) };
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError(415, 'NOT_A_SPREADSHEET', 'This is an old Excel file (.xls). Open it in Excel and save it as .xlsx or as CSV UTF-8.');
  }
  return { format: 'csv', rows: await readCsv(buf, limits.maxRows) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

async function readXlsx(buf: Buffer, limit: number): Promise<string[][]> {
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > maxRows(limit)) throw tooManyRows(limit);
        const values = row.values as ExcelJS.CellValue[];
        rows[row.number - 1] = values.slice(1).map(cellText);
      }
      break; // the first sheet is the catalogue
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(415, 'NOT_A_SPREADSHEET', 'The file looks like an xlsx but cannot be read as one (damaged, or another zip file). Save it again from Excel as .xlsx or CSV UTF-8.');
  }
  // Empty rows are not emitted: fill the holes so row numbers stay the sheet's own.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

async function readCsv(buf: Buffer, limit: number): Promise<string[][]> {
  if (buf.includes(0)) throw new AppError(415, 'NOT_A_SPREADSHEET', 'The file is neither an xlsx spreadsheet nor a CSV text file. Export the catalogue as .xlsx or CSV UTF-8.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError(415, 'NOT_A_SPREADSHEET', 'The CSV is not UTF-8 text (Vietnamese letters would be lost). Save it from Excel as "CSV UTF-8".');
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return new Promise<string[][]>((resolve, reject) => {
    const rows: string[][] = [];
    const stream = parseString<string[], string[]>(text, { delimiter, ignoreEmpty: false, trim: false });
    stream
      .on('error', () => reject(new AppError(415, 'NOT_A_SPREADSHEET', 'The CSV cannot be read (a quote is not closed?). Export it again as CSV UTF-8.')))
      .on('data', (row: string[]) => {
        rows.push(row);
        if (rows.length > maxRows(limit)) {
          stream.destroy();
          reject(tooManyRows(limit));
        }
      })
      .on('end', () => resolve(rows));
  });
}
