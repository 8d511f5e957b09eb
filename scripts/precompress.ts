/**
 * Precompression of the built renderer (issue 14): every text-like file gets a
 * `.br` (brotli, best quality) and a `.gz` (gzip -9) beside it, made once at
 * build time with node:zlib, so the hub never compresses on a request
 * (@fastify/static's `preCompressed` picks the file by the client's
 * Accept-Encoding). Small files and ones that do not shrink are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Worth compressing: text, and the fonts and wasm (binary but compressible). Audio and images are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|ttf|txt)$/;
/** Below this a compressed copy saves less than its own headers. */
export const MIN_BYTES = 1024;

export function precompressFile(file: string): { br: boolean; gz: boolean } {
  const raw = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = zlib.gzipSync(raw, { level: 9 });
  // A copy that is not smaller is not written; the file is then always sent as it is.
  const keepBr = br.length < raw.length;
  const keepGz = gz.length < raw.length;
  if (keepBr) fs.writeFileSync(`${file}.br`, br);
  if (keepGz) fs.writeFileSync(`${file}.gz`, gz);
  return { br: keepBr, gz: keepGz };
}

export function precompressDir(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!COMPRESSIBLE.test(entry.name) || fs.statSync(file).size < MIN_BYTES) continue;
    precompressFile(file);
    n++;
  }
  return n;
}

/** Vite plugin: precompress the output folder once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'motcua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
