import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
/** Bundles go under node_modules/.cache (ignored by git, ESLint and tsc), not into the tree. */
const OUT = path.join(ROOT, 'node_modules', '.cache', 'motcua-bench');

/** The same Node bundle settings as scripts/build.mjs (node_modules external, CJS, import.meta.url defined). */
const nodeBundle = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  packages: 'external' as const,
  sourcemap: true,
  logLevel: 'warning' as const,
  absWorkingDir: ROOT,
  define: { 'import.meta.url': '__motcuaModuleUrl' },
  banner: { js: "const __motcuaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  outExtension: { '.js': '.cjs' },
};

/** Bundles the baseline servers (bench/servers/*.ts) so they run as plain `node x.cjs`, like the hub. */
export async function buildBaselines(): Promise<{ sseEcho: string; sqliteInsert: string }> {
  await build({
    ...nodeBundle,
    entryPoints: { 'sse-echo': 'bench/servers/sse-echo.ts', 'sqlite-insert': 'bench/servers/sqlite-insert.ts' },
    outdir: OUT,
  });
  return { sseEcho: path.join(OUT, 'sse-echo.cjs'), sqliteInsert: path.join(OUT, 'sqlite-insert.cjs') };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|sql)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The hub to measure: dist/main/hub-cli.cjs as `npm run bench` builds it. When it
 * is missing or older than src/main + src/shared (e.g. `tsx bench/run.ts` alone, or
 * the full build failed on another part), the bench bundles src/main/hub-cli.ts
 * itself with the same esbuild settings, and says so.
 */
export async function resolveHub(force: boolean): Promise<{ script: string; how: string }> {
  const dist = path.join(ROOT, 'dist', 'main', 'hub-cli.cjs');
  if (!force && fs.existsSync(dist)) {
    const built = fs.statSync(dist).mtimeMs;
    const sources = Math.max(newestMtime(path.join(ROOT, 'src', 'main')), newestMtime(path.join(ROOT, 'src', 'shared')));
    if (built >= sources) return { script: dist, how: 'dist/main/hub-cli.cjs (from scripts/build.mjs)' };
  }
  await build({ ...nodeBundle, entryPoints: { 'hub-cli': 'src/main/hub-cli.ts' }, outdir: OUT });
  const reason = force ? 'forced with --own-hub-build' : fs.existsSync(dist) ? 'dist/main/hub-cli.cjs was older than src/' : 'dist/main/hub-cli.cjs was missing';
  return { script: path.join(OUT, 'hub-cli.cjs'), how: `node_modules/.cache/motcua-bench/hub-cli.cjs, bundled by the bench from src/main/hub-cli.ts (${reason})` };
}
