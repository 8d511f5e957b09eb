/**
 * Kiosk barcode decoding (issues 4 and 14): @zxing/library alone (QR, then the
 * stretched Code 128 pass: the kiosk's decode before issue 14), zxing-cpp alone
 * (the zxing-wasm package, its .wasm read from node_modules: nothing fetched),
 * and the kiosk's decode since issue 14 (zxing-cpp, then the stretched Code 128
 * pass: src/renderer/kiosk/citizen/kioskDecode.ts), on the same frames with the
 * same formats (QR + Code 128), compared frame by frame.
 *
 * Frames are cut from receipts the hub's own receipt renderer printed
 * (pdftoppm at 300 dpi), set in a camera-sized frame by ImageMagick, at
 * 640×480 and 1280×720: clean ones, at least 100 degraded ones (blur, rotation
 * up to ±10°, low contrast, noise, perspective, and mixes) and 20 without any
 * barcode (text of the receipt, noise), which must yield nothing.
 *
 * Each frame is tried the way the kiosk's worker tries successive camera
 * frames: straight, then turned +7° and −7° (the receipt's Code 128 is long and
 * flat, and a 1D reader scans rows); a frame counts as read when one of the
 * three attempts gives the right text. Time is per decode call.
 *
 * Run alone: `npx tsx bench/kiosk-decode.ts`, or `npx tsx bench/run.ts --only=decode`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import zxingLibrary from '@zxing/library';
import { createZxingDecoder } from '../src/renderer/kiosk/citizen/zxingDecode';
import { createWasmReader, type ReadBarcodes } from '../src/renderer/kiosk/citizen/wasmDecode';
import { createKioskDecoder } from '../src/renderer/kiosk/citizen/kioskDecode';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { summarise, type Summary } from './lib/stats';
import { sampleReceipt } from './receipt-pdf';

export const DECODE_DEFAULTS = { receipts: 3, clean: 10, degraded: 110, empty: 20, sizes: [[640, 480], [1280, 720]] as [number, number][] };
export const DECODE_TARGETS = { clean: 0.99, degraded: 0.95, p95Ms640: 20 };
const ANGLES = [0, 7, -7];
const DPI = 300;

type Sym = 'qr' | 'code128';
interface Frame {
  kind: 'clean' | 'degraded' | 'empty';
  label: string;
  expected: string | null;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** Regions of the citizen's copy in PDF points (see tests/helpers/cameraFrames.ts). */
const REGIONS: Record<Sym | 'text', { x: number; y: number; w: number; h: number }> = {
  code128: { x: 448, y: 80, w: 222, h: 44 },
  qr: { x: 765, y: 78, w: 55, h: 52 },
  text: { x: 440, y: 230, w: 330, h: 150 },
};

