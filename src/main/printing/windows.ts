/**
 * Printing on Windows through the maintained `pdf-to-printer` package (it
 * drives a bundled SumatraPDF: silent, to a named printer, no dialog). The
 * PDF goes through a private temp file that is always removed. Printed at
 * actual size ("noscale"): an 80 mm ticket stays 80 mm on the thermal roll
 * whose paper size is set in the Windows driver.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as PdfToPrinterModule from 'pdf-to-printer';
import { PrintError } from './errors';

export interface WindowsPrintJob {
  pdf: Uint8Array;
  printer?: string | undefined;
  copies: number;
}

type PdfToPrinter = typeof PdfToPrinterModule;

async function load(): Promise<PdfToPrinter> {
  try {
    return await import('pdf-to-printer');
  } catch (e) {
    throw new PrintError('PRINTING_UNAVAILABLE', 'The Windows printing component (pdf-to-printer) is missing; reinstall the application.', { cause: e });
  }
}

export async function windowsListPrinters(): Promise<{ name: string; isDefault: boolean }[]> {
  const ptp = await load();
  try {
    const [printers, def] = await Promise.all([ptp.getPrinters(), ptp.getDefaultPrinter()]);
    return printers.map((p) => ({ name: p.name, isDefault: def !== null && p.name === def.name }));
  } catch (e) {
    throw new PrintError('PRINT_FAILED', `Could not list the printers: ${errText(e)}`, { cause: e });
  }
}

export async function windowsDefaultPrinter(): Promise<string | null> {
  const ptp = await load();
  try {
    return (await ptp.getDefaultPrinter())?.name ?? null;
  } catch (e) {
    throw new PrintError('PRINT_FAILED', `Could not read the default printer: ${errText(e)}`, { cause: e });
  }
}

export async function windowsPrint(job: WindowsPrintJob): Promise<void> {
  const ptp = await load();
  const printers = await windowsListPrinters();
  if (job.printer) {
    if (!printers.some((p) => p.name.toLowerCase() === job.printer!.toLowerCase())) {
      throw new PrintError('PRINTER_NOT_FOUND', `Printer "${job.printer}" was not found. Check the printer name in this device's settings and that the printer is installed in Windows.`);
    }
  } else if (!printers.some((p) => p.isDefault)) {
    throw new PrintError('NO_DEFAULT_PRINTER', 'No printer is set for this device and Windows has no default printer. Choose a printer in the device settings.');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-print-'));
  const file = path.join(dir, 'job.pdf');
  try {
    await writeFile(file, job.pdf, { mode: 0o600 });
    await ptp.print(file, { printer: job.printer, copies: job.copies, silent: true, scale: 'noscale' });
  } catch (e) {
    throw new PrintError('PRINT_FAILED', `Printing on ${job.printer ? `"${job.printer}"` : 'the default printer'} failed: ${errText(e)}`, { cause: e });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function errText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
