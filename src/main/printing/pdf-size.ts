/**
 * The first page's size of a PDF, read from its /MediaBox, so the spooler can
 * be told the real paper (an 80 mm ticket must never come out as A4). Best
 * effort: pdfkit writes page objects uncompressed; a PDF whose pages hide in
 * object streams yields null and the printer's default paper is used.
 */
export interface PaperMm {
  widthMm: number;
  heightMm: number;
}

const PT_PER_MM = 72 / 25.4;

export function pdfFirstPageSizeMm(pdf: Uint8Array): PaperMm | null {
  const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.byteLength, 4 * 1024 * 1024)).toString('latin1');
  const num = '(-?\\d+(?:\\.\\d+)?|-?\\.\\d+)';
  const re = new RegExp(`/MediaBox\\s*\\[\\s*${num}\\s+${num}\\s+${num}\\s+${num}\\s*\\]`);
  const m = re.exec(head);
  if (!m) return null;
  const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const w = Math.abs(x1 - x0) / PT_PER_MM;
  const h = Math.abs(y1 - y0) / PT_PER_MM;
  if (!(w > 10 && h > 10 && w < 2000 && h < 20000)) return null;
  return { widthMm: round1(w), heightMm: round1(h) };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

const NAMED: ReadonlyArray<{ name: string; w: number; h: number }> = [
  { name: 'A4', w: 210, h: 297 },
  { name: 'A5', w: 148, h: 210 },
  { name: 'Letter', w: 215.9, h: 279.4 },
];

/**
 * The CUPS `media` value for a paper size: a standard name when it is one
 * (drivers know A4 better than Custom.210x297mm), else `Custom.<w>x<h>mm`.
 */
export function cupsMedia(paper: PaperMm): string {
  for (const n of NAMED) {
    const portrait = Math.abs(paper.widthMm - n.w) < 1 && Math.abs(paper.heightMm - n.h) < 1;
    if (portrait) return n.name;
  }
  return `Custom.${fmt(paper.widthMm)}x${fmt(paper.heightMm)}mm`;
}

const fmt = (v: number) => (Number.isInteger(round1(v)) ? String(round1(v)) : round1(v).toFixed(1));
