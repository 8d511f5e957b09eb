/**
 * One decode of one frame with ZXing (@zxing/library, the engine @zxing/browser
 * drives), for the kiosk's worker and for bench/kiosk-decode.ts: the QR reader,
 * then the Code 128 reader, and no other symbology, so nothing else printed on
 * a paper can be misread as a receipt. The two readers are called directly
 * rather than through MultiFormatReader, which logs every frame without a code
 * to the console (ten times a second on a kiosk).
 */
import type * as ZXing from '@zxing/library';

/** The library is passed in: the worker's bundle imports it as ES module, Node (the bench) as CommonJS. */
export type ZxingLibrary = typeof ZXing;

export type DecodedFormat = 'QR_CODE' | 'CODE_128';

export function createZxingDecoder(lib: ZxingLibrary) {
  const { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = lib;
  const qr = new QRCodeReader();
  const code128 = new Code128Reader();
  const hints = new Map<ZXing.DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  let lum = new Uint8ClampedArray(0);

  /** RGBA pixels → the text and format of the first QR or Code 128 found, or null. */
  return function decode(rgba: Uint8ClampedArray, width: number, height: number): { text: string; format: DecodedFormat } | null {
    if (lum.length !== width * height) lum = new Uint8ClampedArray(width * height);
    for (let i = 0, j = 0; j < lum.length; i += 4, j++) lum[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, width, height)));
    try {
      return { text: qr.decode(bitmap, hints).getText(), format: 'QR_CODE' };
    } catch {
      // no QR in this frame (or a damaged one): try the barcode
    } finally {
      qr.reset();
    }
    try {
      return { text: code128.decode(bitmap, hints).getText(), format: 'CODE_128' };
    } catch {
      return null;
    } finally {
      code128.reset();
    }
  };
}
