// Builds what runs outside the test runner: the renderer (Vite), the hub
// (`npm run hub`, Electron's utilityProcess) and the Electron main + preload.
// Node-side bundles keep node_modules external: better-sqlite3 is native and
// electron-builder packs node_modules itself.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const quiet = process.argv.includes('--quiet');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: quiet ? 'warning' : 'info',
  absWorkingDir: root,
  // The sources use import.meta.url (ESM under the test runner); give CJS bundles the same value.
  define: { 'import.meta.url': '__motcuaModuleUrl' },
  banner: { js: "const __motcuaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

if (!only || only === 'main') {
  await esbuild({
    ...node,
    entryPoints: { 'hub-cli': 'src/main/hub-cli.ts', 'hub-process': 'src/main/hub-process.ts', 'restore-cli': 'src/main/restore-cli.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
  });
  await esbuild({
    ...node,
    entryPoints: { main: 'src/main/electron/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });
  // The sandboxed preload must be one self-contained file: only `electron` stays external.
  await esbuild({
    ...node,
    packages: undefined,
    entryPoints: { preload: 'src/main/electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    platform: 'node',
  });
}
if (!only || only === 'renderer') {
  // Vite keeps a NODE_ENV it finds: under vitest (the e2e set-up builds through here) that is "test", which
  // would ship React's development build (twice the size, several times slower to start). What ships is production.
  process.env.NODE_ENV = 'production';
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
}
