/**
 * An 80 mm test page (Vietnamese and English, with the printer's name and the
 * time) made with pdfkit and an embedded Vietnamese font when one is found.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export interface TestPageOptions {
  /** A TTF with Vietnamese coverage; default assets/fonts/BeVietnamPro-Regular.ttf when found. */
  fontPath?: string;
  widthMm?: number;
  now?: Date;
}

const MM = 72 / 25.4;
const FONT = path.join('assets', 'fonts', 'BeVietnamPro-Regular.ttf');

function findFont(): string | null {
  const roots = [process.cwd()];
  if (typeof __dirname !== 'undefined') roots.push(path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..'));
  for (const r of roots) {
    const f = path.join(r, FONT);
    if (existsSync(f)) return f;
  }
  return null;
}

export function buildTestPagePdf(printer: string, opts: TestPageOptions = {}): Promise<Buffer> {
  const width = (opts.widthMm ?? 80) * MM;
  const doc = new PDFDocument({ size: [width, 100 * MM], margin: 4 * MM, info: { Title: 'MotCua test page', Producer: 'MotCua Kiosk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = opts.fontPath ?? findFont();
  const now = (opts.now ?? new Date()).toISOString().replace('T', ' ').slice(0, 19);
  if (font) {
    doc.font(font);
    doc.fontSize(14).text('MotCua Kiosk — Trang in thử', { align: 'center' });
    doc.moveDown(0.5).fontSize(10).text(`Máy in: ${printer}`).text(`Thời gian: ${now}`);
    doc.moveDown(0.5).text('Nếu trang này rộng đúng khổ giấy và chữ tiếng Việt có dấu rõ ràng, máy in đã sẵn sàng.');
  } else {
    doc.font('Helvetica');
    doc.fontSize(14).text('MotCua Kiosk - test page', { align: 'center' });
  }
  doc.moveDown(0.5).fontSize(9).text(`Printer: ${printer}`).text(`Time: ${now}`);
  doc.text('If this page fits the paper width, the printer is ready.');
  doc.end();
  return done;
}
