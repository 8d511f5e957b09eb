/**
 * What the kiosk may show of a dossier, and to whom (DESIGN.md §4): the QR on
 * the receipt carries the code and its secret, so holding the receipt shows
 * everything; a typed code or the Code 128 alone is something a stranger could
 * have, so it shows only the status, the due time and the step, until the
 * citizen proves the receipt is theirs with the last 4 digits of the applicant's
 * phone or the secret printed on the receipt.
 */
import { isValidSecret, parseScannedCode } from './dossier';

export type LookupLevel = 'full' | 'limited';

export type LookupProof = { kind: 'phone_last4'; value: string } | { kind: 'secret'; value: string };

export type ParsedLookup =
  | { ok: true; code: string; secret: string | null }
  /** Not a dossier code nor a receipt QR (another barcode, a typo): nothing to look up. */
  | { ok: false };

/** Text from the camera, the wedge scanner or the keypad; spaces the keypad may add are dropped. */
export function parseLookupInput(text: string): ParsedLookup {
  const scan = parseScannedCode(text.replace(/\s+/g, ''));
  return scan ? { ok: true, code: scan.code.toUpperCase(), secret: scan.secret } : { ok: false };
}

/** A secret as the citizen types it from paper: case and the Crockford look-alikes (O→0, I/L→1) do not matter. */
export function normaliseTypedSecret(text: string): string {
  return text.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a proof shows the receipt is the citizen's. */
export function proofMatches(proof: LookupProof, dossier: { secret: string; phone: string }): boolean {
  if (proof.kind === 'secret') {
    const s = normaliseTypedSecret(proof.value);
    return isValidSecret(s) && s === dossier.secret;
  }
  const digits = dossier.phone.replace(/\D/g, '');
  return /^\d{4}$/.test(proof.value) && digits.length >= 4 && digits.slice(-4) === proof.value;
}

/** Refused, withdrawn and stopped dossiers: the kiosk says so kindly and sends the citizen to a counter. */
export const CLOSED_WITHOUT_RESULT = ['refused', 'withdrawn', 'stopped'] as const;
