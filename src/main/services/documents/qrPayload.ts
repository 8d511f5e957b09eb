import { receiptQrPayload } from '../../../shared/domain';

/**
 * The receipt's QR payload: `MCK1:<dossier code>:<verification secret>`.
 * One builder and one parser, so the kiosk/counter scanner reads exactly what
 * the printer wrote. Pure (no Node APIs), importable from anywhere.
 *
 * - `MCK1` names the format and its version (MotCua Kiosk, v1).
 * - The code is `<agency code>-<yymmdd>-<4-digit sequence>`; the secret is the
 *   short verification secret. Neither may contain `:` or whitespace, and both
 *   are printable ASCII, so the QR stays in byte mode and small.
 */
export const DOSSIER_QR_PREFIX = 'MCK1';

const PART = /^[\x21-\x39\x3b-\x7e]{1,64}$/; // printable ASCII without ':' (0x3a) and space

export interface DossierQrContent {
  code: string;
  secret: string;
}

/** `MCK1:<code>:<secret>`; throws on a code or secret that could not be parsed back. */
export function buildDossierQrPayload(code: string, secret: string): string {
  if (!PART.test(code)) throw new Error(`dossier code not printable in a QR payload: ${JSON.stringify(code)}`);
  if (!PART.test(secret)) throw new Error('verification secret not printable in a QR payload');
  // The format itself lives in the shared domain, where the kiosk's scanner reads it (parseScannedCode).
  return receiptQrPayload(code, secret);
}

/** The code and secret of a scanned payload, or null when it is not an `MCK1` payload. Tolerates surrounding whitespace (scanners add CR/LF). */
export function parseDossierQrPayload(text: string): DossierQrContent | null {
  const parts = text.trim().split(':');
  if (parts.length !== 3 || parts[0] !== DOSSIER_QR_PREFIX) return null;
  const [, code, secret] = parts as [string, string, string];
  return PART.test(code) && PART.test(secret) ? { code, secret } : null;
}
