import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { precompress } from './scripts/precompress';

// The renderer: one page and bundle per role (issue 14), served by the hub at
// /kiosk, /counter, /display, /admin, /rate and / (the launcher), so a kiosk
// loads only the kiosk's code and the chunks it shares. The hub sends a strict CSP (script-src 'self', style-src 'self',
// no data: fonts), so everything is bundled as files: no inline scripts, no
// inlined assets, no CDN.
const root = path.dirname(fileURLToPath(import.meta.url));

/** Page per role; the hub maps /<role> to <role>.html (src/main/http/ui.ts). */
export const ROLE_PAGES = ['index', 'kiosk', 'counter', 'display', 'admin', 'rate'] as const;

export default defineConfig({
  root: path.join(root, 'src/renderer'),
  base: '/',
  publicDir: false,
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    // data: URIs for fonts would be blocked by default-src 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: Object.fromEntries(ROLE_PAGES.map((p) => [p, path.join(root, 'src/renderer', `${p}.html`)])),
      // zod ships a /*#__PURE__*/ annotation Rollup cannot place; harmless, and noise in every build.
      output: {
        // What every page needs and changes least (React, i18next, zod) in one chunk of its own, cached across builds.
        manualChunks: (id) => (/node_modules\/(react|react-dom|scheduler|react-i18next|i18next|zod|use-sync-external-store)\//.test(id) ? 'vendor' : undefined),
      },
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
    fs: { allow: [root] },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
