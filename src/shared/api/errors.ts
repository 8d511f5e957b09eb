import { z } from 'zod';
import { ATTACHMENT_ERROR_CODES } from './attachmentErrors';

/**
 * Every 4xx/5xx body has this shape (DESIGN.md §4). `message` is written for
 * the clerk or admin reading it; `code` is for programs and translations.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PIN_CHANGE_REQUIRED',
  'PIN_NOT_ALLOWED',
  'INVALID_PAIRING_CODE',
  'UNKNOWN_SERVICE',
  'SERVICE_INACTIVE',
  'UNKNOWN_COUNTER',
  'UNKNOWN_TICKET',
  'UNKNOWN_CLERK',
  'UNKNOWN_DEVICE',
  'UNKNOWN_PROCEDURE',
  'UNKNOWN_DOSSIER',
  'INVALID_DOSSIER_STATE',
  'EXTENSION_NOT_ALLOWED',
  'INVALID_ID_NUMBER',
  'SCAN_MISMATCH',
  'NOT_A_RECEIPT_CODE',
  'VERIFICATION_FAILED',
  'COUNTER_NOT_OPEN',
  'COUNTER_PAUSED',
  'COUNTER_BUSY',
  'COUNTER_TAKEN',
  'NOTHING_WAITING',
  'INVALID_TICKET_STATE',
  'NOT_YOUR_TICKET',
  'RECALL_LIMIT',
  'REQUEUE_LIMIT',
  'SAME_SERVICE',
  'SERVICE_NOT_AT_COUNTER',
  'DAILY_LIMIT',
  'DUPLICATE',
  'IN_USE',
  'LAST_ADMIN',
  'PRINT_FAILED',
  'RATING_NOT_OPEN',
  'ALREADY_RATED',
  'RATING_EXPIRED',
  'BACKUP_FOLDER_UNUSABLE',
  'BACKUP_FAILED',
  'BACKUP_BUSY',
  'UNKNOWN_BACKUP',
  'BACKUP_INVALID',
  'DEVICE_REVOKED',
  'DISTRICT_UNREACHABLE',
  'UPDATE_REQUIRED',
  'ALREADY_ENROLLED',
  // the catalogue import and agency codes (issue 12 §2)
  'INVALID_AGENCY_CODE',
  'NOT_A_SPREADSHEET',
  // EMPTY_FILE and FILE_TOO_LARGE are shared with digitising (ATTACHMENT_ERROR_CODES below).
  'TOO_MANY_ROWS',
  'CATALOGUE_COLUMNS',
  'CATALOGUE_EMPTY',
  'UNKNOWN_PREVIEW',
  'PREVIEW_MISMATCH',
  'CATALOGUE_CHANGED',
  'INTERNAL',
  ...ATTACHMENT_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * `details` of a VALIDATION_FAILED answer: one entry per field. `rule` is zod's issue code
 * (too_small, too_big, invalid_type, invalid_format, invalid_value, custom) so a screen can say it
 * in its own language; `message` is the hub's English wording.
 */
export interface ValidationIssue {
  path: string;
  message: string;
  rule: string;
  limit?: number;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Thrown by services; the HTTP layer maps it to `status` and the error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
