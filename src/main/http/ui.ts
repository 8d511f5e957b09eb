import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';

export const UI_ROUTES = ['/', '/kiosk', '/counter', '/display', '/admin', '/rate'] as const;

/** The UI's Content-Security-Policy: only our own origin; no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob: data:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The kiosk's decode worker compiles zxing-cpp's WebAssembly, which a CSP
 * allows only with `'wasm-unsafe-eval'` (it permits compiling WebAssembly, not
 * `eval` of JavaScript). A dedicated worker runs under the CSP of its own
 * script's response, so the grant goes to that one script and no page gets it
 * (docs/kiosk.md: why, and what it does not open).
 */
export const DECODE_WORKER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
const DECODE_WORKER = /^\/assets\/decodeWorker-[A-Za-z0-9_-]{8}\.js$/;

/** For API answers (issue 7): nothing to load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The page each UI route serves: one per role (vite.config.ts ROLE_PAGES), so a screen loads only its own code. */
export function pageFor(route: (typeof UI_ROUTES)[number]): string {
  return route === '/' ? 'index.html' : `${route.slice(1)}.html`;
}

/**
 * Content-hashed build output (`assets/<name>-<hash>.<ext>`, Vite's naming, and
 * its .br/.gz copies): a new build gives new names, so a browser may keep these
 * for a year without asking. Everything else (the pages, the favicon) is
 * revalidated on every load, so a new build is seen at once.
 */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function cacheControlFor(file: string): string {
  return HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache';
}

/** Serves the built renderer at / with the security headers every page gets. */
export async function registerUi(app: FastifyInstance, uiDir: string): Promise<void> {
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!req.url.startsWith('/api/')) {
      reply.header('content-security-policy', DECODE_WORKER.test(req.url.split('?')[0]!) ? DECODE_WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      // The same URL is sent as brotli, gzip or as it is by Accept-Encoding (precompressed at build, scripts/precompress.ts).
      reply.header('vary', 'Accept-Encoding');
    } else if (!String(reply.getHeader('content-type') ?? '').startsWith('application/pdf')) {
      // JSON is data, never a page: it loads nothing and no site may frame it. (PDFs keep the browser's viewer working.)
      reply.header('content-security-policy', API_CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
    }
  });

  const index = path.join(uiDir, 'index.html');
  if (!fs.existsSync(index)) {
    for (const route of UI_ROUTES) {
      app.get(route, { schema: { hide: true } }, (_req, reply) =>
        reply.status(503).type('text/plain; charset=utf-8').send('The user interface is not built. Run: npm run build'),
      );
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: uiDir,
    prefix: '/',
    index: false,
    wildcard: true,
    cacheControl: false,
    // `<file>.br` / `<file>.gz` beside each file, chosen by Accept-Encoding (Content-Encoding set); neither accepted: the file itself.
    preCompressed: true,
    setHeaders: (res, file) => res.setHeader('cache-control', cacheControlFor(file)),
  });
  for (const route of UI_ROUTES) {
    // A build without a role's page (an older one, a test's stand-in) falls back to index.html.
    const page = fs.existsSync(path.join(uiDir, pageFor(route))) ? pageFor(route) : 'index.html';
    app.get(route, { schema: { hide: true } }, (_req, reply) => reply.sendFile(page));
  }
}
