import zlib from 'node:zlib';
import bwipjs from 'bwip-js/node';

/**
 * Barcode images for the printed documents, rendered by bwip-js as PNG at the
 * printers' native 300 dpi: one PNG pixel is one printer dot, so no bar is
 * resampled into uneven widths. Code 128 modules are 3 dots (0.25 mm, above
 * the 0.19 mm minimum of handheld scanners; a 18-character code is 54 mm wide);
 * QR modules are 6 dots (0.51 mm), error correction M, so the 33-character
 * payload (alphanumeric mode, version 2) is 13 mm plus its quiet zone.
 *
 * The human-readable code under the Code 128 is drawn by the layout as PDF text
 * (so it stays text), not baked into the image.
 */
export const BARCODE_DPI = 300;
export const CODE128_DOTS_PER_MODULE = 3;
/** bwip-js draws a 2D module as 2 px at scale 1. */
export const QR_DOTS_PER_MODULE = 6;

export interface Png {
  data: Buffer;
  /** Size in PDF points when printed at BARCODE_DPI. */
  widthPt: number;
  heightPt: number;
}

function png(rgba: Buffer): Png {
  const data = toGrey(rgba);
  // IHDR: width and height are the two big-endian uint32 after the 8-byte signature and the chunk header.
  const ptPerDot = 72 / BARCODE_DPI;
  return { data, widthPt: data.readUInt32BE(16) * ptPerDot, heightPt: data.readUInt32BE(20) * ptPerDot };
}

/**
 * bwip-js writes 8-bit RGBA. pdfkit would then decode every pixel to split off
 * the alpha channel and compress both again (most of a barcode's cost in the
 * PDF); an opaque black-on-white symbol needs neither, so it is re-encoded here
 * as 8-bit greyscale without alpha, which pdfkit embeds as it is.
 */
export function toGrey(rgba: Buffer): Buffer {
  const width = rgba.readUInt32BE(16);
  const height = rgba.readUInt32BE(20);
  if (rgba[24] !== 8 || rgba[25] !== 6 || rgba[28] !== 0) return rgba; // not 8-bit RGBA non-interlaced: leave it
  const idat: Buffer[] = [];
  for (let at = 8; at < rgba.length; ) {
    const len = rgba.readUInt32BE(at);
    if (rgba.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(rgba.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const grey = Buffer.alloc((width + 1) * height);
  // Undo the PNG row filters in place (each row refers to the row above, already undone).
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1) + 1;
    const up = start - stride - 1; // the previous row's first byte (y > 0)
    const filter = raw[start - 1]!;
    if (filter !== 0) {
      for (let i = 0; i < stride; i++) {
        const a = i >= 4 ? raw[start + i - 4]! : 0;
        const b = y > 0 ? raw[up + i]! : 0;
        let add: number;
        if (filter === 1) add = a;
        else if (filter === 2) add = b;
        else if (filter === 3) add = (a + b) >> 1;
        else {
          const c = y > 0 && i >= 4 ? raw[up + i - 4]! : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        raw[start + i] = (raw[start + i]! + add) & 0xff;
      }
    }
    const row = y * (width + 1);
    grey[row] = 0; // filter: none
    // The symbol is black on an opaque white ground: composite over white, keep one channel.
    for (let x = 0; x < width; x++) grey[row + 1 + x] = (255 - ((255 - raw[start + x * 4]!) * raw[start + x * 4 + 3]!) / 255) | 0;
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: greyscale
  return Buffer.concat([rgba.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(grey)), chunk('IEND', Buffer.alloc(0))]);
}

/** Code 128 of `text`, bars about 8.6 mm tall, with a 10-module quiet zone each side. */
export async function code128Png(text: string): Promise<Png> {
  const data = await bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scaleX: CODE128_DOTS_PER_MODULE,
    scaleY: CODE128_DOTS_PER_MODULE,
    height: 12,
    includetext: false,
    paddingwidth: 10,
    backgroundcolor: 'FFFFFF',
  });
  return png(data);
}

/** QR of `text`, error correction M, with the standard 4-module quiet zone. */
export async function qrPng(text: string): Promise<Png> {
  // eclevel is a BWIPP option the bwip-js typings do not list.
  const options: bwipjs.RenderOptions & { eclevel: 'L' | 'M' | 'Q' | 'H' } = {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale: QR_DOTS_PER_MODULE / 2,
    paddingwidth: 8,
    paddingheight: 8,
    backgroundcolor: 'FFFFFF',
  };
  return png(await bwipjs.toBuffer(options));
}
