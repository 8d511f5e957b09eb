/**
 * Silent printing of a PDF on a named printer through the OS spooler: CUPS
 * `lp` on Linux and macOS, pdf-to-printer (SumatraPDF) on Windows. Used by the
 * Electron main process for the preload's printPdf/listPrinters.
 */
import { cupsDefaultPrinter, cupsListPrinters, cupsPrint, type CupsOptions } from './cups';
import { PrintError } from './errors';
import { isValidPrinterName, stripControlChars } from './names';
import { pdfFirstPageSizeMm, type PaperMm } from './pdf-size';
import { buildTestPagePdf, type TestPageOptions } from './test-page';
import { windowsDefaultPrinter, windowsListPrinters, windowsPrint } from './windows';

export { PrintError, isPrintError, type PrintErrorCode } from './errors';
export { pdfFirstPageSizeMm, cupsMedia, type PaperMm } from './pdf-size';
export { buildTestPagePdf } from './test-page';

export interface PrintOptions {
  /** OS printer name; the system default printer when absent. */
  printer?: string | undefined;
  /** 1–99, default 1. */
  copies?: number | undefined;
  /** Paper size; read from the PDF's first page when absent. */
  media?: PaperMm | undefined;
  /** Name of the job in the printer queue. */
  jobName?: string | undefined;
}

export interface PrinterEntry {
  name: string;
  isDefault: boolean;
}

/** Where the spooler commands live; tests and unusual systems override. */
export interface PrintingSystem {
  platform?: NodeJS.Platform;
  cups?: CupsOptions;
}

function isPdf(b: Uint8Array): boolean {
  return b.byteLength > 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;
}

function checkPrinterName(printer: string | undefined): string | undefined {
  if (printer === undefined) return undefined;
  const p = printer.trim();
  if (!isValidPrinterName(p)) {
    throw new PrintError('INVALID_PRINT_JOB', 'The printer name in the device settings is empty or not valid.');
  }
  return p;
}

/** Queues `pdf` on the printer and resolves once the spooler accepted it. */
export async function printPdf(pdf: Buffer | Uint8Array, options: PrintOptions = {}, system: PrintingSystem = {}): Promise<void> {
  if (!(pdf instanceof Uint8Array) || !isPdf(pdf)) {
    throw new PrintError('INVALID_PRINT_JOB', 'The document to print is not a PDF.');
  }
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
    throw new PrintError('INVALID_PRINT_JOB', 'The number of copies must be a whole number from 1 to 99.');
  }
  const media = options.media ?? pdfFirstPageSizeMm(pdf);
  if (media && !(media.widthMm > 10 && media.heightMm > 10 && media.widthMm < 2000 && media.heightMm < 20000)) {
    throw new PrintError('INVALID_PRINT_JOB', 'The paper size is not valid.');
  }
  const printer = checkPrinterName(options.printer);
  const jobName = stripControlChars(options.jobName ?? 'MotCua').slice(0, 100).trim() || 'MotCua';
  if ((system.platform ?? process.platform) === 'win32') {
    await windowsPrint({ pdf, printer, copies });
    return;
  }
  await cupsPrint({ pdf, printer, copies, media, jobName }, system.cups);
}

export async function listPrinters(system: PrintingSystem = {}): Promise<PrinterEntry[]> {
  if ((system.platform ?? process.platform) === 'win32') return windowsListPrinters();
  return cupsListPrinters(system.cups);
}

export async function defaultPrinter(system: PrintingSystem = {}): Promise<string | null> {
  if ((system.platform ?? process.platform) === 'win32') return windowsDefaultPrinter();
  return cupsDefaultPrinter(system.cups);
}

/** Prints a short 80 mm page naming the printer: for the technician setting a device up. */
export async function printTestPage(printer: string, options: TestPageOptions & { system?: PrintingSystem } = {}): Promise<void> {
  const pdf = await buildTestPagePdf(printer, options);
  await printPdf(pdf, { printer, jobName: 'MotCua test page' }, options.system);
}
