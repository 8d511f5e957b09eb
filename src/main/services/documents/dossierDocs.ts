import { FORM_SOURCE, FORM_TITLES, OFFICE_TIME_ZONE, officeDateVi, officeDayOf, officeTimeOf } from '../../../shared/domain';
import { code128Png, qrPng, type Png } from './barcodes';
import { createDocument, cutLine, FONT, Frame, imageBeside, mm, placeImage, toBuffer, type Doc, type PlacedImage } from './layout';
import { buildDossierQrPayload } from './qrPayload';
import type { ApplicantInfo, FeePayment, DossierDocOptions, DossierRef, OfficeInfo, ReceiptInput, RefusalSlipInput, SlipInput, SupplementSlipInput } from './types';

export * from './types';
export { buildDossierQrPayload, parseDossierQrPayload, DOSSIER_QR_PREFIX, type DossierQrContent } from './qrPayload';

/**
 * The dossier documents of the one-stop office, the forms of Thông tư
 * 03/2025/TT-VPCP, Phụ lục I (titles confirmed, fields after the 2018 layouts
 * offices still print: docs/legal.md §2.1): the receipt and appointment (Mẫu 01,
 * two copies), the supplement request (Mẫu 02), the refusal (Mẫu 03); 04–07 are
 * in forms03.ts and trackingBook.ts. Every one is drawn by the same few pieces below (header,
 * barcode row, applicant block, signatures) on the layout module's frames.
 */

// ---------------------------------------------------------------- words

/** The titles of Thông tư 03/2025/TT-VPCP, Phụ lục I (one list, src/shared/domain/forms.ts). */
export const TITLES = {
  receipt: FORM_TITLES['01'],
  supplement: FORM_TITLES['02'],
  refusal: FORM_TITLES['03'],
  apology: FORM_TITLES['04'],
} as const;
const FORM_OF = { [TITLES.receipt]: '01', [TITLES.supplement]: '02', [TITLES.refusal]: '03', [TITLES.apology]: '04' } as Record<string, string>;

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const COPIES = { 1: 'Liên 1: lưu tại Bộ phận tiếp nhận và trả kết quả', 2: 'Liên 2: giao cho người nộp hồ sơ' } as const;
export const SIGN_NOTE = '(Ký và ghi rõ họ tên)';

// ---------------------------------------------------------------- formatting

/** NFC, without control characters (a pasted tab or escape must not reach the printer). */
export const clean = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
export const orDots = (s: string | null | undefined) => clean(s) || '…………';
export const two = (n: number) => String(n).padStart(2, '0');

/** "08 giờ 15 phút, ngày 23/11/2026" in the office time zone. */
export function timeVi(ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  const [hh, mi] = officeTimeOf(ms, timeZone).split(':');
  return `${hh} giờ ${mi} phút, ngày ${officeDateVi(ms, timeZone)}`;
}

/** "Ba Đình, ngày 23 tháng 11 năm 2026". */
export function placeDateVi(place: string, ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  const [y, m, d] = officeDayOf(ms, timeZone).split('-');
  return `${clean(place)}, ngày ${d} tháng ${m} năm ${y}`;
}

