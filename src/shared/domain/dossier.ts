/**
 * Dossier rules shared by the hub, the counter and the kiosk: the national
 * status list and its allowed moves, the dossier code, the receipt's QR
 * payload, identity-number checks and the masking of names on public screens.
 */

/** The national status list (1–10) of a dossier's life. */
export const DOSSIER_STATUS = {
  submitted_online: 1,
  accepted: 2,
  refused: 3,
  processing: 4,
  supplement_requested: 5,
  financial_obligation: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  handed_over: 10,
} as const;
export type DossierStatusKey = keyof typeof DOSSIER_STATUS;
export type DossierStatus = (typeof DOSSIER_STATUS)[DossierStatusKey];
export const DOSSIER_STATUS_KEYS = Object.keys(DOSSIER_STATUS) as DossierStatusKey[];

export function dossierStatusKey(status: number): DossierStatusKey | undefined {
  return DOSSIER_STATUS_KEYS.find((k) => DOSSIER_STATUS[k] === status);
}

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: readonly DossierStatusKey[] = ['refused', 'withdrawn', 'stopped', 'handed_over'];

/**
 * Allowed moves. The office (counter) and the district (departments, via sync)
 * each own some: the counter accepts, refuses, asks for and records supplements,
 * and hands results back; the district moves processing along.
 */
const MOVES: Record<DossierStatusKey, readonly DossierStatusKey[]> = {
  submitted_online: ['accepted', 'refused', 'supplement_requested'],
  // Refusal after acceptance is the "refusal to resolve" slip (phiếu từ chối giải quyết): the dossier turns out ineligible.
  accepted: ['processing', 'supplement_requested', 'financial_obligation', 'refused', 'withdrawn', 'stopped', 'result_ready'],
  refused: [],
  processing: ['supplement_requested', 'financial_obligation', 'refused', 'withdrawn', 'stopped', 'result_ready'],
  supplement_requested: ['accepted', 'processing', 'withdrawn', 'stopped', 'refused'],
  financial_obligation: ['processing', 'result_ready', 'withdrawn', 'stopped'],
  withdrawn: [],
  stopped: [],
  result_ready: ['handed_over'],
  handed_over: [],
};

export function canMoveDossier(from: DossierStatusKey, to: DossierStatusKey): boolean {
  return MOVES[from].includes(to);
}

/** Whether the processing clock runs in this status (it pauses while a supplement is awaited). */
export function clockRuns(status: DossierStatusKey): boolean {
  return status === 'accepted' || status === 'processing' || status === 'financial_obligation';
}

// ---- the dossier code ------------------------------------------------------

/** `<agency code>-<yymmdd>-<4-digit daily sequence>`, e.g. 000.00.15.H24-261123-0042 (DESIGN.md §4). */
export const DOSSIER_CODE_PATTERN = /^([0-9A-Z.]{3,30})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
export const MAX_DOSSIER_SEQ = 9999;

export function formatDossierCode(agencyCode: string, officeDay: string, seq: number): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(officeDay);
  if (!m) throw new RangeError(`invalid office day: ${officeDay}`);
  if (!/^[0-9A-Z.]{3,30}$/.test(agencyCode)) throw new RangeError(`invalid agency code: ${agencyCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DOSSIER_SEQ) throw new RangeError(`dossier sequence out of range: ${seq}`);
  return `${agencyCode}-${m[1]}${m[2]}${m[3]}-${String(seq).padStart(4, '0')}`;
}

export function parseDossierCode(text: string): { agencyCode: string; officeDay: string; seq: number } | null {
  const m = DOSSIER_CODE_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const [, agencyCode, yy, mm, dd, seq] = m;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { agencyCode: agencyCode!, officeDay: `20${yy}-${mm}-${dd}`, seq: Number(seq) };
}

// ---- the verification secret and the receipt's QR ---------------------------

/** Crockford base32 without I, L, O, U: nothing to misread when typed from paper. */
export const SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SECRET_LENGTH = 6;

export function isValidSecret(secret: string): boolean {
  return secret.length === SECRET_LENGTH && [...secret].every((c) => SECRET_ALPHABET.includes(c));
}

/** What the receipt's QR holds: a version tag, the code and the secret. */
export function receiptQrPayload(code: string, secret: string): string {
  return `MCK1:${code}:${secret}`;
}

/** A scanned QR or barcode: the code, and the secret when the QR carried one; null when it is not ours. */
export function parseScannedCode(text: string): { code: string; secret: string | null } | null {
  const raw = text.trim();
  const qr = /^MCK1:([^:]+):([0-9A-Z]+)$/.exec(raw);
  if (qr) return parseDossierCode(qr[1]!) && isValidSecret(qr[2]!) ? { code: qr[1]!, secret: qr[2]! } : null;
  return parseDossierCode(raw) ? { code: raw.toUpperCase(), secret: null } : null;
}

// ---- identity numbers --------------------------------------------------------

/** Province codes that begin a citizen identity number (Circular 07/2016/TT-BCA; numbers issued before the 2025 mergers keep them). */
const CCCD_PROVINCES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026', '027',
  '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051', '052', '054',
  '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084',
  '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/**
 * A 12-digit citizen identity number (CCCD): province of birth registration,
 * then a digit for century and sex (0/1: born 1900–1999, 2/3: 2000–2099), then
 * the last two digits of the birth year, then six digits. A birth year in the
 * future is refused.
 */
export function checkCccd(value: string, currentYear: number): { ok: true } | { ok: false; reason: 'format' | 'province' | 'century' | 'birth_year' } {
  if (!/^\d{12}$/.test(value)) return { ok: false, reason: 'format' };
  if (!CCCD_PROVINCES.has(value.slice(0, 3))) return { ok: false, reason: 'province' };
  const century = Number(value[3]);
  if (century > 3) return { ok: false, reason: 'century' };
  const year = (century <= 1 ? 1900 : 2000) + Number(value.slice(4, 6));
  if (year > currentYear) return { ok: false, reason: 'birth_year' };
  return { ok: true };
}

/** A passport number: a letter and 7 digits for Vietnamese passports; 6–12 letters and digits for foreign ones. */
export function isValidPassport(value: string): boolean {
  return /^[A-Z0-9]{6,12}$/.test(value);
}

/** A Vietnamese phone number: 0 or +84, then 9 digits (mobile and landline since 2018). */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/[\s.()-]/g, '');
  const m = /^(?:\+84|84|0)(\d{9})$/.exec(digits);
  return m ? `0${m[1]}` : null;
}

// ---- what a public screen may show ---------------------------------------------

/** "Nguyễn Văn An" → "Nguyễn V. A.": the family name and initials, never the full name on a public screen. */
export function maskName(fullName: string): string {
  const parts = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  const [family, ...rest] = parts;
  return [family, ...rest.map((p) => `${[...p][0]!.toUpperCase()}.`)].join(' ');
}

/** The last 4 digits of a phone, the rest hidden. */
export function phoneLast4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}
