import PDFDocument from 'pdfkit';
import path from 'node:path';
import { assetsDir } from '../../paths';

/**
 * The one small layout module every printed document goes through (ticket now;
 * receipt and slips later): page sizes in millimetres, the embedded Vietnamese
 * font, and a few line helpers. Text stays text (pdfkit embeds a subset of the
 * TTF), so pdftotext reads it back and a screen reader could too.
 */
export const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;

export const FONT = { regular: 'BeVietnamPro-Regular', bold: 'BeVietnamPro-Bold' } as const;

let fontFiles: { regular: string; bold: string } | undefined;
function fonts() {
  if (!fontFiles) {
    const dir = path.join(assetsDir(), 'fonts');
    fontFiles = { regular: path.join(dir, 'BeVietnamPro-Regular.ttf'), bold: path.join(dir, 'BeVietnamPro-Bold.ttf') };
  }
  return fontFiles;
}

export interface PageSpec {
  widthMm: number;
  heightMm: number;
  marginMm: number;
  title: string;
  lang: 'vi' | 'en';
}

export type Doc = PDFKit.PDFDocument;

export function createDocument(spec: PageSpec): Doc {
  const doc = new PDFDocument({
    size: [mm(spec.widthMm), mm(spec.heightMm)],
    margin: mm(spec.marginMm),
    info: { Title: spec.title, Creator: 'MotCua Kiosk', Producer: 'MotCua Kiosk' },
    lang: spec.lang,
    pdfVersion: '1.7',
    // Fixed creation date keeps identical input → identical bytes (simpler to test and cache).
    autoFirstPage: true,
  });
  const f = fonts();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  doc.font(FONT.regular);
  return doc;
}

/** A centred paragraph across the text width. */
export function centred(doc: Doc, text: string, opts: { size: number; bold?: boolean; gapMm?: number }) {
  doc.font(opts.bold ? FONT.bold : FONT.regular).fontSize(opts.size);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.text(text, doc.page.margins.left, doc.y, { width, align: 'center' });
  if (opts.gapMm) doc.y += mm(opts.gapMm);
}

/** "Label: value" on one line, label regular and value bold. */
export function labelled(doc: Doc, label: string, value: string, opts: { size: number; gapMm?: number }) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font(FONT.regular).fontSize(opts.size).text(`${label}: `, doc.page.margins.left, doc.y, { continued: true, width });
  doc.font(FONT.bold).text(value);
  if (opts.gapMm) doc.y += mm(opts.gapMm);
}

/** A thin dashed rule across the text width. */
export function rule(doc: Doc, gapMm = 2) {
  const y = doc.y + mm(gapMm / 2);
  doc
    .save()
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .dash(2, { space: 2 })
    .lineWidth(0.5)
    .stroke()
    .restore();
  doc.y = y + mm(gapMm / 2);
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
