/**
 * Digitising a dossier at the counter ("số hóa hồ sơ", Circular 03/2025; issue 15): which files
 * an attachment may be, and when a dossier counts as digitised. Decision 766's index gives
 * digitisation its largest group and counts a dossier when each component has a file and the
 * result has one; the hub's service and the counter's screen both ask this module, and the
 * supervisor's 766 figures are meant to count with `isDigitised` too.
 */

/** What a file's first bytes say it is; null when it is none of the kinds we take. */
export type AttachmentFileType = 'pdf' | 'jpeg' | 'png';

export function sniffFileType(bytes: Uint8Array): AttachmentFileType | null {
  const at = (i: number) => bytes[i] ?? -1;
  // "%PDF-": a PDF may carry junk before the header (readers look in the first 1024 bytes), but a file
  // a citizen brought that does not start with it is refused: the clerk can print and scan it instead.
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46 && at(4) === 0x2d) return 'pdf';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'png';
  return null;
}

/** The kind a file name promises by its extension (case-insensitive); null for any other name. */
export function fileTypeOfName(name: string): AttachmentFileType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'png') return 'png';
  return null;
}

/** Office settings for files brought by the citizen (defaults; admin may change them). */
export interface AttachmentLimits {
  /** Bytes of one file as brought (PDF, JPEG or PNG). */
  maxFileBytes: number;
  /** Pages of one document, whatever its source. */
  maxPages: number;
}
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 20 * 1024 * 1024, maxPages: 100 };

/** Why a file cannot be attached, before anything is stored; null when it may go on. */
export type FileRefusal =
  | { code: 'EMPTY_FILE' }
  | { code: 'FILE_TOO_LARGE'; limit: number }
  | { code: 'UNSUPPORTED_FILE' }
  | { code: 'FILE_TYPE_MISMATCH'; named: AttachmentFileType; actual: AttachmentFileType | null };

export function checkBroughtFile(name: string, bytes: Uint8Array, limits: AttachmentLimits): FileRefusal | null {
  if (bytes.length === 0) return { code: 'EMPTY_FILE' };
  if (bytes.length > limits.maxFileBytes) return { code: 'FILE_TOO_LARGE', limit: limits.maxFileBytes };
  const named = fileTypeOfName(name);
  if (named === null) return { code: 'UNSUPPORTED_FILE' };
  const actual = sniffFileType(bytes);
  if (actual !== named) return { code: 'FILE_TYPE_MISMATCH', named, actual };
  return null;
}

/** One component (document) of a dossier as the rule needs it. */
export interface ComponentFiles {
  position: number;
  /** The paper was received at the counter (a component not received needs no file). */
  received: boolean;
  hasFile: boolean;
}

export interface DigitisationInput {
  components: readonly ComponentFiles[];
  /** The dossier has a result (ready or handed back): then the result must have a file too. */
  resultExists: boolean;
  resultHasFile: boolean;
}

export interface DigitisationState {
  digitised: boolean;
  /** Positions of received components still without a file. */
  missingComponents: number[];
  /** A result exists and has no file yet. */
  resultMissing: boolean;
  /** Received components with a file / all received components. */
  componentsWithFile: number;
  componentsReceived: number;
}

/**
 * The 766 rule: a dossier counts as digitised when each received component has a file and,
 * once a result exists, the result has one. A dossier with no received component has nothing
 * to digitise and does not count (it would score a dossier nobody scanned).
 */
export function digitisationState(input: DigitisationInput): DigitisationState {
  const received = input.components.filter((c) => c.received);
  const missingComponents = received.filter((c) => !c.hasFile).map((c) => c.position);
  const resultMissing = input.resultExists && !input.resultHasFile;
  return {
    digitised: received.length > 0 && missingComponents.length === 0 && !resultMissing,
    missingComponents,
    resultMissing,
    componentsWithFile: received.length - missingComponents.length,
    componentsReceived: received.length,
  };
}

export const isDigitised = (input: DigitisationInput): boolean => digitisationState(input).digitised;

/** A result exists from "result ready" (9) on: ready, or handed back (10). */
export const resultExists = (status: number): boolean => status === 9 || status === 10;

/** A PDF's file name from the document's name: what a clerk sees in a folder, safe on Windows too. */
export function attachmentFileName(documentName: string, position: number | null): string {
  const base = documentName
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  const prefix = position === null ? 'ket-qua' : String(position).padStart(2, '0');
  return `${prefix} ${base || 'tai-lieu'}.pdf`;
}
