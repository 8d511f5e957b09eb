/**
 * Barcode decoding off the UI thread. The page sends camera frames (an
 * ImageBitmap, transferred, or RGBA pixels); this worker decodes them with
 * zxing-cpp, then @zxing/library's Code 128 pass (kioskDecode.ts), restricted
 * to the two formats the receipt carries. One frame at a time: the page sends
 * the next only after the answer.
 *
 * zxing-cpp's .wasm is a hashed asset of the renderer build, served by the hub
 * (never the package's CDN default). Compiling it needs `'wasm-unsafe-eval'`,
 * which the hub grants to this worker's script alone (src/main/http/ui.ts).
 */
import * as ZXing from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createKioskDecoder, type DecodeEngine } from './kioskDecode';
import { createWasmReader, type ReadBarcodes } from './wasmDecode';
import { createZxingDecoder, type DecodedFormat } from './zxingDecode';

export type DecodeRequest = { id: number; bitmap: ImageBitmap; crop?: { x: number; y: number; w: number; h: number } } | { id: number; width: number; height: number; rgba: Uint8ClampedArray };
export type DecodeAnswer = { id: number; text: string | null; format: DecodedFormat | null; engine?: DecodeEngine; ms: number };

// Started now, so the first camera frame does not wait for the engine; a failure shows at the first read.
void prepareZXingModule({ overrides: { locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? wasmUrl : prefix + file) }, fireImmediately: true })?.catch(() => undefined);
const zxing = createZxingDecoder(ZXing);
const kiosk = createKioskDecoder(
  {
    wasm: createWasmReader(readBarcodes as unknown as ReadBarcodes),
    code128: (rgba, w, h) => zxing(rgba, w, h, 'code128'),
    full: (rgba, w, h) => zxing(rgba, w, h),
  },
  (err) => console.warn('[scan] zxing-cpp could not start; decoding with @zxing/library alone', err),
);
const decode = async (width: number, height: number, rgba: Uint8ClampedArray): Promise<Pick<DecodeAnswer, 'text' | 'format' | 'engine'>> =>
  (await kiosk(rgba, width, height)) ?? { text: null, format: null };

let canvas: OffscreenCanvas | null = null;
/**
 * A 1D reader scans pixel rows, and the receipt's Code 128 is long and flat
 * (height ≈ 0.12 × width), so a row crosses every bar only within about ±7°.
 * Frames are decoded straight, then turned by +7° and by −7°, one angle per
 * frame in turn, which covers a receipt held up to ±14° askew at the cost of
 * one decode per frame. QR codes decode at any angle.
 */
const ANGLES = [0, 7, -7];
let turn = 0;

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const t0 = performance.now();
  const req = e.data;
  let answer: Pick<DecodeAnswer, 'text' | 'format' | 'engine'>;
  if ('bitmap' in req) {
    const c = req.crop ?? { x: 0, y: 0, w: req.bitmap.width, h: req.bitmap.height };
    canvas ??= new OffscreenCanvas(c.w, c.h);
    if (canvas.width !== c.w || canvas.height !== c.h) {
      canvas.width = c.w;
      canvas.height = c.h;
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const angle = ANGLES[turn++ % ANGLES.length]!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (angle !== 0) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, c.w, c.h);
      ctx.translate(c.w / 2, c.h / 2);
      ctx.rotate((angle * Math.PI) / 180);
      ctx.translate(-c.w / 2, -c.h / 2);
    }
    ctx.drawImage(req.bitmap, c.x, c.y, c.w, c.h, 0, 0, c.w, c.h);
    req.bitmap.close();
    answer = await decode(c.w, c.h, ctx.getImageData(0, 0, c.w, c.h).data);
  } else {
    answer = await decode(req.width, req.height, req.rgba);
  }
  const msg: DecodeAnswer = { id: req.id, ...answer, ms: performance.now() - t0 };
  self.postMessage(msg);
};
