import sharp from 'sharp';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../shared/api';

/**
 * Pages (photographs, scans, images a citizen brought) → one A4 PDF.
 *
 * Each page is re-encoded before it goes in: EXIF rotation applied, transparency flattened on white,
 * scaled to fit A4 at 150 dpi (1240 × 1754 px; enough to read and re-print a form, a quarter of the
 * pixels of 300 dpi) and written as a JPEG at quality 60 with mozjpeg. Colour is kept: red seals and
 * signatures matter on Vietnamese papers, and 4:2:0 chroma costs little. A page of text comes out at
 * tens of kilobytes (measured in docs/benchmarks.md, "Digitising"), where a phone photo is megabytes.
 */
export const PAGE_DPI = 150;
const A4_MM = { w: 210, h: 297 };
const A4_PT = { w: 595.28, h: 841.89 };
const px = (mm: number) => Math.round((mm / 25.4) * PAGE_DPI);
export const JPEG_QUALITY = 60;
/** A decoder bomb (a tiny PNG claiming 100 000 × 100 000 px) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 80_000_000;

export interface PreparedPage {
  jpeg: Buffer;
  width: number;
  height: number;
}

export async function preparePage(image: Uint8Array, index: number): Promise<PreparedPage> {
  try {
    const img = sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const meta = await img.metadata();
    const rotated = (meta.orientation ?? 1) >= 5;
    const w0 = (rotated ? meta.height : meta.width) ?? 0;
    const h0 = (rotated ? meta.width : meta.height) ?? 0;
    const landscape = w0 > h0;
    const box = landscape ? { width: px(A4_MM.h), height: px(A4_MM.w) } : { width: px(A4_MM.w), height: px(A4_MM.h) };
    const { data, info } = await img
      .flatten({ background: '#ffffff' })
      .resize({ ...box, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch (err) {
    throw new AppError(400, 'UNREADABLE_IMAGE', `Page ${index + 1} is not an image the hub can read (JPEG or PNG): ${(err as Error).message}`);
  }
}

/** One A4 page per image, the image fitted and centred; a landscape image gets a landscape page. */
export async function pagesToPdf(pages: readonly PreparedPage[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title, Creator: 'MotCua Kiosk', Producer: 'MotCua Kiosk' }, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const p of pages) {
    const landscape = p.width > p.height;
    const size = landscape ? { w: A4_PT.h, h: A4_PT.w } : A4_PT;
    doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 0 });
    doc.image(p.jpeg, 0, 0, { fit: [size.w, size.h], align: 'center', valign: 'center' });
  }
  doc.end();
  return done;
}
