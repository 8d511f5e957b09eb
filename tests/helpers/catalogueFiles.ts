import ExcelJS from 'exceljs';

/** The headers a province's export carries (docs/catalogue.md lists the accepted spellings). */
export const CATALOGUE_HEADERS = ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Căn cứ pháp lý'];

export interface CatalogueRow {
  code: string;
  name: string;
  field: string;
  level: string;
  agency?: string;
  processing: string;
  fee: string;
  documents?: string;
  legal?: string;
}

export const rowCells = (r: CatalogueRow, i: number) => [String(i + 1), r.code, r.name, r.field, r.level, r.agency ?? '', r.processing, r.fee, r.documents ?? '', r.legal ?? ''];

/** An xlsx as a province would send it: a title row, then the header, then the rows. */
export async function catalogueXlsx(rows: CatalogueRow[], title = 'DANH MỤC THỦ TỤC HÀNH CHÍNH'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow([title]);
  ws.addRow(CATALOGUE_HEADERS);
  rows.forEach((r, i) => ws.addRow(rowCells(r, i)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** UTF-8 CSV with a BOM, as Excel's "CSV UTF-8" writes it. */
export function catalogueCsv(rows: CatalogueRow[], headers = CATALOGUE_HEADERS): Uint8Array {
  const lines = [headers, ...rows.map(rowCells)].map((cells) => cells.map(quote).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
