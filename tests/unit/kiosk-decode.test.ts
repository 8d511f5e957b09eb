import fs from 'node:fs';
import { createRequire } from 'node:module';
import zxingLibrary from '@zxing/library';
import bwipjs from 'bwip-js/node';
import { prepareZXingModule, purgeZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { afterAll, describe, expect, it } from 'vitest';
import { createKioskDecoder } from '../../src/renderer/kiosk/citizen/kioskDecode';
import { createWasmReader, type ReadBarcodes } from '../../src/renderer/kiosk/citizen/wasmDecode';
import { createZxingDecoder } from '../../src/renderer/kiosk/citizen/zxingDecode';

/**
 * The kiosk's decode (issue 14 §2) with both real engines under Node: zxing-cpp
 * (the .wasm from node_modules) first, @zxing/library's Code 128 pass after it,
 * and @zxing/library alone when the WebAssembly engine cannot start. Frames are
 * drawn from bwip-js's symbol matrices (the encoder the hub prints with).
 */
const require = createRequire(import.meta.url);
const wasmFile = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
const QR_TEXT = 'MCK1:000.00.15.H24-261120-0017:5TC1RG';
const CODE = '000.00.15.H24-261120-0017';

/** A grey camera-sized frame with a white card and the symbol on it, `scale` px per module. */
function frame(width: number, height: number, draw: (set: (x: number, y: number) => void) => { w: number; h: number }, scale: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([111, 116, 124, 255], i);
  const dots: [number, number][] = [];
  const size = draw((x, y) => dots.push([x, y]));
  const ox = Math.floor((width - size.w * scale) / 2);
  const oy = Math.floor((height - size.h * scale) / 2);
  const quiet = 10 * scale;
  for (let y = oy - quiet; y < oy + size.h * scale + quiet; y++) for (let x = ox - quiet; x < ox + size.w * scale + quiet; x++) rgba.set([255, 255, 255, 255], (y * width + x) * 4);
  for (const [mx, my] of dots)
    for (let y = 0; y < scale; y++) for (let x = 0; x < scale; x++) rgba.set([0, 0, 0, 255], ((oy + my * scale + y) * width + ox + mx * scale + x) * 4);
  return rgba;
}

const qrFrame = () =>
  frame(640, 480, (set) => {
    const [{ pixs, pixx, pixy }] = bwipjs.raw('qrcode', QR_TEXT, {}) as unknown as [{ pixs: number[]; pixx: number; pixy: number }];
    pixs.forEach((v, i) => v && set(i % pixx, Math.floor(i / pixx)));
    return { w: pixx, h: pixy };
  }, 6);

/** The receipt's Code 128 at `scale` px per module, 60 modules high. */
const code128Frame = (width: number, height: number, scale: number) =>
  frame(width, height, (set) => {
    const [{ sbs }] = bwipjs.raw('code128', CODE, {}) as unknown as [{ sbs: number[] }];
    let x = 0;
    sbs.forEach((run, i) => {
      if (i % 2 === 0) for (let k = 0; k < run; k++) for (let y = 0; y < 60; y++) set(x + k, y);
      x += run;
    });
    return { w: x, h: 60 };
  }, scale);

const blank = () => frame(640, 480, () => ({ w: 100, h: 50 }), 2);

async function realEngines() {
  await prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(wasmFile).buffer as ArrayBuffer }, fireImmediately: true });
  const js = createZxingDecoder(zxingLibrary);
  return { wasm: createWasmReader(readBarcodes as unknown as ReadBarcodes), code128: (r: Uint8ClampedArray, w: number, h: number) => js(r, w, h, 'code128'), full: (r: Uint8ClampedArray, w: number, h: number) => js(r, w, h) };
}

afterAll(() => purgeZXingModule());

describe("the kiosk's decode", () => {
  it('reads the receipt QR with zxing-cpp, and its Code 128 at 640 and 1280 wide', async () => {
    const decode = createKioskDecoder(await realEngines());
    expect(await decode(qrFrame(), 640, 480)).toEqual({ text: QR_TEXT, format: 'QR_CODE', engine: 'zxing-cpp' });
    expect(await decode(code128Frame(640, 480, 2), 640, 480)).toMatchObject({ text: CODE, format: 'CODE_128' });
    expect(await decode(code128Frame(1280, 720, 3), 1280, 720)).toEqual({ text: CODE, format: 'CODE_128', engine: 'zxing-cpp' });
  });

  it('a frame without a code yields nothing from either engine (no misread)', async () => {
    const engines = await realEngines();
    const decode = createKioskDecoder(engines);
    expect(await decode(blank(), 640, 480)).toBeNull();
    expect(await engines.wasm(blank(), 640, 480)).toBeNull();
    expect(engines.full(blank(), 640, 480)).toBeNull();
  });

  it('when zxing-cpp cannot start (bad .wasm), @zxing/library alone reads QR and Code 128, and the failure is reported once', async () => {
    purgeZXingModule();
    // Not a WebAssembly module: instantiating it fails, as a policy that forbids WebAssembly would make it fail.
    prepareZXingModule({ overrides: { wasmBinary: new Uint8Array([0, 1, 2, 3]).buffer } });
    const js = createZxingDecoder(zxingLibrary);
    const failures: unknown[] = [];
    const decode = createKioskDecoder(
      { wasm: createWasmReader(readBarcodes as unknown as ReadBarcodes), code128: (r, w, h) => js(r, w, h, 'code128'), full: (r, w, h) => js(r, w, h) },
      (err) => failures.push(err),
    );
    expect(await decode(qrFrame(), 640, 480)).toEqual({ text: QR_TEXT, format: 'QR_CODE', engine: 'zxing-js' });
    expect(await decode(code128Frame(640, 480, 2), 640, 480)).toEqual({ text: CODE, format: 'CODE_128', engine: 'zxing-js' });
    expect(await decode(blank(), 640, 480)).toBeNull();
    expect(failures).toHaveLength(1);
    purgeZXingModule();
  });
});
