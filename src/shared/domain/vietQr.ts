/**
 * VietQR: the NAPAS EMVCo payload a banking app reads to prefill a transfer
 * (NAPAS "QR Code Format v1.5.2", after EMVCo's merchant-presented mode; see
 * docs/legal.md §8). Built here, offline, as a pure function: the hub prints it
 * on the receipt and the tests decode it back.
 *
 * Why not the `vietnam-qr-pay` package: it is a one-maintainer package whose
 * builder writes a value's length as `("00" + length).slice(-2)` (a 100-character
 * value silently gets length "00") and counts UTF-16 units for the length while the
 * CRC runs over UTF-8 bytes, so a purpose with diacritics makes a payload banks
 * reject — with no error. This builder refuses what it cannot encode instead.
 *
 * Layout (ID, 2-digit length, value):
 *   00 "01" · 01 "12" (dynamic: one amount, one dossier) ·
 *   38 { 00 "A000000727" · 01 { 00 BIN · 01 account } · 02 "QRIBFTTA" } ·
 *   53 "704" · 54 amount · 58 "VN" · 62 { 08 purpose } · 63 CRC-16/CCITT-FALSE.
 */

export const VIETQR_GUID = 'A000000727';
export const VIETQR_SERVICE_TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrInput {
  /** The receiving bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank). */
  bankBin: string;
  /** The receiving account number. */
  accountNumber: string;
  /** Whole đồng, > 0. */
  amountVnd: number;
  /** What the transfer says (62/08): the dossier code. ASCII only. */
  purpose: string;
}

export type VietQrProblem = 'bank_bin' | 'account_number' | 'amount' | 'purpose';

/** Checks an office's receiving account and a payment; null when it can be encoded. */
export function vietQrProblem(input: VietQrInput): VietQrProblem | null {
  if (!/^\d{6}$/.test(input.bankBin)) return 'bank_bin';
  if (!/^[0-9A-Za-z]{4,19}$/.test(input.accountNumber)) return 'account_number';
  if (!Number.isSafeInteger(input.amountVnd) || input.amountVnd <= 0 || String(input.amountVnd).length > 13) return 'amount';
  // Printable ASCII: banks show it as the transfer's message; the field holds 25 characters.
  if (!/^[\x20-\x7e]{1,25}$/.test(input.purpose)) return 'purpose';
  return null;
}

function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), as 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The payload text of a dynamic VietQR transfer to an account; throws on input `vietQrProblem` refuses. */
export function buildVietQr(input: VietQrInput): string {
  const problem = vietQrProblem(input);
  if (problem) throw new Error(`cannot encode a VietQR: ${problem}`);
  const beneficiary = field('00', input.bankBin) + field('01', input.accountNumber);
  const merchant = field('00', VIETQR_GUID) + field('01', beneficiary) + field('02', VIETQR_SERVICE_TO_ACCOUNT);
  const body =
    field('00', '01') +
    field('01', '12') +
    field('38', merchant) +
    field('53', '704') +
    field('54', String(input.amountVnd)) +
    field('58', 'VN') +
    field('62', field('08', input.purpose)) +
    '6304';
  return body + crc16CcittFalse(body);
}

/** Splits an EMVCo TLV string into its fields (the tests read a decoded QR back with it). */
export function parseEmvTlv(text: string): { id: string; value: string }[] {
  const out: { id: string; value: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length) throw new Error(`malformed TLV at ${i}`);
    out.push({ id, value: text.slice(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return out;
}
