/**
 * The ticket PDF's page as a 1-bit image at the printer's width: poppler's pdftoppm draws the
 * page (the same PDF the OS printers get, so there is one layout), then a fixed threshold turns
 * grey into dots. The ticket is text and rules on white, so a threshold keeps the strokes sharp
 * where dithering would fray the small letters' diacritics.
 */
import { execFile } from 'node:child_process';
import { PrintError } from '../errors';

/** Packed rows, most significant bit first, 1 = a black dot (GS v 0's order). */
export interface Bitmap {
  width: number;
  height: number;
  bits: Uint8Array;
}

/** Darker than this (0–255) prints. */
const THRESHOLD = 160;

/** Parses a binary PGM (P5, maxval 255) as pdftoppm writes it. */
export function parsePgm(pgm: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new PrintError('PRINT_FAILED', 'The page could not be drawn for the thermal printer.');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
  if (pixels.length !== width * height) throw new PrintError('PRINT_FAILED', 'The page drawn for the thermal printer is incomplete.');
  return { width, height, pixels };
}

export function threshold(grey: { width: number; height: number; pixels: Uint8Array }, dots: number): Bitmap {
  const rowBytes = dots / 8;
  const bits = new Uint8Array(rowBytes * grey.height);
  const w = Math.min(dots, grey.width);
  for (let y = 0; y < grey.height; y++) {
    for (let x = 0; x < w; x++) {
      if (grey.pixels[y * grey.width + x]! < THRESHOLD) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: dots, height: grey.height, bits };
}

/** The first page of `pdf`, scaled so its width is exactly `dots`, as a 1-bit image. */
export function rasterisePdf(pdf: Buffer, dots: number, pdftoppm = 'pdftoppm'): Promise<Bitmap> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      pdftoppm,
      ['-gray', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(dots), '-scale-to-y', '-1', '-'],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 20_000 },
      (err, stdout) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new PrintError(
              missing ? 'PRINTING_UNAVAILABLE' : 'PRINT_FAILED',
              missing ? 'pdftoppm (poppler-utils) is not installed on the hub, so thermal printers cannot print.' : 'The page could not be drawn for the thermal printer.',
              { cause: err },
            ),
          );
          return;
        }
        try {
          resolve(threshold(parsePgm(stdout), dots));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    );
    child.stdin?.end(pdf);
  });
}
