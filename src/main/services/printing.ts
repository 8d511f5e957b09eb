import { AppError } from '../../shared/api';
import { isEscposPrinter, parseEscposTarget, type EscposTarget, type PrinterState } from '../../shared/domain/escposTarget';
import { buildTestPagePdf, isPrintError, listPrinters, printPdf, printTestPage, type PrinterEntry, type PrintingSystem } from '../printing';
import { DEFAULT_TIMEOUTS, escposStatus, printEscpos, type EscposTimeouts } from '../printing/escpos';

/**
 * Printing from the hub through the OS spooler (CUPS `lp`, or Windows), or straight to an
 * ESC/POS thermal printer (`escpos:…`, src/shared/domain/escposTarget.ts): for a counter PC
 * whose documents print on a printer the hub can reach, for kiosks with a thermal printer, and
 * for the admin's test page. A failure becomes a 502 PRINT_FAILED whose message the clerk can act
 * on; whatever was being printed stays saved, ready to reprint.
 */
export function createPrintService(system: PrintingSystem = {}, escposTimeouts: EscposTimeouts = DEFAULT_TIMEOUTS) {
  async function guard<T>(printer: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isPrintError(err)) throw new AppError(502, 'PRINT_FAILED', err.message, { reason: err.code, printer: printer ?? null });
      throw err;
    }
  }
  const target = (printer: string): EscposTarget => {
    const parsed = parseEscposTarget(printer);
    if (!parsed.ok) throw new AppError(400, 'VALIDATION_FAILED', `The thermal printer setting "${printer}" is not valid: ${parsed.reason}.`);
    return parsed.target;
  };
  const print = (pdf: Buffer, options: { printer?: string | undefined; copies?: number | undefined; jobName: string }) =>
    guard(options.printer, async () => {
      if (!isEscposPrinter(options.printer)) return printPdf(pdf, options, system);
      for (let i = 0; i < (options.copies ?? 1); i++) await printEscpos(pdf, target(options.printer!), escposTimeouts);
    });
  return {
    printers: (): Promise<PrinterEntry[]> => guard(undefined, () => listPrinters(system)),
    print,
    testPage: (printer: string) =>
      isEscposPrinter(printer) ? buildTestPagePdf(printer).then((pdf) => print(pdf, { printer, jobName: 'MotCua test page' })) : guard(printer, () => printTestPage(printer, { system })),
    /** A thermal printer's state now; `unknown` for an OS printer (the spooler cannot say) or none. */
    status: async (printer: string | null): Promise<PrinterState> => (printer && isEscposPrinter(printer) ? escposStatus(target(printer), escposTimeouts) : 'unknown'),
  };
}
export type PrintService = ReturnType<typeof createPrintService>;
