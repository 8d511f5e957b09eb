import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { assetsDir } from '../../paths';
import type { Png } from './barcodes';

/**
 * The one small layout module every printed document goes through (the 80 mm
 * ticket, the receipt, the slips): page sizes in millimetres, the embedded
 * Vietnamese font, and a `Frame` — a column of the page that lays blocks out
 * top to bottom and turns the page when the next block does not fit. Text stays
 * text (pdfkit embeds a subset of the TTF), so pdftotext reads it back and a
 * screen reader could too.
 *
 * A frame turns onto the next page of the document if that page already exists
 * (documents are created with buffered pages), so two copies can run side by
 * side on A4 landscape, each across as many pages as its table needs.
 */
export const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;

export const FONT = { regular: 'BeVietnamPro-Regular', bold: 'BeVietnamPro-Bold' } as const;

/** The font files' bytes, read once per process (each document still embeds only the subset it uses). */
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
function fonts() {
  if (!fontBytes) {
    const dir = path.join(assetsDir(), 'fonts');
    fontBytes = { regular: fs.readFileSync(path.join(dir, 'BeVietnamPro-Regular.ttf')), bold: fs.readFileSync(path.join(dir, 'BeVietnamPro-Bold.ttf')) };
  }
  return fontBytes;
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
    autoFirstPage: true,
    // Frames may go back to an earlier page (the second copy of a receipt).
    bufferPages: true,
  });
  const f = fonts();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  doc.font(FONT.bold);
  shareFontWork(doc, FONT.bold);
  doc.font(FONT.regular);
  shareFontWork(doc, FONT.regular);
  return doc;
}

/**
 * pdfkit parses the TTF again for every document and shapes every word again
 * (fontkit's GSUB/GPOS layout), which is most of a receipt's time. The parsed
 * font and the per-word layout cache do not depend on the document, so every
 * document shares one of each per face; what does depend on the document, the
 * glyph subset it embeds, stays per document. The cache is dropped when it grows
 * past WORD_CACHE_LIMIT distinct words (names and addresses are open-ended).
 */
