import ExcelJS from 'exceljs';
import { FORM_SOURCE, FORM_TITLES, officeDateVi, officeDayOf, officeTimeOf, OFFICE_TIME_ZONE } from '../../../shared/domain';
import { createDocument, Frame, FONT, mm, toBuffer } from './layout';
import { clean, header, PORTRAIT } from './dossierDocs';
import type { OfficeInfo } from './types';

/**
 * Mẫu 07, the tracking book ("Sổ theo dõi hồ sơ"): one row per dossier received
 * in the period. Its column list was not found in the 2025 text; these are the
 * columns of the register offices keep after the 2018 form (docs/legal.md §2.1).
 * The PDF is A4 landscape with the header row repeated on every page and
 * "Trang i/n"; the workbook keeps numbers and times as typed cells.
 */

export interface TrackingBookRow {
  code: string;
  procedureName: string;
  sets: number;
  applicantName: string;
  /** Address and phone in one cell, as the register has them. */
  contact: string;
  /** The competent agency / department, as sync last reported it. */
  department: string;
  receivedAt: number;
  dueAt: number;
  /** When it went on to the department (first move after receipt), result ready, handed back. */
  passedOnAt: number | null;
  resultAt: number | null;
  handedBackAt: number | null;
  /** Status words and the book reference ("Quyển 2026, số 12"). */
  note: string;
}

export interface TrackingBookInput {
  office: OfficeInfo;
  /** Office days, inclusive. */
  from: string;
  to: string;
  rows: readonly TrackingBookRow[];
  issuedAt: number;
}

const COLUMNS = [
  { header: 'STT', share: 3.5, align: 'center' as const, width: 6 },
  { header: 'Mã hồ sơ', share: 17, width: 26 },
  { header: 'Tên thủ tục hành chính', share: 12, width: 40 },
  { header: 'Số lượng hồ sơ (bộ)', share: 5, align: 'center' as const, width: 10 },
  { header: 'Tên cá nhân, tổ chức', share: 10, width: 26 },
  { header: 'Địa chỉ, số điện thoại', share: 11, width: 34 },
  { header: 'Cơ quan chủ trì giải quyết', share: 10, width: 28 },
  { header: 'Nhận hồ sơ (giờ, ngày)', share: 7.5, align: 'center' as const, width: 17 },
  { header: 'Hẹn trả kết quả (giờ, ngày)', share: 7.5, align: 'center' as const, width: 17 },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', share: 7.5, align: 'center' as const, width: 17 },
  { header: 'Nhận kết quả từ cơ quan giải quyết', share: 7.5, align: 'center' as const, width: 17 },
  { header: 'Trả kết quả cho cá nhân, tổ chức', share: 7.5, align: 'center' as const, width: 17 },
  { header: 'Ghi chú', share: 7, width: 30 },
];

const when = (ms: number | null, tz: string) => (ms === null ? '' : `${officeTimeOf(ms, tz)}\n${officeDateVi(ms, tz)}`);
const dayVi = (day: string) => day.split('-').reverse().join('/');

export async function renderTrackingBookPdf(input: TrackingBookInput): Promise<Buffer> {
  const tz = input.office.timeZone ?? OFFICE_TIME_ZONE;
  const title = FORM_TITLES['07'];
  const doc = createDocument({ widthMm: 297, heightMm: 210, marginMm: 12, title: `${title} ${input.from}–${input.to}`, lang: 'vi' });
  const s = PORTRAIT;
  const page = Frame.page(doc);
  // Room at the foot of every page for its number.
  const f = new Frame(doc, page.left, page.width, page.top, page.bottom - mm(5));
  header(f, input.office, '', input.issuedAt, s);
  f.text(title, { size: s.title, bold: true, align: 'center', gapMm: 0.3 });
  f.text(`Mẫu số 07 — ${FORM_SOURCE}`, { size: s.small - 0.5, align: 'center', gapMm: 0.3 });
  f.text(`Từ ngày ${dayVi(input.from)} đến ngày ${dayVi(input.to)} — ${input.rows.length} hồ sơ`, { size: s.body, align: 'center', oblique: true, gapMm: 2 });
  f.table(
    COLUMNS,
    input.rows.map((r, i) => [
      String(i + 1),
      clean(r.code),
      clean(r.procedureName),
      String(r.sets),
      clean(r.applicantName),
      clean(r.contact),
      clean(r.department),
      when(r.receivedAt, tz),
      when(r.dueAt, tz),
      when(r.passedOnAt, tz),
      when(r.resultAt, tz),
      when(r.handedBackAt, tz),
      clean(r.note),
    ]),
    { size: 7, headerSize: 6.5, padMm: 0.9 },
  );
  if (input.rows.length === 0) f.text('Không có hồ sơ nào được tiếp nhận trong kỳ.', { size: s.body, align: 'center', oblique: true });
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    // Below the text area: without a zero bottom margin pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - mm(10);
    doc.font(FONT.regular).fontSize(8).text(`Trang ${p - range.start + 1}/${range.count}`, mm(12), y, { width: doc.page.width - mm(24), align: 'right', lineBreak: false });
  }
  return toBuffer(doc);
}

/** Office wall-clock time as a Date whose UTC fields are that time: Excel has no zones, and shows what the office saw. */
function excelTime(ms: number, tz: string): Date {
  const [y, m, d] = officeDayOf(ms, tz).split('-').map(Number);
  const [hh, mi] = officeTimeOf(ms, tz).split(':').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hh!, mi!));
}

export async function renderTrackingBookXlsx(input: TrackingBookInput): Promise<Buffer> {
  const tz = input.office.timeZone ?? OFFICE_TIME_ZONE;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Kiosk';
  const ws = wb.addWorksheet('So theo doi ho so', { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getCell('A1').value = `${FORM_TITLES['07']} (Mẫu số 07 — ${FORM_SOURCE})`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = `${clean(input.office.centreName)} — từ ngày ${dayVi(input.from)} đến ngày ${dayVi(input.to)}`;
  const head = ws.getRow(4);
  COLUMNS.forEach((c, i) => {
    head.getCell(i + 1).value = c.header;
    ws.getColumn(i + 1).width = c.width;
  });
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  ws.pageSetup.printTitlesRow = '4:4';
  const t = (ms: number | null) => (ms === null ? null : excelTime(ms, tz));
  input.rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.code, r.procedureName, r.sets, r.applicantName, r.contact, r.department, t(r.receivedAt), t(r.dueAt), t(r.passedOnAt), t(r.resultAt), t(r.handedBackAt), r.note]);
    for (const c of [8, 9, 10, 11, 12]) row.getCell(c).numFmt = 'dd/mm/yyyy hh:mm';
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
