/**
 * One read of one frame with zxing-cpp (the zxing-wasm package), QR and
 * Code 128 only, for the kiosk's decode worker and bench/kiosk-decode.ts.
 * The engine's `readBarcodes` is passed in: the worker gives it the .wasm
 * bundled with the renderer (never the package's CDN default), Node (the
 * bench) the file from node_modules.
 */
import type { DecodedFormat } from './zxingDecode';

/** The part of zxing-wasm's reader this module uses. */
export type ReadBarcodes = (
  image: ImageData,
  options: { formats: ('QRCode' | 'Code128')[]; tryHarder: boolean; tryRotate: boolean; tryInvert: boolean; tryDownscale: boolean; maxNumberOfSymbols: number },
) => Promise<{ isValid: boolean; text: string; format: string }[]>;

const FORMAT: Record<string, DecodedFormat> = { QRCode: 'QR_CODE', Code128: 'CODE_128' };

export function createWasmReader(readBarcodes: ReadBarcodes) {
  /** RGBA pixels → the first valid QR or Code 128 (or only Code 128), or null. */
  return async function read(rgba: Uint8ClampedArray, width: number, height: number, only?: 'code128'): Promise<{ text: string; format: DecodedFormat } | null> {
    const image = { data: rgba, width, height, colorSpace: 'srgb' } as unknown as ImageData;
    // No rotation or inversion passes: the worker turns frames itself (±7°), and a receipt is never printed white on black.
    const found = await readBarcodes(image, { formats: only ? ['Code128'] : ['QRCode', 'Code128'], tryHarder: true, tryRotate: false, tryInvert: false, tryDownscale: true, maxNumberOfSymbols: 1 });
    const hit = found.find((r) => r.isValid && FORMAT[r.format]);
    return hit ? { text: hit.text, format: FORMAT[hit.format]! } : null;
  };
}
