import type { DossierDocumentKind } from '../../shared/api';
import type { DossierService } from './dossiers';
import { renderApologySlipPdf, renderReceiptPdf, renderRefusalSlipPdf, renderSupplementSlipPdf, type ApologySlipInput, type ReceiptPaper, type RefusalSlipInput, type SupplementSlipInput } from './documents/dossierDocs';

/** One place that turns a dossier into any of its printed documents, for viewing, reprinting and spooling alike. */
export function createDossierDocuments(dossiers: DossierService, receiptPaper: () => ReceiptPaper) {
  /** `paper` defaults to the office's setting. */
  async function render(code: string, kind: DossierDocumentKind, paper: ReceiptPaper = receiptPaper()): Promise<{ filename: string; pdf: Buffer }> {
    let pdf: Buffer;
    if (kind === 'receipt') pdf = await renderReceiptPdf(dossiers.receiptInput(code), { paper });
    else if (kind === 'supplement') pdf = await renderSupplementSlipPdf(dossiers.slipInput(code, kind) as SupplementSlipInput);
    else if (kind === 'refusal') pdf = await renderRefusalSlipPdf(dossiers.slipInput(code, kind) as RefusalSlipInput);
    else pdf = await renderApologySlipPdf(dossiers.slipInput(code, kind) as ApologySlipInput);
    return { filename: `${kind}-${code.toUpperCase()}.pdf`, pdf };
  }
  return { render };
}
export type DossierDocuments = ReturnType<typeof createDossierDocuments>;
