import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { AppError } from '../../../shared/api';

/**
 * Checks a PDF a citizen brought before it is stored. pdf-lib reads the whole object graph in pure
 * JavaScript (no native code, no external program; the same on Windows and Linux), is widely used and
 * keeps to the PDF spec, and lets us walk every indirect object, object streams included.
 *
 * A PDF that carries scripts, launch actions, embedded or attached files, rich media or an XFA form is
 * REFUSED, not stripped: stripping rewrites the citizen's document (a signed PDF would lose its
 * signature), and a clerk can always print it and scan the paper. Encrypted PDFs are refused too (the
 * district could not read them).
 */
const ACTIVE_NAMES = ['JS', 'JavaScript', 'EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'Launch', 'RichMedia', 'XFA', 'ImportData'] as const;

export interface PdfFacts {
  pages: number;
}

function activeContent(dict: PDFDict): string | null {
  for (const key of dict.keys()) {
    const k = key.decodeText();
    if ((ACTIVE_NAMES as readonly string[]).includes(k)) return k;
  }
  for (const field of ['S', 'Type', 'Subtype']) {
    const v = dict.get(PDFName.of(field));
    if (v instanceof PDFName) {
      const name = v.decodeText();
      if ((ACTIVE_NAMES as readonly string[]).includes(name)) return name;
    }
  }
  return null;
}

export async function inspectPdf(bytes: Uint8Array, maxPages: number): Promise<PdfFacts> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    const encrypted = (err as Error).name === 'EncryptedPDFError' || /encrypted/i.test((err as Error).message);
    if (encrypted) throw new AppError(400, 'PDF_ENCRYPTED', 'The PDF is password-protected: ask the citizen for an unprotected copy, or print it and scan the paper.');
    throw new AppError(400, 'PDF_UNREADABLE', `The file is not a readable PDF: ${(err as Error).message}`);
  }
  const pages = doc.getPageCount();
  if (pages < 1) throw new AppError(400, 'PDF_UNREADABLE', 'The PDF has no page.');
  if (pages > maxPages) throw new AppError(400, 'TOO_MANY_PAGES', `The PDF has ${pages} pages; at most ${maxPages} are taken for one document.`, { pages, maxPages });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    const found = dict && activeContent(dict);
    if (found) {
      throw new AppError(400, 'PDF_ACTIVE_CONTENT', `The PDF carries active content or attached files (${found}) and is refused, not stripped: print it and scan the paper instead.`, { found });
    }
  }
  return { pages };
}
