/**
 * ESC/POS thermal printers: ask the status (DLE EOT 1/2/4), print the ticket PDF as a raster
 * image at the head's width, feed and cut. Used by the hub's print service for any printer
 * written `escpos:…` in /admin (src/shared/domain/escposTarget.ts).
 */
import type { EscposTarget, PrinterState } from '../../../shared/domain/escposTarget';
import { PrintError, type PrintErrorCode } from '../errors';
import { decodeStatus, rasterJob, statusRequest, STATUS_QUERIES } from './commands';
import { rasterisePdf } from './raster';
import { DEFAULT_TIMEOUTS, TcpLink, writeDevice, writeWindowsRaw, type EscposTimeouts } from './transport';

export { DEFAULT_TIMEOUTS, type EscposTimeouts } from './transport';
export { rasterisePdf, type Bitmap } from './raster';
export { rasterJob, decodeStatus } from './commands';

async function readStatus(link: TcpLink, timeouts: EscposTimeouts): Promise<PrinterState> {
  const answers: number[] = [];
  for (const n of STATUS_QUERIES) {
    const b = await link.ask(statusRequest(n), timeouts.answerMs);
    if (b === null) return 'no_answer';
    answers.push(b);
  }
  return decodeStatus(answers as [number, number, number]);
}

/** The printer's state now. Only a network printer can be asked; a device file or Windows share is `unknown`. */
export async function escposStatus(target: EscposTarget, timeouts: EscposTimeouts = DEFAULT_TIMEOUTS): Promise<PrinterState> {
  if (target.kind !== 'tcp') return 'unknown';
  let link: TcpLink;
  try {
    link = await TcpLink.connect(target.host, target.port, timeouts);
  } catch {
    return 'unreachable';
  }
  try {
    return await readStatus(link, timeouts);
  } finally {
    link.close();
  }
}

const refusal: Partial<Record<PrinterState, [PrintErrorCode, string]>> = {
  paper_end: ['PRINTER_PAPER_END', 'The thermal printer is out of paper.'],
  cover_open: ['PRINTER_COVER_OPEN', "The thermal printer's cover is open."],
  offline: ['PRINTER_OFFLINE', 'The thermal printer is offline.'],
  garbled: ['PRINTER_BAD_ANSWER', 'The device at this address does not answer like an ESC/POS printer.'],
  no_answer: ['PRINT_TIMEOUT', 'The thermal printer did not answer its status request.'],
};

/** Throws the PrintError for a state in which nothing should be sent. */
function refuseUnlessReady(state: PrinterState): void {
  const r = refusal[state];
  if (r) throw new PrintError(r[0], r[1]);
}

/**
 * Prints the first page of `pdf`. A network printer is asked its status first (no job goes to a
 * printer without paper) and again after the job: its answer comes only once it has taken every
 * byte before it, so a printer that hangs part-way is reported instead of counted as printed.
 */
export async function printEscpos(pdf: Buffer, target: EscposTarget, timeouts: EscposTimeouts = DEFAULT_TIMEOUTS): Promise<void> {
  const job = rasterJob(await rasterisePdf(pdf, target.dots));
  if (target.kind === 'device') return writeDevice(target.path, job, timeouts.jobMs);
  if (target.kind === 'windows_raw') return writeWindowsRaw(target.printer, job, timeouts.jobMs);
  const link = await TcpLink.connect(target.host, target.port, timeouts);
  try {
    refuseUnlessReady(await readStatus(link, timeouts));
    await link.send(job, timeouts.jobMs);
    const after = await link.ask(statusRequest(1), timeouts.jobMs);
    if (after === null) throw new PrintError('PRINT_TIMEOUT', 'The thermal printer stopped part-way through the ticket.');
  } finally {
    link.close();
  }
}
