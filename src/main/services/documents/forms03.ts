import { FORM_TITLES } from '../../../shared/domain';
import { createDocument, Frame, toBuffer } from './layout';
import { barcodeRow, clean, continuation, feeVi, header, orDots, para, placedBarcodes, PORTRAIT, timeVi, titleBlock, type Scale } from './dossierDocs';
import type { ApplicantInfo, DossierDocOptions, SlipInput } from './types';

/**
 * Forms 04, 05 and 06 of Thông tư 03/2025/TT-VPCP, Phụ lục I. Their fields were
 * not found in the 2025 text (docs/legal.md §2.1): 04 keeps the 2018 apology's
 * fields plus the proposed extension Nghị định 118 Điều 19 khoản 6 requires; 05
 * answers the stop of Điều 21; 06 is the 2018 control sheet, one row per
 * hand-over. All through the same header, barcode row and layout frames.
 */

export interface ExtensionLetterInput extends SlipInput {
  /** Why the dossier will be late. */
  reason: string;
  /** The due time on the receipt. */
  oldDueAt: number;
  /** The proposed new appointment (the district grants it through sync). */
  newDueAt: number;
  /** Whether the district has granted it yet (printed so the letter says what it is). */
  granted: boolean;
}

export interface StopNoticeInput extends SlipInput {
  reason: string;
  /** When processing stopped (status 8). */
  stoppedAt: number;
  /** Who asked: the applicant (Điều 21), the district, or the counter on the applicant's request. */
  by: 'counter' | 'district';
  feeVnd: number;
}

/** One hand-over of the dossier: who had it, from when to when, and whether it left in time. */
export interface HandOver {
  stage: string;
  department: string;
  /** Who passed it on → who received it. */
  giver: string;
  receiver: string;
  receivedAt: number;
  /** Null while the holder still has it. */
  passedOnAt: number | null;
  timing: 'early' | 'on_time' | 'late' | null;
  note: string;
}

export interface ControlSheetInput extends SlipInput {
  dueAt: number;
  handOvers: readonly HandOver[];
}

const TIMING_VI = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;

/** A letter to the applicant: header, barcodes, title, "Kính gửi: Ông/Bà …", the body, the office's signature. */
async function letter(input: SlipInput, title: string, options: Pick<DossierDocOptions, 'barcodes'>, body: (f: Frame, s: Scale) => void, signer = 'ĐẠI DIỆN CƠ QUAN, ĐƠN VỊ'): Promise<Buffer> {
  const code = clean(input.dossier.code);
  const doc = createDocument({ widthMm: 210, heightMm: 297, marginMm: 20, title: `${title} ${code}`, lang: 'vi' });
  const images = await placedBarcodes(doc, input.dossier, options.barcodes ?? true);
  const s = PORTRAIT;
  const f = Frame.page(doc);
  header(f, input.office, code, input.issuedAt, s);
  barcodeRow(f, code, images, s);
  titleBlock(f, title, undefined, s);
  f.onNewPage = continuation(title, undefined, code, images, s, f.page);
  addressee(f, input.applicant, s);
  body(f, s);
  f.gap(3);
  f.signatures(
    [
      { title: '', name: '' },
      { title: signer, note: '(Ký, ghi rõ họ tên và đóng dấu)', name: clean(input.clerkName) },
    ],
    { size: s.body, signRoomMm: 22 },
  );
  return toBuffer(doc);
}

function addressee(f: Frame, a: ApplicantInfo, s: Scale) {
  const st = { size: s.body, emphasis: 'label' as const, gapMm: 0.8 };
  f.labelled('Kính gửi', `Ông/Bà ${orDots(a.fullName)}`, { ...st, emphasis: 'both' });
  f.labelled('Địa chỉ', orDots(a.address), st);
  f.fields([['Số điện thoại', orDots(a.phone)], ['Email', orDots(a.email)]], { ...st, gapMm: 2 });
}

const agencyOf = (input: SlipInput) => clean(input.office.centreName) || 'Bộ phận Một cửa';

/** Mẫu 04: the apology, the reason, and the extension proposed (Nghị định 118/2025 Điều 19 khoản 6). */
export function renderExtensionLetterPdf(input: ExtensionLetterInput, options: Pick<DossierDocOptions, 'barcodes'> = {}): Promise<Buffer> {
  const tz = input.office.timeZone;
  return letter(input, FORM_TITLES['04'], options, (f, s) => {
    const agency = agencyOf(input);
    const st = { ...para(s), align: 'left' as const, emphasis: 'label' as const };
    f.text(`${agency} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: ${orDots(input.dossier.procedureName)}.`, para(s));
    f.fields([['Mã hồ sơ', clean(input.dossier.code)], ['Thời gian nhận hồ sơ', timeVi(input.dossier.receivedAt, tz)]], { ...st, separator: '; ' });
    f.labelled('Thời gian hẹn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả', timeVi(input.oldDueAt, tz), st);
    f.text('Tuy nhiên, hồ sơ của Ông/Bà dự kiến không giải quyết xong đúng hẹn.', para(s));
    f.labelled('Lý do', orDots(input.reason), st);
    f.text(`Sự chậm trễ này gây phiền hà cho Ông/Bà. ${agency} thành thật xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào:`, para(s, 0.8));
    f.text(timeVi(input.newDueAt, tz), { size: s.body + 1, bold: true, align: 'center', gapMm: 0.8 });
    f.text(input.granted ? '(Thời gian gia hạn đã được cơ quan có thẩm quyền chấp thuận.)' : '(Thời gian đề nghị gia hạn; Bộ phận Một cửa điều chỉnh lại thời gian trả kết quả khi được chấp thuận.)', {
      size: s.small,
      align: 'center',
      oblique: true,
      gapMm: 1.5,
    });
    f.text('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.', para(s));
  });
}

