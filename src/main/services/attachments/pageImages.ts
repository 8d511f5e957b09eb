import sharp, { type Sharp } from 'sharp';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../shared/api';

/**
 * Pages (photographs, scans, images a citizen brought) → one A4 PDF.
 *
 * Each page is re-encoded before it goes in: EXIF rotation applied, transparency flattened on white,
 * scaled to fit A4 at 150 dpi (1240 × 1754 px; enough to read and re-print a form, a quarter of the
 * pixels of 300 dpi). A page that is black-and-white text becomes a two-colour PNG (deflated, like a fax
 * scan): tens of kilobytes. Anything with colour (red seals and signatures matter on Vietnamese papers)
 * or grey tones (a photo, an ID card) is a JPEG at quality 60 with mozjpeg (measured in
 * docs/benchmarks.md, "Digitising"), where a phone photo as taken is megabytes.
 */
export const PAGE_DPI = 150;
const A4_MM = { w: 210, h: 297 };
const A4_PT = { w: 595.28, h: 841.89 };
const px = (mm: number) => Math.round((mm / 25.4) * PAGE_DPI);
export const JPEG_QUALITY = 60;
/** Grey level (0–255) below which a text page's pixel is ink. */
const TEXT_THRESHOLD = 170;
/** A decoder bomb (a tiny PNG claiming 100 000 × 100 000 px) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 80_000_000;

export interface PreparedPage {
  /** JPEG (photographs, colour) or a two-colour PNG (black-and-white text). */
  image: Buffer;
  width: number;
  height: number;
  mode: 'colour' | 'text';
}

/**
 * A page is "text" when almost nothing in it is coloured (a red seal or a photo keeps it in colour)
 * and almost every pixel is near black or near white. Measured on a 256-px copy, so it costs little.
 */
async function looksLikeText(img: Sharp): Promise<boolean> {
  const { data, info } = await img.clone().resize({ width: 256, height: 256, fit: 'inside' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  let midtone = 0;
  const n = info.width * info.height;
  for (let i = 0; i < data.length; i += info.channels) {
    const r = data[i]!, g = data[i + 1] ?? data[i]!, b = data[i + 2] ?? data[i]!;
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    if (max - min > 60) coloured++;
    const y = (r * 299 + g * 587 + b * 114) / 1000;
    if (y > 70 && y < 185) midtone++;
  }
  return coloured / n < 0.005 && midtone / n < 0.12;
}

export async function preparePage(image: Uint8Array, index: number): Promise<PreparedPage> {
  try {
    const img = sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().flatten({ background: '#ffffff' });
    const meta = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const rotated = (meta.orientation ?? 1) >= 5;
    const w0 = (rotated ? meta.height : meta.width) ?? 0;
    const h0 = (rotated ? meta.width : meta.height) ?? 0;
    const landscape = w0 > h0;
    const box = landscape ? { width: px(A4_MM.h), height: px(A4_MM.w) } : { width: px(A4_MM.w), height: px(A4_MM.h) };
    const text = await looksLikeText(img);
    const sized = img.resize({ ...box, fit: 'inside', withoutEnlargement: true });
    // Black-and-white text as two colours, deflated: a page of text in tens of kilobytes, crisp when printed.
    const out = text
      ? sized.greyscale().threshold(TEXT_THRESHOLD).png({ palette: true, colours: 2, compressionLevel: 9 })
      : sized.jpeg({ quality: JPEG_QUALITY, mozjpeg: true });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { image: data, width: info.width, height: info.height, mode: text ? 'text' : 'colour' };
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
    doc.image(p.image, 0, 0, { fit: [size.w, size.h], align: 'center', valign: 'center' });
  }
  doc.end();
  return done;
}
