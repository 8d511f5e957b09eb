/**
 * The kiosk's decode of one camera frame (issue 14 §2): zxing-cpp first, for
 * QR and Code 128 (fast: a few ms on a 640×480 frame), then, when it finds
 * nothing, the Code 128 pass of @zxing/library on the sharpened, 2× stretched
 * copy of a small frame (zxingDecode.ts), which reads dense receipt barcodes
 * at 640×480 that zxing-cpp misses. A QR zxing-cpp misses is not tried again
 * with @zxing/library: on the benchmark's frames zxing-cpp read every QR the
 * other read (docs/benchmarks.md §10), and that second QR pass would cost every
 * empty frame about 15 ms more. If the WebAssembly engine cannot start (an old
 * browser, a policy that forbids WebAssembly), the kiosk keeps scanning with
 * @zxing/library alone, QR and Code 128, as before issue 14.
 */
import type { DecodedFormat } from './zxingDecode';

export type Found = { text: string; format: DecodedFormat } | null;

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
  return async function decode(rgba: Uint8ClampedArray, width: number, height: number): Promise<Found> {
    if (!wasmBroken) {
      try {
        return (await engines.wasm(rgba, width, height)) ?? engines.code128(rgba, width, height);
      } catch (err) {
        wasmBroken = true;
        onEngineFailed?.(err);
      }
    }
    return engines.full(rgba, width, height);
  };
}