/** Mẫu 05: processing of the dossier stops (status 8), and why. */
export function renderStopNoticePdf(input: StopNoticeInput, options: Pick<DossierDocOptions, 'barcodes'> = {}): Promise<Buffer> {
  const tz = input.office.timeZone;
  return letter(input, FORM_TITLES['05'], options, (f, s) => {
    const agency = agencyOf(input);
    const st = { ...para(s), align: 'left' as const, emphasis: 'label' as const };
    f.text(`${agency} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: ${orDots(input.dossier.procedureName)}.`, para(s));
    f.fields([['Mã hồ sơ', clean(input.dossier.code)], ['Thời gian nhận hồ sơ', timeVi(input.dossier.receivedAt, tz)]], { ...st, separator: '; ' });
    f.labelled('Thời gian dừng giải quyết hồ sơ', timeVi(input.stoppedAt, tz), { ...st, emphasis: 'both' });
    f.labelled('Lý do dừng giải quyết', orDots(input.reason), st);
    f.text(`${agency} thông báo dừng giải quyết hồ sơ nêu trên. Việc trả lại hồ sơ giấy và phí, lệ phí (nếu có) theo quy định của pháp luật chuyên ngành.`, para(s));
    f.labelled('Phí, lệ phí đã nộp', feeVi(input.feeVnd), st);
    f.text('Xin thông báo để Ông/Bà được biết.', para(s));
  });
}

/** "08 giờ 15 phút, ngày 23/11/2026" split on two lines for a narrow cell. */
const cellTime = (ms: number | null, tz: string | undefined) => (ms === null ? '' : timeVi(ms, tz).replace(', ', ',\n'));

/** Mẫu 06: the control sheet that travels with the dossier, one row per hand-over (from the timeline sync brings). */
export async function renderControlSheetPdf(input: ControlSheetInput, options: Pick<DossierDocOptions, 'barcodes'> = {}): Promise<Buffer> {
  const tz = input.office.timeZone;
  const title = FORM_TITLES['06'];
  const code = clean(input.dossier.code);
  const doc = createDocument({ widthMm: 297, heightMm: 210, marginMm: 14, title: `${title} ${code}`, lang: 'vi' });
  const images = await placedBarcodes(doc, input.dossier, options.barcodes ?? true);
  const s = PORTRAIT;
  const f = Frame.page(doc);
  header(f, input.office, code, input.issuedAt, s);
  barcodeRow(f, code, images, s);
  titleBlock(f, title, undefined, s);
  f.onNewPage = continuation(title, undefined, code, images, s, f.page);
  const st = { size: s.body, emphasis: 'label' as const, gapMm: 0.8 };
  f.labelled('Kèm theo hồ sơ của', `Ông/Bà ${orDots(input.applicant.fullName)}`, st);
  f.labelled('Nội dung yêu cầu giải quyết', orDots(input.dossier.procedureName), st);
  f.fields([['Thời gian nhận hồ sơ', timeVi(input.dossier.receivedAt, tz)], ['Thời gian hẹn trả kết quả', timeVi(input.dueAt, tz)]], { ...st, separator: '; ', gapMm: 2 });
  f.table(
    [
      { header: 'TT', share: 4, align: 'center' },
      { header: 'TÊN CƠ QUAN, ĐƠN VỊ\n(bước xử lý)', share: 22 },
      { header: 'NGƯỜI GIAO', share: 13 },
      { header: 'NGƯỜI NHẬN', share: 13 },
      { header: 'THỜI GIAN NHẬN HỒ SƠ', share: 13, align: 'center' },
      { header: 'THỜI GIAN GIAO HỒ SƠ', share: 13, align: 'center' },
      { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/Đúng hạn/Quá hạn)', share: 12, align: 'center' },
      { header: 'GHI CHÚ', share: 10 },
    ],
    input.handOvers.map((h, i) => [
      String(i + 1),
      `${clean(h.department) || '…………'}${h.stage ? `\n(${clean(h.stage)})` : ''}`,
      clean(h.giver),
      clean(h.receiver),
      cellTime(h.receivedAt, tz),
      cellTime(h.passedOnAt, tz),
      h.timing ? TIMING_VI[h.timing] : '',
      clean(h.note),
    ]),
    { size: s.body - 2, headerSize: s.small - 1, padMm: 1.2, gapMm: 2 },
  );
  f.text(`Phiếu lập từ dòng thời gian của hồ sơ trong hệ thống; ${input.handOvers.length} lần giao, nhận.`, { size: s.small, oblique: true });
  return toBuffer(doc);
}