/** 1250000 → "1.250.000 đồng"; 0 → "Không thu phí, lệ phí". */
export function feeVi(vnd: number): string {
  if (!(vnd > 0)) return 'Không thu phí, lệ phí';
  return `${String(Math.round(vnd)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

// ---------------------------------------------------------------- barcodes

export interface DossierBarcodes {
  code128: Png;
  qr: Png;
}

/**
 * The Code 128 of the code and the QR of `MCK1:<code>:<secret>`. They differ per
 * dossier, so only the last few are kept (a reprint, the receipt then a slip).
 */
const barcodeCache = new Map<string, Promise<DossierBarcodes>>();
const BARCODE_CACHE_SIZE = 32;
export function dossierBarcodes(code: string, secret: string): Promise<DossierBarcodes> {
  const payload = buildDossierQrPayload(code, secret);
  let hit = barcodeCache.get(payload);
  if (hit) {
    barcodeCache.delete(payload); // re-insert as the most recent
  } else {
    hit = Promise.all([code128Png(code), qrPng(payload)]).then(([code128, qr]) => ({ code128, qr }));
    hit.catch(() => barcodeCache.delete(payload));
  }
  barcodeCache.set(payload, hit);
  while (barcodeCache.size > BARCODE_CACHE_SIZE) barcodeCache.delete(barcodeCache.keys().next().value!);
  return hit;
}

export type Placed = { code128: PlacedImage; qr: PlacedImage; payment?: PlacedImage } | undefined;

function paymentBlock(f: Frame, p: FeePayment, image: PlacedImage, s: Scale) {
  imageBeside(f, image, 21, [
    { text: 'Nộp phí, lệ phí bằng chuyển khoản: quét mã VietQR', size: s.small + 0.5, bold: true, gapMm: 0.4 },
    { text: `Số tài khoản: ${clean(p.accountNumber)} (mã ngân hàng ${clean(p.bankBin)})`, size: s.small, gapMm: 0.2 },
    { text: `Tên tài khoản: ${clean(p.accountName)}`, size: s.small, gapMm: 0.2 },
    { text: `Số tiền: ${feeVi(p.amountVnd)} — Nội dung: ${clean(p.purpose)}`, size: s.small, gapMm: 0.2 },
    { text: 'Có thể nộp tiền mặt tại Bộ phận Một cửa. Việc đã nộp do cơ quan nhận tiền xác nhận.', size: s.small, oblique: true },
  ]);
  f.gap(1.2);
}

export async function placedBarcodes(doc: Doc, dossier: DossierRef, on: boolean): Promise<Placed> {
  if (!on) return undefined;
  const b = await dossierBarcodes(dossier.code, dossier.secret);
  return { code128: placeImage(doc, b.code128), qr: placeImage(doc, b.qr) };
}

// ---------------------------------------------------------------- shared pieces

export interface Scale {
  header: number;
  body: number;
  title: number;
  small: number;
}
export const COMPACT: Scale = { header: 8, body: 9, title: 11.5, small: 7.5 }; // a receipt copy, 128 mm wide
export const PORTRAIT: Scale = { header: 10, body: 11, title: 13.5, small: 9.5 }; // an A4 slip, 170 mm wide

/** Office left, nation and motto right, each with its short rule; then the code left and place and date right. */
export function header(f: Frame, office: OfficeInfo, code: string, dateMs: number, s: Scale) {
  // Each agency line stays on one line (shrunk by up to 2 pt), so the barcode row below keeps its place
  // on every receipt (the kiosk's camera tests crop there); a name longer than that wraps.
  const column = (f.width * 44) / 100;
  const oneLine = (text: string, bold: boolean) => {
    const wide = f.doc.font(bold ? FONT.bold : FONT.regular).fontSize(s.header).widthOfString(text);
    const size = wide <= column ? s.header : Math.floor(((s.header * column) / wide) * 10) / 10;
    return size >= s.header - 2 ? size : s.header;
  };
  const parent = clean(office.agencyName).toUpperCase();
  const agency = clean(office.centreName).toUpperCase();
  f.columns([
    {
      share: 44,
      lines: [
        { text: parent, size: oneLine(parent, false) },
        { text: agency, size: oneLine(agency, true), bold: true, ruleAfter: true },
      ],
    },
    {
      share: 56,
      lines: [
        { text: NATION, size: s.header, bold: true },
        { text: MOTTO, size: s.header + 0.5, bold: true, ruleAfter: true },
      ],
    },
  ]);
  f.columns([
    { share: 44, lines: [{ text: code ? `Mã hồ sơ: ${code}` : '', size: s.header }] },
    { share: 56, lines: [{ text: placeDateVi(office.place, dateMs, office.timeZone), size: s.header, oblique: true }] },
  ], 1.5);
}

/** The title, the form it is (Mẫu số … of the circular, so a reader can check the layout) and the copy line. */
export function titleBlock(f: Frame, title: string, subtitle: string | undefined, s: Scale) {
  f.text(title, { size: s.title, bold: true, align: 'center', gapMm: 0.3 });
  const form = FORM_OF[title] ?? Object.entries(FORM_TITLES).find(([, t]) => t === title)?.[0];
  if (form) f.text(`Mẫu số ${form} — ${FORM_SOURCE}`, { size: s.small - 0.5, align: 'center', gapMm: subtitle ? 0.3 : 2 });
  if (subtitle) f.text(`(${subtitle})`, { size: s.small, align: 'center', oblique: true, gapMm: 2 });
}

export function applicantBlock(f: Frame, applicant: ApplicantInfo, procedureName: string, s: Scale, lead = 'Tiếp nhận hồ sơ của') {
  const st = { size: s.body, emphasis: 'label' as const, gapMm: 0.8 };
  f.labelled(lead, `Ông/Bà ${orDots(applicant.fullName)}`, st);
  f.labelled('Địa chỉ', orDots(applicant.address), st);
  f.fields([['Số điện thoại', orDots(applicant.phone)], ['Email', orDots(applicant.email)]], st);
  f.labelled('Nội dung yêu cầu giải quyết', orDots(procedureName), { ...st, gapMm: 1.2 });
}

/** Said next to the QR on every document that carries it. */
export const QR_LABEL = 'Quét để tra cứu hồ sơ';
export const SECRET_LABEL = 'Mã xác minh';

/**
 * The barcode row. `secret` is given for the citizen's copy only: the kiosk asks for it when a
 * receipt is typed in or read from its Code 128 ("mã xác minh 6 ký tự in trên giấy hẹn"), so it is
 * printed there, labelled, beside the QR that also carries it. The office's copy never shows it.
 */
export function barcodeRow(f: Frame, code: string, images: Placed, s: Scale, secret?: string) {
  const qrNote = [
    { text: QR_LABEL, size: s.small, gapMm: secret ? 1 : 0 },
    ...(secret
      ? [
          { text: `${SECRET_LABEL}:`, size: s.small },
          { text: secret, size: s.body + 2, bold: true },
        ]
      : []),
  ];
  f.barcodes(code, images, { size: s.small + 0.5, gapMm: 1.5, qrNote });
}

/** The strip at the top of a continuation page: which document, which copy, and the barcodes again. */
export function continuation(title: string, copy: string | undefined, code: string, images: Placed, s: Scale, firstPage: number, secret?: string) {
  return (f: Frame) => {
    f.text(`${title} (tiếp theo, trang ${f.page - firstPage + 1})`, { size: s.small, bold: true, align: 'center' });
    f.text(`${copy ? `${copy.split(':')[0]} — ` : ''}Mã hồ sơ: ${code}`, { size: s.small, align: 'center', gapMm: 1 });
    barcodeRow(f, code, images, s, secret);
  };
}

// ---------------------------------------------------------------- the receipt

function receiptCopy(f: Frame, input: ReceiptInput, copy: 1 | 2, images: Placed, s: Scale) {
  const { dossier, office, applicant } = input;
  const tz = office.timeZone;
  const code = clean(dossier.code);
  // Liên 2 is the citizen's: it alone shows the verification code.
  const secret = copy === 2 ? clean(dossier.secret) : undefined;
  header(f, office, code, dossier.receivedAt, s);
  barcodeRow(f, code, images, s, secret);
  titleBlock(f, TITLES.receipt, COPIES[copy], s);
  f.onNewPage = continuation(TITLES.receipt, COPIES[copy], code, images, s, f.page, secret);

  applicantBlock(f, applicant, dossier.procedureName, s);
  const st = { size: s.body, emphasis: 'label' as const, gapMm: 0.9 };
  f.text('1. Thành phần hồ sơ nộp gồm:', { size: s.body, bold: true, gapMm: 0.8 });
  f.table(
    [
      { header: 'TT', share: 7, align: 'center' },
      { header: 'Tên giấy tờ', share: 57 },
      { header: 'Bản chính', share: 12, align: 'center' },
      { header: 'Bản sao chứng thực', share: 12, align: 'center' },
      { header: 'Bản chụp', share: 12, align: 'center' },
    ],
    input.documents.map((d, i) => [String(i + 1), orDots(d.name), String(d.originals), String(d.certifiedCopies), String(d.photocopies)]),
    { size: s.body - 0.5, headerSize: s.small, padMm: 1, gapMm: 1.5 },
  );
  const unit = dossier.processingTime.unit === 'working_days' ? 'ngày làm việc' : 'ngày';
  f.labelled('2. Số lượng hồ sơ', `${two(dossier.sets)} bộ`, st);
  const legalTime = dossier.processingTime.value === 0 ? 'Trong ngày' : `${two(dossier.processingTime.value)} ${unit}`;
  f.labelled('3. Thời gian giải quyết hồ sơ theo quy định', legalTime, st);
  f.labelled('4. Thời gian nhận hồ sơ', timeVi(dossier.receivedAt, tz), st);
  f.labelled('5. Thời gian trả kết quả giải quyết hồ sơ', timeVi(dossier.dueAt, tz), { ...st, emphasis: 'both' });
  f.labelled(
    '6. Đăng ký nhận kết quả tại',
    dossier.resultDelivery === 'post' ? `Qua dịch vụ bưu chính công ích, địa chỉ: ${orDots(dossier.deliveryAddress ?? applicant.address)}` : 'Bộ phận tiếp nhận và trả kết quả',
    st,
  );
  f.labelled('7. Phí, lệ phí', feeVi(dossier.feeVnd), { ...st, gapMm: 1.2 });
  // The citizen's copy carries the transfer QR (Nghị định 118 Điều 24 khoản 1 điểm a); cash stays possible.
  if (copy === 2 && input.payment && images?.payment) paymentBlock(f, input.payment, images.payment, s);
  f.fields([['Vào Sổ theo dõi hồ sơ, Quyển số', orDots(String(dossier.registerBook.volume))], ['Số thứ tự', orDots(String(dossier.registerBook.entry))]], { size: s.body, separator: ', ', gapMm: 2.5 });
  f.signatures(
    [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: clean(applicant.fullName) },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN_NOTE, name: clean(input.clerkName) },
    ],
    { size: s.body, signRoomMm: 15 },
  );
  f.onNewPage = undefined;
}

/**
 * The receipt and appointment, two copies: side by side on A4 landscape (a cut
 * line between them), or one A5 portrait page each. A long documents table
 * continues on further pages, with its header row and the barcodes repeated.
 */
export async function renderReceiptPdf(input: ReceiptInput, options: DossierDocOptions = {}): Promise<Buffer> {
  const paper = options.paper ?? 'A4_landscape';
  const margin = 9;
  const landscape = paper === 'A4_landscape';
  const doc = createDocument({ widthMm: landscape ? 297 : 148, heightMm: 210, marginMm: margin, title: `${TITLES.receipt} ${clean(input.dossier.code)}`, lang: 'vi' });
  const images = await placedBarcodes(doc, input.dossier, options.barcodes ?? true);
  if (images && input.payment) images.payment = placeImage(doc, await qrPng(input.payment.payload));
  const top = mm(margin);
  const bottom = doc.page.height - mm(margin);
  if (landscape) {
    const half = doc.page.width / 2;
    receiptCopy(new Frame(doc, mm(margin), half - 2 * mm(margin), top, bottom, 0), input, 1, images, COMPACT);
    doc.switchToPage(0);
    receiptCopy(new Frame(doc, half + mm(margin), half - 2 * mm(margin), top, bottom, 0), input, 2, images, COMPACT);
    cutLine(doc, half);
  } else {
    const first = Frame.page(doc);
    receiptCopy(first, input, 1, images, COMPACT);
    doc.addPage();
    receiptCopy(new Frame(doc, first.left, first.width, top, bottom, first.page + 1), input, 2, images, COMPACT);
  }
  return toBuffer(doc);
}

// ---------------------------------------------------------------- the slips

async function slip(input: SlipInput, title: string, options: Pick<DossierDocOptions, 'barcodes'>, body: (f: Frame, s: Scale) => void): Promise<Buffer> {
  const code = clean(input.dossier.code);
  const doc = createDocument({ widthMm: 210, heightMm: 297, marginMm: 20, title: `${title} ${code}`, lang: 'vi' });
  const images = await placedBarcodes(doc, input.dossier, options.barcodes ?? true);
  const s = PORTRAIT;
  const f = Frame.page(doc);
  header(f, input.office, code, input.issuedAt, s);
  barcodeRow(f, code, images, s);
  titleBlock(f, title, undefined, s);
  f.onNewPage = continuation(title, undefined, code, images, s, f.page);
  applicantBlock(f, input.applicant, input.dossier.procedureName, s);
  f.labelled('Thời gian nhận hồ sơ', timeVi(input.dossier.receivedAt, input.office.timeZone), { size: s.body, emphasis: 'label', gapMm: 2 });
  body(f, s);
  f.gap(3);
  f.signatures(
    [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: clean(input.applicant.fullName) },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN_NOTE, name: clean(input.clerkName) },
    ],
    { size: s.body, signRoomMm: 20 },
  );
  return toBuffer(doc);
}

export const para = (s: Scale, gapMm = 1.5) => ({ size: s.body, align: 'justify' as const, gapMm });

/** Mẫu 02: what is missing, why, and whom to ask; the processing clock is paused meanwhile. */
export function renderSupplementSlipPdf(input: SupplementSlipInput, options: Pick<DossierDocOptions, 'barcodes'> = {}): Promise<Buffer> {
  return slip(input, TITLES.supplement, options, (f, s) => {
    f.text('Sau khi xem xét, đối chiếu thành phần hồ sơ, Bộ phận tiếp nhận và trả kết quả đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', para(s));
    input.missingItems.forEach((item, i) => f.text(`${i + 1}. ${orDots(item)}`, { size: s.body, indentMm: 5, gapMm: 0.8 }));
    f.gap(1);
    f.labelled('Lý do', orDots(input.reason), { ...para(s), align: 'left', emphasis: 'label' });
    const phone = clean(input.office.phone);
    f.text(
      `Thời gian giải quyết hồ sơ tạm dừng từ ngày ${officeDateVi(input.issuedAt, input.office.timeZone)} cho đến khi Ông/Bà nộp đủ hồ sơ bổ sung. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả${phone ? `, số điện thoại ${phone},` : ''} để được hướng dẫn.`,
      para(s),
    );
  });
}

/** Mẫu 03: the dossier is not accepted, and why. */
export function renderRefusalSlipPdf(input: RefusalSlipInput, options: Pick<DossierDocOptions, 'barcodes'> = {}): Promise<Buffer> {
  return slip(input, TITLES.refusal, options, (f, s) => {
    f.text('Qua xem xét, Bộ phận tiếp nhận và trả kết quả thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:', para(s));
    f.text(orDots(input.reason), { size: s.body, bold: true, indentMm: 5, gapMm: 1.5 });
    f.text('Xin thông báo để Ông/Bà được biết và thực hiện.', para(s));
  });
}
