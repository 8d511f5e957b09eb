/**
 * A failed print, with a message a clerk or technician can act on (English;
 * the UI translates by `code`) and a stable `code` for programs.
 */
export type PrintErrorCode =
  /** The named printer is not installed (or the printing service is not running). */
  | 'PRINTER_NOT_FOUND'
  /** No printer was named and the system has no default printer. */
  | 'NO_DEFAULT_PRINTER'
  /** The printer exists but refuses jobs (disabled/rejecting in CUPS). */
  | 'PRINTER_NOT_ACCEPTING'
  /** The OS printing tools are missing (CUPS `lp` not installed). */
  | 'PRINTING_UNAVAILABLE'
  /** The spooler did not answer in time. */
  | 'PRINT_TIMEOUT'
  /** What was handed over is not a PDF, or an option is out of range. */
  | 'INVALID_PRINT_JOB'
  /** ESC/POS printers (src/main/printing/escpos): the status bytes said so before the ticket was sent. */
  | 'PRINTER_PAPER_END'
  | 'PRINTER_COVER_OPEN'
  | 'PRINTER_OFFLINE'
  /** The thermal printer answered bytes that are not an ESC/POS status. */
  | 'PRINTER_BAD_ANSWER'
  /** Anything else the spooler reported. */
  | 'PRINT_FAILED';

export class PrintError extends Error {
  constructor(
    readonly code: PrintErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PrintError';
  }
}

export function isPrintError(e: unknown): e is PrintError {
  return e instanceof PrintError;
}
