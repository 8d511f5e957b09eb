import { AppError } from '../../shared/api';
import { isPrintError, listPrinters, printPdf, printTestPage, type PrinterEntry, type PrintingSystem } from '../printing';

/**
 * Printing from the hub through the OS spooler (CUPS `lp`, or Windows): for a
 * counter PC whose documents print on a printer the hub can reach, and for the
 * admin's test page. A spooler failure becomes a 502 PRINT_FAILED whose message
 * the clerk can act on; whatever was being printed stays saved, ready to reprint.
 */
export function createPrintService(system: PrintingSystem = {}) {
  async function guard<T>(printer: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isPrintError(err)) throw new AppError(502, 'PRINT_FAILED', err.message, { reason: err.code, printer: printer ?? null });
      throw err;
    }
  }
  return {
    printers: (): Promise<PrinterEntry[]> => guard(undefined, () => listPrinters(system)),
    print: (pdf: Buffer, options: { printer?: string; copies?: number; jobName: string }) => guard(options.printer, () => printPdf(pdf, options, system)),
    testPage: (printer: string) => guard(printer, () => printTestPage(printer, { system })),
  };
}
export type PrintService = ReturnType<typeof createPrintService>;
