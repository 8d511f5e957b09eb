/**
 * One decode of one frame with ZXing (@zxing/library, the engine @zxing/browser
 * drives), for the kiosk's worker and for bench/kiosk-decode.ts: the QR reader,
 * then the Code 128 reader, and no other symbology, so nothing else printed on
 * a paper can be misread as a receipt. The two readers are called directly
 * rather than through MultiFormatReader, which logs every frame without a code
 * to the console (ten times a second on a kiosk).
 *
 * On small frames the Code 128 reader is given a sharpened, stretched copy of
 * the frame instead of the frame: at 640×480 the receipt's Code 128 has about
 * 1.7 px per module, and once it is also blurred or noisy the binarizer merges
 * the narrow bars and spaces. Each row is sharpened a little (3-tap unsharp
 * mask) and stretched 2× horizontally (linear interpolation), which gives the
 * narrow elements 3–4 px and cleaner edges; rows are only resampled along
 * themselves, so the reader's row scan is unchanged. Measured on the
 * benchmark's frames (docs/benchmarks.md §7): 640×480 degraded 78 % → 88 %, no
 * misreads, nothing read on the frames without a barcode, and the copy reads
 * every frame the plain one did, so it replaces the plain pass rather than
 * adding to it (one Code 128 pass either way, on twice the pixels: about
 * +10 ms, 31 → 42 ms p50, on a 640×480 frame without a code on the bench VM).
 * GlobalHistogramBinarizer, averaging rows, a 3× stretch or a stronger
 * sharpening added nothing or less. Large frames keep the plain pass: their
 * bars are wide enough (at 1280×720 the stretch, tried after the plain pass,
 * read 1 more frame of 110 and took the p50 over all frames from 41 to 62 ms).
 */
import type * as ZXing from '@zxing/library';

/** The library is passed in: the worker's bundle imports it as ES module, Node (the bench) as CommonJS. */
export type ZxingLibrary = typeof ZXing;

export type DecodedFormat = 'QR_CODE' | 'CODE_128';

/** Frames at most this wide get their Code 128 pass on the stretched copy (VGA-class cameras, or a crop of that size). */
export const STRETCH_MAX_WIDTH = 800;
/** Weight of the unsharp mask before the stretch: out = (1 + 2k)·x − k·(left + right). */
const SHARPEN = 0.5;

/**
 * One row sharpened across (3-tap unsharp mask, edges kept), then stretched 2× by linear
 * interpolation on pixel centres: out[2x] = ¾·s[x] + ¼·s[x−1], out[2x+1] = ¾·s[x] + ¼·s[x+1].
 */
export function sharpenStretchRows(lum: Uint8ClampedArray, width: number, height: number, out: Uint8ClampedArray, row: Uint8ClampedArray): void {
  const W = width * 2;
  for (let y = 0; y < height; y++) {
    const r = y * width;
    row[0] = lum[r]!;
    row[width - 1] = lum[r + width - 1]!;
    for (let x = 1; x < width - 1; x++) row[x] = lum[r + x]! * (1 + 2 * SHARPEN) - SHARPEN * (lum[r + x - 1]! + lum[r + x + 1]!);
    const o = y * W;
    for (let x = 0; x < width; x++) {
      const c = row[x]! * 0.75;
      out[o + 2 * x] = x > 0 ? c + row[x - 1]! * 0.25 : row[x]!;
      out[o + 2 * x + 1] = x < width - 1 ? c + row[x + 1]! * 0.25 : row[x]!;
    }
  }
}

export function createZxingDecoder(lib: ZxingLibrary) {
  const { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = lib;
  const qr = new QRCodeReader();
  const code128 = new Code128Reader();
  const hints = new Map<ZXing.DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  let lum = new Uint8ClampedArray(0);
  let stretched = new Uint8ClampedArray(0);
  let row = new Uint8ClampedArray(0);
  const code128Text = (bitmap: ZXing.BinaryBitmap): string | null => {
    try {
      return code128.decode(bitmap, hints).getText();
    } catch {
      return null;
    } finally {
      code128.reset();
    }
  };

  /**
   * RGBA pixels → the text and format of the first QR or Code 128 found, or null.
   * `only: 'code128'` skips the QR pass (kioskDecode.ts runs this after zxing-cpp has looked for both).
   */
  return function decode(rgba: Uint8ClampedArray, width: number, height: number, only?: 'code128'): { text: string; format: DecodedFormat } | null {
    if (lum.length !== width * height) lum = new Uint8ClampedArray(width * height);
    for (let i = 0, j = 0; j < lum.length; i += 4, j++) lum[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, width, height)));
    if (only !== 'code128') {
      try {
        return { text: qr.decode(bitmap, hints).getText(), format: 'QR_CODE' };
      } catch {
        // no QR in this frame (or a damaged one): try the barcode
      } finally {
        qr.reset();
      }
    }
    let text: string | null;
    if (width <= STRETCH_MAX_WIDTH && width > 2) {
      if (stretched.length !== width * 2 * height) stretched = new Uint8ClampedArray(width * 2 * height);
      if (row.length !== width) row = new Uint8ClampedArray(width);
      sharpenStretchRows(lum, width, height, stretched, row);
      text = code128Text(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(stretched, width * 2, height))));
    } else {
      text = code128Text(bitmap);
    }
    return text === null ? null : { text, format: 'CODE_128' };
  };
}
