/**
 * Print an issued ticket:
 * - in Electron (window.motcua present): fetch its PDF and print silently on the device's printer;
 * - in a plain browser on a device /admin gave a printer: the hub prints it on that printer
 *   through its own spooler (POST /tickets/:id/print), e.g. the `npm start` Chromium fallback;
 * - in a plain browser without one: load the PDF in a hidden iframe and open the print dialog.
 * Every outcome says only what is known: the spooler took the job (not that paper came out), the
 * printer's error, or that the browser's dialog was opened. The ticket number is valid whether or
 * not the paper comes out, so a failure here is reported, never thrown at the citizen.
 */
import i18next from 'i18next';
import { api, apiBytes, ApiError } from './api';
import { errorText } from './errors';
import { assignedPrinter } from './screenSettings';
import { type Language } from '../../shared/i18n';
import { isEscposPrinter } from '../../shared/domain/escposTarget';

/**
 * - `silent`: handed to the OS spooler by Electron, without a dialog (the spooler accepted it);
 * - `hub`: the hub's spooler accepted the job for the device's printer;
 * - `dialog`: the browser's print dialog was opened;
 * - `skipped`: the page is driven by automation (navigator.webdriver): headless
 *   Chromium crashes the page when print() is called on a PDF frame and nobody
 *   could answer a dialog anyway. Tests that check printing stub window.motcua.
 */
export type PrintOutcome = { ok: true; mode: 'silent' | 'hub' | 'dialog' | 'skipped' } | { ok: false; message: string; code: string | null };

/** A printer's failure in the screen's language when its reason code is known, else the spooler's words. */
export function printFailureText(code: string | null | undefined, message: string): string {
  const key = `printReason.${code ?? ''}`;
  return code && i18next.exists(key) ? i18next.t(key) : message;
}

const failed = (code: string | null | undefined, message: string): PrintOutcome => ({ ok: false, code: code ?? null, message: printFailureText(code, message) });

let frame: HTMLIFrameElement | null = null;
let frameUrl: string | null = null;

function printInBrowser(bytes: ArrayBuffer): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    if (frame) frame.remove();
    if (frameUrl) URL.revokeObjectURL(frameUrl);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    frameUrl = url;
    const f = document.createElement('iframe');
    frame = f;
    f.setAttribute('aria-hidden', 'true');
    f.setAttribute('tabindex', '-1');
    f.title = 'ticket-print';
    f.className = 'print-frame';
    let settled = false;
    const done = (outcome: PrintOutcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    f.addEventListener('load', () => {
      // Give the PDF viewer a moment to lay the page out before printing.
      setTimeout(() => {
        try {
          f.contentWindow?.focus();
          f.contentWindow?.print();
          done({ ok: true, mode: 'dialog' });
        } catch (err) {
          done(failed(null, err instanceof Error ? err.message : String(err)));
        }
      }, 300);
    });
    setTimeout(() => done(failed('PRINT_TIMEOUT', 'timeout')), 15_000);
    f.src = url;
    document.body.appendChild(f);
  });
}

export async function printTicket(ticketId: number, lang: Language): Promise<PrintOutcome> {
  const printer = assignedPrinter();
  // A thermal printer (escpos:…) is driven by the hub, from Electron too.
  if (printer && (!window.motcua || isEscposPrinter(printer))) return printOnHub(ticketId, lang, printer);
  let bytes: ArrayBuffer;
  try {
    bytes = await apiBytes('ticketPdf', { params: { id: ticketId }, query: { lang } });
  } catch (err) {
    return failed(null, errorText(err));
  }
  return printPdfBytes(bytes);
}

/** The hub answers once its spooler queued the job, or 502 PRINT_FAILED with the printer's reason. */
async function printOnHub(ticketId: number, lang: Language, printer: string): Promise<PrintOutcome> {
  try {
    await api('printTicket', { params: { id: ticketId }, body: { printer, lang } });
    return { ok: true, mode: 'hub' };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'PRINT_FAILED') {
      const reason = (err.details as { reason?: unknown } | undefined)?.reason;
      return failed(typeof reason === 'string' ? reason : null, err.message);
    }
    return failed(null, errorText(err));
  }
}

export async function printPdfBytes(bytes: ArrayBuffer): Promise<PrintOutcome> {
  const bridge = window.motcua;
  if (bridge) {
    try {
      const printer = assignedPrinter();
      const result = await bridge.printPdf({ pdf: new Uint8Array(bytes), ...(printer ? { printer } : {}) });
      return result.ok ? { ok: true, mode: 'silent' } : failed(result.code, result.message);
    } catch (err) {
      return failed(null, err instanceof Error ? err.message : String(err));
    }
  }
  if (navigator.webdriver) return { ok: true, mode: 'skipped' };
  return printInBrowser(bytes);
}
