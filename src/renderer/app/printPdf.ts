/**
 * Print an issued ticket: fetch its PDF from the hub, then
 * - in Electron (window.motcua present): print silently on the device's printer;
 * - in a plain browser: load it in a hidden iframe and open the print dialog.
 * The ticket number is valid whether or not the paper comes out, so a failure
 * here is reported, never thrown at the citizen.
 */
import { apiBytes } from './api';
import { errorText } from './errors';
import { assignedPrinter } from './screenSettings';
import { type Language } from '../../shared/i18n';

/**
 * - `silent`: printed by Electron without a dialog;
 * - `dialog`: the browser's print dialog was opened;
 * - `skipped`: the page is driven by automation (navigator.webdriver): headless
 *   Chromium crashes the page when print() is called on a PDF frame and nobody
 *   could answer a dialog anyway. Tests that check printing stub window.motcua.
 */
export type PrintOutcome = { ok: true; mode: 'silent' | 'dialog' | 'skipped' } | { ok: false; message: string };

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
          done({ ok: false, message: err instanceof Error ? err.message : String(err) });
        }
      }, 300);
    });
    setTimeout(() => done({ ok: false, message: 'timeout' }), 15_000);
    f.src = url;
    document.body.appendChild(f);
  });
}

export async function printTicket(ticketId: number, lang: Language): Promise<PrintOutcome> {
  let bytes: ArrayBuffer;
  try {
    bytes = await apiBytes('ticketPdf', { params: { id: ticketId }, query: { lang } });
  } catch (err) {
    return { ok: false, message: errorText(err) };
  }
  return printPdfBytes(bytes);
}

export async function printPdfBytes(bytes: ArrayBuffer): Promise<PrintOutcome> {
  const bridge = window.motcua;
  if (bridge) {
    try {
      const printer = assignedPrinter();
      const result = await bridge.printPdf({ pdf: new Uint8Array(bytes), ...(printer ? { printer } : {}) });
      return result.ok ? { ok: true, mode: 'silent' } : { ok: false, message: result.message };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
  if (navigator.webdriver) return { ok: true, mode: 'skipped' };
  return printInBrowser(bytes);
}
