import ExcelJS from 'exceljs';
import { OFFICE_UTC_OFFSET_MS } from '../../../shared/domain';
import type { Figures } from '../../../shared/api';
import { minutesOf, reportTables, translator, type Cell, type Lang, type ReportTable } from './reportTables';
import { dateOf, whenText } from './reportText';

/**
 * The figures as an Excel workbook a supervisor can sum, average and chart:
 * one table per sheet, every figure a number with a number format (minutes
 * 0.0, percentages 0.0 %, instants dd/mm/yyyy hh:mm in office time), units in
 * the headers, the rows above the data frozen, a filter on the header, and
 * columns sized to what they hold.
 */
const FMT = { count: '#,##0', minutes: '0.0', pct: '0.0%', score: '0.00', time: 'dd/mm/yyyy hh:mm' } as const;
/** Rows above each table: office, title, period, when drawn up, blank; then the header. */
export const XLSX_HEADER_ROW = 6;

function cellValue(c: Cell): { value: ExcelJS.CellValue; numFmt?: string; text: string } {
  if (c === null) return { value: null, text: '' };
  if (typeof c === 'string') return { value: c, text: c };
  if (typeof c === 'number') return { value: c, numFmt: FMT.count, text: String(c) };
  switch (c.kind) {
    case 'minutes': {
      const v = minutesOf(c.seconds);
      return { value: v, numFmt: FMT.minutes, text: v === null ? '' : v.toFixed(1) };
    }
    case 'pct':
      // Excel's percent format multiplies by 100: store the fraction.
      return { value: c.value === null ? null : c.value / 100, numFmt: FMT.pct, text: c.value === null ? '' : `${c.value.toFixed(1)} %` };
    case 'score':
      return { value: c.value, numFmt: FMT.score, text: c.value === null ? '' : c.value.toFixed(2) };
    case 'time':
      // Excel has no time zones: a date cell holds the office's wall clock, written as if it were UTC.
      return { value: new Date(c.ms + OFFICE_UTC_OFFSET_MS), numFmt: FMT.time, text: '00/00/0000 00:00' };
  }
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, title: string): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base.slice(0, 28)} ${n}`;
  return name;
}

export async function renderFiguresXlsx({ figures, officeName, lang }: { figures: Figures; officeName: string; lang: Lang }): Promise<Buffer> {
  const t = translator(lang);
  const tb = reportTables(figures, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Kiosk';
  wb.created = new Date(figures.generatedAt);

  const sheet = (table: ReportTable, opts: { red?: boolean } = {}) => {
    const ws = wb.addWorksheet(sheetName(wb, table.title), { views: [{ state: 'frozen', xSplit: 1, ySplit: XLSX_HEADER_ROW }] });
    ws.addRow([officeName]).font = { bold: true };
    ws.addRow([`${t('supervisor.report.title')} — ${table.title}`]).font = { bold: true, size: 13 };
    ws.addRow([t('supervisor.report.period', { from: dateOf(figures.from), to: dateOf(figures.to) })]);
    ws.addRow([t('supervisor.report.generated', { time: whenText(figures.generatedAt) })]).font = { italic: true, color: { argb: 'FF555555' } };
    ws.addRow([]);
    const h = ws.addRow(table.header);
    h.font = { bold: true };
    h.alignment = { wrapText: true, vertical: 'middle' };
    h.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { bottom: { style: 'thin' } };
    });
    const widths = table.header.map((x) => Math.min(x.length, 28));
    for (const r of table.rows) {
      const row = ws.addRow([]);
      r.forEach((cell, i) => {
        const v = cellValue(cell);
        const c = row.getCell(i + 1);
        c.value = v.value;
        if (v.numFmt) c.numFmt = v.numFmt;
        widths[i] = Math.max(widths[i] ?? 0, v.text.length);
      });
      if (opts.red) row.font = { color: { argb: 'FFC62828' } };
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.max(10, Math.min(60, w + 2))));
    if (table.rows.length > 0) ws.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW, column: table.header.length } };
    return ws;
  };

  sheet(tb.summary);
  [...tb.tickets, ...tb.dossiers, ...tb.ratings].forEach((x) => sheet(x));
  // The overdue list is as of now, in red, as on the dashboard.
  sheet({ ...tb.overdue, title: t('supervisor.report.sheetOverdue') }, { red: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
