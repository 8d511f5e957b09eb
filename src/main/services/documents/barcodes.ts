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

function png(data: Buffer): Png {
  // IHDR: width and height are the two big-endian uint32 after the 8-byte signature and the chunk header.
  const ptPerDot = 72 / BARCODE_DPI;
  return { data, widthPt: data.readUInt32BE(16) * ptPerDot, heightPt: data.readUInt32BE(20) * ptPerDot };
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