/** A small seeded generator so every run measures the same frames. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function renderPages(dir: string, n: number): Promise<{ page: string; code: string; secret: string }[]> {
  const { renderReceiptPdf } = await import('../src/main/services/documents/dossierDocs');
  const out = [];
  for (let i = 0; i < n; i++) {
    const input = sampleReceipt(41 + i * 1000);
    // The demo office, as the hub fills it in (dossiers.ts officeForDocs): the layout the regions below were measured on.
    input.office = { agencyName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', centreName: 'Bộ phận tiếp nhận và trả kết quả', place: 'Ba Đình' };
    input.dossier.code = `000.00.15.H24-2611${String(20 + i).padStart(2, '0')}-${String(17 + i * 311).padStart(4, '0')}`;
    input.dossier.secret = ['5TC1RG', 'K7Q2X9', 'M3N8PW'][i % 3]!;
    const pdf = path.join(dir, `receipt-${i}.pdf`);
    fs.writeFileSync(pdf, await renderReceiptPdf(input));
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-gray', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, `page-${i}`)]);
    out.push({ page: path.join(dir, `page-${i}.png`), code: input.dossier.code, secret: input.dossier.secret });
  }
  return out;
}

interface Recipe {
  rotate?: number;
  blur?: number;
  fade?: [number, number];
  noise?: number;
  perspective?: number;
}

function makeFrame(page: string, region: Sym | 'text', size: [number, number], scaleJitter: number, r: Recipe, out: string): Uint8ClampedArray {
  const [W, H] = size;
  const g = REGIONS[region];
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  // The symbol as big as a receipt held near the camera shows it: the Code 128 across ~80 % of the width, the QR ~45 % of the height.
  const target = region === 'qr' ? (H * 0.45) / px(g.h) : region === 'code128' ? (W * 0.8) / px(g.w) : (W * 0.8) / px(g.w);
  const args = [page, '-crop', `${px(g.w)}x${px(g.h)}+${px(g.x)}+${px(g.y)}`, '+repage', '-resize', `${(target * scaleJitter * 100).toFixed(1)}%`, '-bordercolor', 'white', '-border', '12'];
  if (r.perspective) {
    // Tilted away at one side: that side's edge shrinks.
    const k = r.perspective;
    args.push('-virtual-pixel', 'white', '+distort', 'Perspective', `0,0 0,0  %[fx:w],0 %[fx:w],%[fx:h*${k}]  %[fx:w],%[fx:h] %[fx:w],%[fx:h*(1-${k})]  0,%[fx:h] 0,%[fx:h]`);
  }
  if (r.rotate) args.push('-background', 'white', '-rotate', String(r.rotate));
  if (r.fade) args.push('+level', `${r.fade[0]}%,${r.fade[1]}%`);
  if (r.blur) args.push('-blur', `0x${r.blur}`);
  args.push('-background', '#6f747c', '-gravity', 'center', '-extent', `${W}x${H}`);
  if (r.noise) args.push('-attenuate', String(r.noise), '+noise', 'Gaussian');
  args.push('-depth', '8', `RGBA:${out}`);
  execFileSync('convert', args);
  return new Uint8ClampedArray(fs.readFileSync(out).buffer.slice(0));
}

/** The degraded recipes, in turn: every kind alone at a few strengths, then mixes. */
function recipes(n: number, rand: () => number): Recipe[] {
  const sign = () => (rand() < 0.5 ? -1 : 1);
  const list: Recipe[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 6) {
      case 0:
        list.push({ blur: 0.8 + rand() * 1.0 });
        break;
      case 1:
        list.push({ rotate: sign() * (3 + rand() * 7) });
        break;
      case 2:
        list.push({ fade: [30 + Math.round(rand() * 15), 72 + Math.round(rand() * 10)] });
        break;
      case 3:
        list.push({ noise: 0.4 + rand() * 0.5 });
        break;
      case 4:
        list.push({ perspective: 0.08 + rand() * 0.1 });
        break;
      default:
        list.push({ rotate: sign() * (2 + rand() * 8), blur: 0.6 + rand() * 0.6, fade: [20, 85], noise: 0.3 });
    }
  }
  return list;
}

/** Frames take minutes to make on a busy machine: kept between runs in the temp folder, keyed by what they are made of. */
const CACHE = path.join(os.tmpdir(), 'motcua-bench-kiosk-frames-v2');

export async function makeFrames(opts = DECODE_DEFAULTS): Promise<Frame[]> {
  const index = path.join(CACHE, `${JSON.stringify(opts).replace(/[^0-9a-z]+/gi, '_')}.json`);
  if (fs.existsSync(index)) {
    const meta = JSON.parse(fs.readFileSync(index, 'utf8')) as Omit<Frame, 'rgba'>[];
    return meta.map((m, i) => ({ ...m, rgba: new Uint8ClampedArray(fs.readFileSync(path.join(CACHE, `${i}.rgba`))) }));
  }
  const frames = await generateFrames(opts);
  fs.mkdirSync(CACHE, { recursive: true });
  frames.forEach((f, i) => fs.writeFileSync(path.join(CACHE, `${i}.rgba`), f.rgba));
  fs.writeFileSync(index, JSON.stringify(frames.map(({ rgba: _rgba, ...m }) => m)));
  return frames;
}