interface PdfkitEmbeddedFont {
  font: { createSubset(): unknown };
  subset: unknown;
  layoutCache?: Record<string, unknown>;
}
const shared = new Map<string, { font: PdfkitEmbeddedFont['font']; words: Record<string, unknown>; uses: number }>();
const WORD_CACHE_LIMIT = 20_000;
function shareFontWork(doc: Doc, face: string) {
  const current = (doc as unknown as { _font?: PdfkitEmbeddedFont })._font;
  if (!current || !current.layoutCache) return;
  let s = shared.get(face);
  // Counting the cache's keys is O(n): done every 64th document only.
  if (!s || (++s.uses % 64 === 0 && Object.keys(s.words).length > WORD_CACHE_LIMIT)) {
    s = { font: s?.font ?? current.font, words: Object.create(null) as Record<string, unknown>, uses: 0 };
    shared.set(face, s);
  }
  current.font = s.font;
  current.subset = s.font.createSubset();
  current.layoutCache = s.words;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Slanted (pdfkit's oblique): notes such as "(Ký và ghi rõ họ tên)". */
  oblique?: boolean;
  /** Space after the block. */
  gapMm?: number;
  /** Left indent inside the frame. */
  indentMm?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the frame's width (the shares are normalised). */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export interface SignatureBlock {
  title: string;
  note?: string;
  name: string;
}

/** An image placed once in a document (embedded once however often it is drawn). */
export interface PlacedImage {
  /**
   * pdfkit's opened image. `doc.image` accepts it and then embeds it once; @types/pdfkit
   * types neither `openImage` nor that, so it is typed here as the Buffer pdfkit also takes.
   */
  image: Buffer;
  widthPt: number;
  heightPt: number;
}

export function placeImage(doc: Doc, png: Png): PlacedImage {
  const opened = (doc as unknown as { openImage(src: Buffer): Buffer }).openImage(png.data);
  return { image: opened, widthPt: png.widthPt, heightPt: png.heightPt };
}

const LINE_GAP = 1;

/** Measured paragraph heights by face, size, width and text: the same labels recur on every copy and every document. */
const heights = new Map<string, number>();
const HEIGHT_CACHE_LIMIT = 10_000;

export class Frame {
  /** Index of the page this frame writes on. */
  page: number;
  /** Called on every page the frame turns onto (continuation headers). */
  onNewPage: ((f: Frame) => void) | undefined;

  constructor(
    readonly doc: Doc,
    readonly left: number,
    readonly width: number,
    readonly top: number,
    readonly bottom: number,
    page = 0,
  ) {
    this.page = page;
    this.y = top;
  }

  /** The whole text area of the current page. */
  static page(doc: Doc): Frame {
    const m = doc.page.margins;
    return new Frame(doc, m.left, doc.page.width - m.left - m.right, m.top, doc.page.height - m.bottom);
  }

  get right() {
    return this.left + this.width;
  }

  /** The frame's own cursor (not doc.y, which two frames on one page would share). */
  y: number;

  gap(gapMm: number) {
    this.y += mm(gapMm);
  }

  /** Makes sure `height` fits below the cursor, turning the page if it does not. */
  ensure(height: number) {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top) this.nextPage();
  }

  nextPage() {
    this.page += 1;
    const range = this.doc.bufferedPageRange();
    if (this.page < range.start + range.count) this.doc.switchToPage(this.page);
    else this.doc.addPage();
    this.y = this.top;
    this.onNewPage?.(this);
  }

  /** Switches pdfkit to this frame's page (when frames share a document). */
  activate() {
    if (this.doc.bufferedPageRange().count > this.page) this.doc.switchToPage(this.page);
  }

  private font(style: { size: number; bold?: boolean }) {
    return this.doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size);
  }

  /** Height of `text` in `style` over `width` (default: the frame's width less the indent). */
  measure(text: string, style: TextStyle, width = this.width - mm(style.indentMm ?? 0)): number {
    const key = `${style.bold ? 'b' : 'r'}|${style.size}|${width.toFixed(3)}|${text}`;
    let h = heights.get(key);
    if (h === undefined) {
      h = this.font(style).heightOfString(text, { width, lineGap: LINE_GAP });
      if (heights.size >= HEIGHT_CACHE_LIMIT) heights.clear();
      heights.set(key, h);
    }
    return h;
  }

  /** A paragraph; kept on one page. */
  text(text: string, style: TextStyle) {
    const indent = mm(style.indentMm ?? 0);
    const width = this.width - indent;
    const h = this.measure(text, style, width);
    this.ensure(h);
    this.font(style).text(text, this.left + indent, this.y, { width, align: style.align ?? 'left', lineGap: LINE_GAP, oblique: style.oblique ? 12 : false });
    this.y += h + mm(style.gapMm ?? 0);
  }

  /** "Label: value" as one wrapping paragraph; `emphasis` says which half is bold. */
  labelled(label: string, value: string, style: TextStyle & { emphasis?: 'label' | 'value' | 'both' }) {
    this.fields([[label, value]], style);
  }

  /**
   * Several "Label: value" pairs in one wrapping paragraph ("Số điện thoại: … Email: …"),
   * separated by `separator`; `emphasis` says which half of each pair is bold.
   */
  fields(pairs: readonly (readonly [string, string])[], style: TextStyle & { emphasis?: 'label' | 'value' | 'both'; separator?: string }) {
    const indent = mm(style.indentMm ?? 0);
    const width = this.width - indent;
    const emphasis = style.emphasis ?? 'value';
    const boldLabel = emphasis !== 'value';
    const boldValue = emphasis !== 'label';
    const sep = style.separator ?? '    ';
    const whole = pairs.map(([l, v]) => `${l}: ${v}`).join(sep);
    // Measured in bold: an upper bound for the mixed line (bold glyphs are wider).
    const h = this.measure(whole, { ...style, bold: true }, width);
    this.ensure(h);
    const opts = { lineGap: LINE_GAP, align: style.align ?? 'left' } as const;
    pairs.forEach(([label, value], i) => {
      const last = i === pairs.length - 1;
      const labelText = `${i > 0 ? sep : ''}${label}: `;
      if (i === 0) this.font({ size: style.size, bold: boldLabel }).text(labelText, this.left + indent, this.y, { width, continued: true, ...opts });
      else this.font({ size: style.size, bold: boldLabel }).text(labelText, { continued: true, ...opts });
      this.font({ size: style.size, bold: boldValue }).text(value, { continued: !last, ...opts });
    });
    this.y = Math.max(this.y + this.measure(whole, { ...style, bold: emphasis === 'both' }, width), this.doc.y);
    this.y += mm(style.gapMm ?? 0);
  }

  /** A horizontal line, dashed across the frame or solid and centred with a given length. */
  rule(opts: { gapMm?: number; dashed?: boolean; lengthPt?: number; centreX?: number } = {}) {
    const gap = mm(opts.gapMm ?? 2);
    const y = this.y + gap / 2;
    const len = opts.lengthPt ?? this.width;
    const cx = opts.centreX ?? this.left + this.width / 2;
    const d = this.doc.save().moveTo(cx - len / 2, y).lineTo(cx + len / 2, y).lineWidth(0.5);
    if (opts.dashed ?? true) d.dash(2, { space: 2 });
    d.stroke().restore();
    this.y = y + gap / 2;
  }

  /**
   * Two blocks side by side, each a list of centred lines, with a short solid rule
   * under the first `ruledLines` lines as in official headers; the cursor ends under
   * the taller block.
   */
  columns(blocks: { share: number; lines: (TextStyle & { text: string; ruleAfter?: boolean })[] }[], gapMm = 0) {
    const total = blocks.reduce((s, b) => s + b.share, 0);
    const heights = blocks.map((b) => b.lines.reduce((h, l) => h + this.measure(l.text, l, (this.width * b.share) / total) + mm(l.gapMm ?? 0) + (l.ruleAfter ? mm(2) : 0), 0));
    this.ensure(Math.max(...heights));
    const top = this.y;
    let x = this.left;
    let bottom = top;
    for (const b of blocks) {
      const w = (this.width * b.share) / total;
      let y = top;
      for (const l of b.lines) {
        const h = this.measure(l.text, l, w);
        this.font(l).text(l.text, x, y, { width: w, align: l.align ?? 'center', lineGap: LINE_GAP, oblique: l.oblique ? 12 : false });
        y += h + mm(l.gapMm ?? 0);
        if (l.ruleAfter) {
          const len = Math.min(w * 0.6, this.font(l).widthOfString(l.text.split('\n').pop() ?? '') * 0.75);
          this.doc.save().moveTo(x + w / 2 - len / 2, y + mm(0.6)).lineTo(x + w / 2 + len / 2, y + mm(0.6)).lineWidth(0.6).stroke().restore();
          y += mm(2);
        }
      }
      bottom = Math.max(bottom, y);
      x += w;
    }
    this.y = bottom + mm(gapMm);
  }

  /**
   * A ruled table: a bold header row, cells wrapping inside their column, every
   * row kept whole on one page; on a page turn the header row is drawn again.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], style: { size: number; headerSize?: number; padMm?: number; gapMm?: number }) {
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (this.width * c.share) / total);
    const pad = mm(style.padMm ?? 1.2);
    const rowHeight = (cells: readonly string[], bold: boolean, size: number) =>
      Math.max(...cells.map((c, i) => this.measure(c, { size, bold }, widths[i]! - 2 * pad))) + 2 * pad;
    const drawRow = (cells: readonly string[], bold: boolean, size: number, shade: boolean) => {
      const h = rowHeight(cells, bold, size);
      const doc = this.doc;
      if (shade) doc.save().rect(this.left, this.y, this.width, h).fill('#eeeeee').restore();
      let x = this.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        const align = bold ? 'center' : (columns[i]!.align ?? 'left');
        // Header cells are centred vertically; body cells start at the top (names wrap, counts stay on the first line).
        const dy = bold ? (h - 2 * pad - this.measure(c, { size, bold }, w - 2 * pad)) / 2 : 0;
        this.font({ size, bold }).text(c, x + pad, this.y + pad + dy, { width: w - 2 * pad, align, lineGap: LINE_GAP });
        x += w;
      });
      doc.save().lineWidth(0.5).rect(this.left, this.y, this.width, h).stroke();
      x = this.left;
      for (const w of widths.slice(0, -1)) {
        x += w;
        doc.moveTo(x, this.y).lineTo(x, this.y + h).stroke();
      }
      doc.restore();
      this.y += h;
    };
    const headerCells = columns.map((c) => c.header);
    const headerSize = style.headerSize ?? style.size;
    const headerH = rowHeight(headerCells, true, headerSize);
    this.ensure(headerH + rowHeight(rows[0] ?? headerCells, false, style.size));
    drawRow(headerCells, true, headerSize, true);
    for (const r of rows) {
      const h = rowHeight(r, false, style.size);
      if (this.y + h > this.bottom) {
        this.nextPage();
        drawRow(headerCells, true, headerSize, true);
      }
      drawRow(r, false, style.size, false);
    }
    this.y += mm(style.gapMm ?? 0);
  }

  /** Signature blocks side by side: bold title, slanted note, room to sign, the name in bold. Kept together. */
  signatures(blocks: readonly SignatureBlock[], style: { size: number; signRoomMm?: number }) {
    const w = this.width / blocks.length;
    const lineH = (t: string, bold: boolean) => (t ? this.measure(t, { size: style.size, bold }, w) : 0);
    const room = mm(style.signRoomMm ?? 18);
    const h = Math.max(...blocks.map((b) => lineH(b.title, true) + lineH(b.note ?? '', false) + room + lineH(b.name, true)));
    this.ensure(h);
    blocks.forEach((b, i) => {
      const x = this.left + i * w;
      let y = this.y;
      this.font({ size: style.size, bold: true }).text(b.title, x, y, { width: w, align: 'center', lineGap: LINE_GAP });
      y += lineH(b.title, true);
      if (b.note) {
        this.font({ size: style.size - 0.5 }).text(b.note, x, y, { width: w, align: 'center', lineGap: LINE_GAP, oblique: 12 });
        y += lineH(b.note, false);
      }
      y += room;
      if (b.name) this.font({ size: style.size, bold: true }).text(b.name, x, y, { width: w, align: 'center', lineGap: LINE_GAP });
    });
    this.y += h;
  }

  /**
   * The barcode row: a Code 128 at the left with its text under it (PDF text, not
   * pixels) and a QR at the right. With `images` undefined the row keeps its
   * place empty (no-barcode variant for the benchmark). `qrNote` lines are set
   * right-aligned just left of the QR, centred against it (what the QR is for, the
   * verification code): the symbols keep their places whatever the note says.
   */
  barcodes(
    code: string,
    images: { code128: PlacedImage; qr: PlacedImage } | undefined,
    style: { size: number; gapMm?: number; reserveMm?: { code128: [number, number]; qr: number }; qrNote?: readonly (TextStyle & { text: string })[] },
  ) {
    const c = images?.code128;
    const q = images?.qr;
    const cw = c?.widthPt ?? mm(style.reserveMm?.code128[0] ?? 54);
    const ch = c?.heightPt ?? mm(style.reserveMm?.code128[1] ?? 8.6);
    const qs = q?.heightPt ?? mm(style.reserveMm?.qr ?? 17);
    const textH = this.measure(code, { size: style.size, bold: true }, cw);
    const h = Math.max(ch + textH, qs);
    this.ensure(h);
    const y = this.y;
    // Code 128 vertically centred against the QR, text right under the bars.
    const cy = y + (h - ch - textH) / 2;
    if (c) this.doc.image(c.image, this.left, cy, { width: c.widthPt, height: c.heightPt });
    this.font({ size: style.size, bold: true }).text(code, this.left, cy + ch, { width: cw, align: 'center', lineGap: LINE_GAP, characterSpacing: 0.6 });
    const qw = q?.widthPt ?? qs;
    if (q) this.doc.image(q.image, this.right - q.widthPt, y + (h - qs) / 2, { width: q.widthPt, height: q.heightPt });
    if (style.qrNote?.length) {
      // Between the Code 128 (and a quiet zone) and the QR.
      const noteRight = this.right - qw - mm(1.5);
      const noteLeft = this.left + cw + mm(4);
      const width = Math.max(noteRight - noteLeft, mm(10));
      const noteH = style.qrNote.reduce((sum, l) => sum + this.measure(l.text, l, width) + mm(l.gapMm ?? 0), 0);
      let ny = y + Math.max(0, (h - noteH) / 2);
      for (const l of style.qrNote) {
        this.font(l).text(l.text, noteRight - width, ny, { width, align: 'right', lineGap: LINE_GAP, characterSpacing: l.bold ? 0.8 : 0 });
        ny += this.measure(l.text, l, width) + mm(l.gapMm ?? 0);
      }
    }
    this.y = y + h + mm(style.gapMm ?? 0);
  }
}

