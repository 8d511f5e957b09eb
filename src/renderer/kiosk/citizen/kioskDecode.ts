/**
 * The kiosk's decode of one camera frame (issue 14 §2): zxing-cpp first, for
 * QR and Code 128 (fast: a few ms on a 640×480 frame), then, when it finds
 * nothing, the Code 128 pass of @zxing/library on the sharpened, 2× stretched
 * copy of a small frame (zxingDecode.ts), which reads dense receipt barcodes
 * at 640×480 that zxing-cpp misses. A QR zxing-cpp misses is not tried again
 * with @zxing/library: on the benchmark's frames zxing-cpp read every QR the
 * other read (docs/benchmarks.md §10), and that second QR pass would cost every
 * empty frame about 15 ms more. Wide frames (1280×720, what the kiosk asks
 * the camera for) get zxing-cpp alone: there it read every frame
 * @zxing/library read and more, and the extra pass would double the cost
 * of every frame without a code. If the WebAssembly engine cannot start (an old
 * browser, a policy that forbids WebAssembly), the kiosk keeps scanning with
 * @zxing/library alone, QR and Code 128, as before issue 14.
 */
import { STRETCH_MAX_WIDTH, type DecodedFormat } from './zxingDecode';

export type Found = { text: string; format: DecodedFormat } | null;
/** Which engine read it: zxing-cpp, or @zxing/library (its Code 128 pass, or all of it when zxing-cpp is unavailable). */
export type DecodeEngine = 'zxing-cpp' | 'zxing-js';

export interface KioskDecodeEngines {
  /** zxing-cpp: QR and Code 128 (wasmDecode.ts). Rejects when the engine cannot start. */
  wasm(rgba: Uint8ClampedArray, width: number, height: number): Promise<Found>;
  /** @zxing/library's Code 128 pass alone, stretched on small frames (zxingDecode.ts, `only: 'code128'`). */
  code128(rgba: Uint8ClampedArray, width: number, height: number): Found;
  /** @zxing/library, QR then Code 128: the whole decode when zxing-cpp is unavailable. */
  full(rgba: Uint8ClampedArray, width: number, height: number): Found;
}

export function createKioskDecoder(engines: KioskDecodeEngines, onEngineFailed?: (err: unknown) => void) {
  let wasmBroken = false;
  const by = (found: Found, engine: DecodeEngine) => (found ? { ...found, engine } : null);
  return async function decode(rgba: Uint8ClampedArray, width: number, height: number): Promise<(NonNullable<Found> & { engine: DecodeEngine }) | null> {
    if (!wasmBroken) {
      try {
        const found = by(await engines.wasm(rgba, width, height), 'zxing-cpp');
        return found ?? (width <= STRETCH_MAX_WIDTH ? by(engines.code128(rgba, width, height), 'zxing-js') : null);
      } catch (err) {
        wasmBroken = true;
        onEngineFailed?.(err);
      }
    }
    return by(engines.full(rgba, width, height), 'zxing-js');
  };
}