async function generateFrames(opts: typeof DECODE_DEFAULTS): Promise<Frame[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-frames-'));
  try {
    const pages = await renderPages(dir, opts.receipts);
    const frames: Frame[] = [];
    const rand = rng(20261201);
    const tmp = path.join(dir, 'frame.rgba');
    for (const size of opts.sizes) {
      const [width, height] = size;
      const add = (kind: Frame['kind'], label: string, region: Sym | 'text', i: number, r: Recipe) => {
        const p = pages[i % pages.length]!;
        const expected = region === 'qr' ? `MCK1:${p.code}:${p.secret}` : region === 'code128' ? p.code : null;
        frames.push({ kind, label, expected, width, height, rgba: makeFrame(p.page, region, size, 0.9 + rand() * 0.2, r, tmp) });
      };
      for (let i = 0; i < opts.clean; i++) add('clean', 'clean', i % 2 ? 'code128' : 'qr', i, {});
      recipes(opts.degraded, rand).forEach((r, i) => add('degraded', Object.keys(r).join('+'), i % 2 ? 'code128' : 'qr', i, r));
      for (let i = 0; i < opts.empty; i++) add('empty', i % 2 ? 'text' : 'noise', 'text', i, i % 2 ? { rotate: rand() * 8 - 4 } : { noise: 1.2, blur: 0.5 });
    }
    return frames;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Nearest-neighbour turn of an RGBA frame about its centre (white outside), as the worker's canvas does. */
export function rotateRgba(src: Uint8ClampedArray, w: number, h: number, deg: number): Uint8ClampedArray {
  if (deg === 0) return src;
  const out = new Uint8ClampedArray(src.length).fill(255);
  const a = (-deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      const sx = Math.round(cx + dx * cos - dy * sin);
      const sy = Math.round(cy + dx * sin + dy * cos);
      if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
      const s = (sy * w + sx) * 4;
      const d = (y * w + x) * 4;
      out[d] = src[s]!;
      out[d + 1] = src[s + 1]!;
      out[d + 2] = src[s + 2]!;
    }
  }
  return out;
}

type Decoder = { name: string; decode(rgba: Uint8ClampedArray, w: number, h: number): Promise<string | null> | string | null };

/** The kiosk worker's own decode (src/renderer/kiosk/citizen/zxingDecode.ts). */
function zxingJs(): Decoder {
  // Under Node @zxing/library is CommonJS: its default export is the whole library.
  const decode = createZxingDecoder(zxingLibrary);
  return { name: '@zxing/browser (@zxing/library 0.23)', decode: (rgba, w, h) => decode(rgba, w, h)?.text ?? null };
}

/** zxing-cpp's readBarcodes, given the .wasm from node_modules (its default would fetch it from a CDN). */
async function wasmEngine(): Promise<{ readBarcodes: ReadBarcodes; version: string }> {
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  // The module's default would fetch the .wasm from a CDN: hand it the local file instead.
  await prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(wasmFile).buffer as ArrayBuffer }, fireImmediately: true });
  const version = (JSON.parse(fs.readFileSync(path.join(path.dirname(wasmFile), '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return { readBarcodes: readBarcodes as unknown as ReadBarcodes, version };
}

/** zxing-cpp alone, as the kiosk's worker calls it (src/renderer/kiosk/citizen/wasmDecode.ts). */
async function zxingWasm(): Promise<Decoder> {
  const { readBarcodes: rb, version } = await wasmEngine();
  const read = createWasmReader(rb);
  return { name: `zxing-wasm ${version} (zxing-cpp)`, decode: async (rgba, w, h) => (await read(rgba, w, h))?.text ?? null };
}

/** The kiosk's decode since issue 14: zxing-cpp, then @zxing/library's stretched Code 128 pass (kioskDecode.ts). */
async function kioskCombined(): Promise<Decoder> {
  const { readBarcodes: rb } = await wasmEngine();
  const read = createWasmReader(rb);
  const js = createZxingDecoder(zxingLibrary);
  const decode = createKioskDecoder({ wasm: read, code128: (rgba, w, h) => js(rgba, w, h, 'code128'), full: (rgba, w, h) => js(rgba, w, h) });
  return { name: 'kiosk: zxing-cpp, then the stretched Code 128 pass', decode: async (rgba, w, h) => (await decode(rgba, w, h))?.text ?? null };
}

export interface DecoderFigures {
  name: string;
  perSize: Record<string, Summary>;
  clean: number;
  degraded: number;
  /** Read on the straight attempt alone (no ±7° turn). */
  degradedStraight: number;
  empty: number;
  misreads: number;
  /** Degraded frames read, per frame size. */
  degradedBySize: Record<string, number>;
  frames: number;
  failed: string[];
  /** Indexes of the frames read right, to compare decoders frame by frame. */
  read: number[];
}

async function measure(decoder: Decoder, frames: Frame[]): Promise<DecoderFigures> {
  const times = new Map<string, number[]>();
  const ok = { clean: 0, degraded: 0, degradedStraight: 0, empty: 0 };
  const n = { clean: 0, degraded: 0, empty: 0 };
  let misreads = 0;
  const failed: string[] = [];
  const readIdx: number[] = [];
  const bySize = new Map<string, { ok: number; n: number }>();
  // Warm up: JIT and the wasm instance.
  for (const f of frames.slice(0, 6)) await decoder.decode(f.rgba, f.width, f.height);
  for (const [idx, f] of frames.entries()) {
    const key = `${f.width}x${f.height}`;
    const list = times.get(key) ?? [];
    times.set(key, list);
    n[f.kind]++;
    if (f.kind === 'degraded') {
      const b = bySize.get(key) ?? { ok: 0, n: 0 };
      b.n++;
      bySize.set(key, b);
    }
    let read: string | null = null;
    let straight = false;
    for (const angle of ANGLES) {
      const px = rotateRgba(f.rgba, f.width, f.height, angle);
      const t0 = performance.now();
      const text = await decoder.decode(px, f.width, f.height);
      list.push(performance.now() - t0);
      if (text !== null) {
        read = text;
        straight = angle === 0;
        break;
      }
    }
    if (f.expected === null) {
      if (read === null) ok.empty++;
      else misreads++;
    } else if (read === f.expected) {
      readIdx.push(idx);
      ok[f.kind === 'clean' ? 'clean' : 'degraded']++;
      if (f.kind === 'degraded') bySize.get(key)!.ok++;
      if (f.kind === 'degraded' && straight) ok.degradedStraight++;
    } else {
      if (read !== null) misreads++;
      failed.push(`${key} ${f.expected.startsWith('MCK1') ? 'qr' : 'code128'} ${f.label}`);
    }
  }
  return {
    name: decoder.name,
    perSize: Object.fromEntries([...times].map(([k, v]) => [k, summarise(v)])),
    clean: ok.clean / n.clean,
    degraded: ok.degraded / n.degraded,
    degradedStraight: ok.degradedStraight / n.degraded,
    empty: ok.empty / n.empty,
    misreads,
    degradedBySize: Object.fromEntries([...bySize].map(([k, v]) => [k, v.ok / v.n])),
    frames: frames.length,
    failed,
    read: readIdx,
  };
}

export interface DecodeBenchResult {
  js: DecoderFigures;
  wasm: DecoderFigures;
  kiosk: DecoderFigures;
  frameCount: number;
  /** Frames one engine alone read and the kiosk's decode did not (must be none). */
  lostToKiosk: number[];
}

export async function runDecodeBench(frames?: Frame[]): Promise<DecodeBenchResult> {
  const set = frames ?? (await makeFrames());
  const js = await measure(zxingJs(), set);
  const wasm = await measure(await zxingWasm(), set);
  const kiosk = await measure(await kioskCombined(), set);
  const got = new Set(kiosk.read);
  const lostToKiosk = [...new Set([...js.read, ...wasm.read])].filter((i) => !got.has(i)).sort((a, b) => a - b);
  return { js, wasm, kiosk, frameCount: set.length, lostToKiosk };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const frames = await makeFrames();
  console.log(`frames: ${frames.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const r = await runDecodeBench(frames);
  for (const d of [r.js, r.wasm, r.kiosk]) {
    console.log(`\n${d.name}`);
    for (const [k, s] of Object.entries(d.perSize)) console.log(`  ${k}: p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  (${s.n} decodes)`);
    console.log(`  clean ${(d.clean * 100).toFixed(1)} %  degraded ${(d.degraded * 100).toFixed(1)} % (straight only ${(d.degradedStraight * 100).toFixed(1)} %)  no-barcode frames empty ${(d.empty * 100).toFixed(1)} %  misreads ${d.misreads}`);
    console.log(`  not read: ${d.failed.join('; ')}`);
  }
  console.log(`\nread by an engine alone but not by the kiosk: ${r.lostToKiosk.length}`);
}