/** An image (a payment QR) at the frame's left at `sizeMm`, lines of text beside it; kept on one page. */
export function imageBeside(f: Frame, image: PlacedImage, sizeMm: number, lines: readonly (TextStyle & { text: string })[]) {
  const side = mm(sizeMm);
  const x = f.left + side + mm(2.5);
  const w = f.right - x;
  const textH = lines.reduce((h, l) => h + f.measure(l.text, l, w) + mm(l.gapMm ?? 0), 0);
  const h = Math.max(side, textH);
  f.ensure(h);
  const top = f.y;
  f.doc.image(image.image, f.left, top, { width: side, height: side });
  let y = top + Math.max(0, (side - textH) / 2);
  for (const l of lines) {
    f.doc.font(l.bold ? FONT.bold : FONT.regular).fontSize(l.size).text(l.text, x, y, { width: w, align: l.align ?? 'left', lineGap: LINE_GAP, oblique: l.oblique ? 12 : false });
    y += f.measure(l.text, l, w) + mm(l.gapMm ?? 0);
  }
  f.y = top + h;
}

/** A vertical dashed cut line between two copies on one sheet, on every page. */
export function cutLine(doc: Doc, x: number) {
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.save().moveTo(x, mm(6)).lineTo(x, doc.page.height - mm(6)).dash(3, { space: 3 }).lineWidth(0.4).strokeColor('#888888').stroke().restore();
  }
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
