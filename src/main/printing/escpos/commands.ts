/**
 * The ESC/POS bytes this hub sends and reads (Epson's command set, which the cheap 80 mm and
 * 58 mm printers sold in Vietnam follow): status by DLE EOT, the ticket as a GS v 0 raster image
 * (so Vietnamese is right whatever code pages the printer has), then feed and cut (GS V).
 */
import type { PrinterState } from '../../../shared/domain/escposTarget';
import type { Bitmap } from './raster';

const DLE = 0x10;
const EOT = 0x04;
const ESC = 0x1b;
const GS = 0x1d;

/** DLE EOT n: 1 printer status, 2 offline cause, 4 roll paper sensor. Each answers one byte. */
export const STATUS_QUERIES = [1, 2, 4] as const;
export const statusRequest = (n: (typeof STATUS_QUERIES)[number]) => Buffer.from([DLE, EOT, n]);

/**
 * Reads the three status bytes. Every answer has bit 1 and bit 4 set and bits 0 and 7 clear
 * (0x12 when all is well); a byte that does not is not a status answer (a printer speaking
 * another protocol, line noise), so it is `garbled`, never taken for "ready".
 */
export function decodeStatus(bytes: readonly [number, number, number]): PrinterState {
  const [printer, offline, paper] = bytes;
  if (bytes.some((b) => (b & 0x93) !== 0x12)) return 'garbled';
  if (offline & 0x04) return 'cover_open';
  // Roll paper sensor bits 5–6, or the offline cause "stopped at paper end".
  if (paper & 0x60 || offline & 0x20) return 'paper_end';
  if (printer & 0x08) return 'offline';
  if (paper & 0x0c) return 'paper_near_end';
  return 'ready';
}

/** Rows per GS v 0 command: small printers have small receive buffers and a maximum image height. */
export const BAND_ROWS = 128;

/**
 * A whole job: ESC @ (reset), the image in GS v 0 bands of at most BAND_ROWS rows (m = 0, normal
 * density), then GS V 66 n: feed n/203 inch past the cutter and cut (partial cut where there is one).
 */
export function rasterJob(image: Bitmap, feedDots = 48): Buffer {
  const parts: Buffer[] = [Buffer.from([ESC, 0x40])];
  const bytesPerRow = image.width / 8;
  for (let top = 0; top < image.height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, image.height - top);
    parts.push(Buffer.from([GS, 0x76, 0x30, 0, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8]));
    parts.push(Buffer.from(image.bits.subarray(top * bytesPerRow, (top + rows) * bytesPerRow)));
  }
  parts.push(Buffer.from([GS, 0x56, 66, Math.min(255, feedDots)]));
  return Buffer.concat(parts);
}
