/**
 * Input of the dossier documents: plain data the dossier service maps onto
 * (no store rows, no HTTP types). Instants are epoch milliseconds; the documents
 * format them in the office time zone.
 */

/** The office printed in the left header block of every document. */
export interface OfficeInfo {
  /** The parent agency, above the centre: "UBND PHƯỜNG BA ĐÌNH". Printed upper-case. */
  agencyName: string;
  /** The receiving unit: "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" or the centre's own name. Printed upper-case, bold. */
  centreName: string;
  /** The place before the date: "Ba Đình" → "Ba Đình, ngày 23 tháng 11 năm 2026". */
  place: string;
  /** Phone the applicant may call about the dossier (slips). */
  phone?: string | null;
  /** IANA zone of the office; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
}

export interface ApplicantInfo {
  /** Full name as entered (NFC); printed as is after "Ông/Bà". */
  fullName: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** One row of the documents table: a paper received and how many of each form. */
export interface DocumentLine {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export type ProcessingTimeUnit = 'working_days' | 'calendar_days';

/** What every dossier document prints about the dossier itself. */
export interface DossierRef {
  /** `<agency code>-<yymmdd>-<4-digit sequence>`: the Code 128 and the "Mã hồ sơ". */
  code: string;
  /** The short verification secret: in the QR (`MCK1:<code>:<secret>`) and printed, labelled, on the citizen's copy only. */
  secret: string;
  procedureName: string;
  /** When the dossier was accepted (epoch ms). */
  receivedAt: number;
}

export interface ReceiptInput {
  office: OfficeInfo;
  dossier: DossierRef & {
    /** Number of sets ("bộ"). */
    sets: number;
    /** The legal processing time of the procedure. */
    processingTime: { value: number; unit: ProcessingTimeUnit };
    /** When the result is due (epoch ms), hour and minute printed. */
    dueAt: number;
    /** Where the result is collected. */
    resultDelivery: 'counter' | 'post';
    /** The postal address when resultDelivery is 'post' (default: the applicant's address). */
    deliveryAddress?: string | null;
    /** Fees and charges collected, in đồng; 0 → "Không thu phí, lệ phí". */
    feeVnd: number;
    /** Register book reference: "Vào Sổ theo dõi hồ sơ, Quyển số: …, Số thứ tự: …". */
    registerBook: { volume: string; entry: string | number };
  };
  applicant: ApplicantInfo;
  documents: readonly DocumentLine[];
  /** The clerk who accepted the dossier (signature block). */
  clerkName: string;
  /** A fee payable by transfer: the VietQR printed on the citizen's copy (cash stays possible). */
  payment?: FeePayment | null;
}

export interface FeePayment {
  /** The NAPAS EMVCo payload (src/shared/domain/vietQr.ts). */
  payload: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  amountVnd: number;
  /** The transfer's message: the dossier code. */
  purpose: string;
}

/** Common to the three slips. */
export interface SlipInput {
  office: OfficeInfo;
  dossier: DossierRef;
  applicant: ApplicantInfo;
  /** The clerk who issues the slip (signature block). */
  clerkName: string;
  /** When the slip is issued (epoch ms): the date line. */
  issuedAt: number;
}

export interface SupplementSlipInput extends SlipInput {
  /** What is missing or must be corrected, one item a line. */
  missingItems: readonly string[];
  reason: string;
}

export interface RefusalSlipInput extends SlipInput {
  reason: string;
}

export interface ApologySlipInput extends SlipInput {
  /** Why the result is late. */
  reason: string;
  /** The due time printed on the receipt. */
  oldDueAt: number;
  /** The new appointment. */
  newDueAt: number;
}

export type ReceiptPaper = 'A4_landscape' | 'A5';

export interface DossierDocOptions {
  /** Receipt only: two copies side by side on A4 landscape (default), or one copy per A5 portrait page. */
  paper?: ReceiptPaper;
  /** Default true; false leaves the barcode area empty (for the benchmark's baseline). */
  barcodes?: boolean;
}
