import { useCallback, useState } from 'react';
import i18next from 'i18next';
import { errorText } from '../../app/errors';
import { printPdfBytes } from '../../app/printPdf';
import { receiptPdf, slipPdf } from './dossierApi';

export type PrintState = { kind: 'idle' } | { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed'; message: string };

/**
 * Prints a dossier's receipt, or one of its slips (hub's PDF → Electron bridge or the browser's
 * dialog); the dossier stays saved whatever happens, and the clerk can print again.
 */
export function usePrintReceipt(): { state: PrintState; print: (code: string, document?: 'receipt' | 'supplement' | 'refusal' | 'apology') => Promise<void>; text: string } {
  const [state, setState] = useState<PrintState>({ kind: 'idle' });
  const print = useCallback(async (code: string, document: 'receipt' | 'supplement' | 'refusal' | 'apology' = 'receipt') => {
    setState({ kind: 'printing' });
    let bytes: ArrayBuffer;
    try {
      bytes = document === 'receipt' ? await receiptPdf(code) : await slipPdf(code, document);
    } catch (err) {
      setState({ kind: 'failed', message: errorText(err) });
      return;
    }
    const outcome = await printPdfBytes(bytes);
    setState(outcome.ok ? { kind: 'printed' } : { kind: 'failed', message: outcome.message });
  }, []);
  const text =
    state.kind === 'printing'
      ? i18next.t('dossier.printing')
      : state.kind === 'printed'
        ? i18next.t('dossier.printed')
        : state.kind === 'failed'
          ? i18next.t('dossier.printFailed', { message: state.message })
          : '';
  return { state, print, text };
}
