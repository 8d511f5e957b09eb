import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bwipjs from 'bwip-js/node';
import { CONTENT_SECURITY_POLICY, DECODE_WORKER_CONTENT_SECURITY_POLICY, IMMUTABLE } from '../../src/main/http/ui';
import { launchChromium } from '../helpers/browser';
import { startTestHub, type TestHub } from '../helpers/hub';
import { rawGet, scriptGraph, sourcesOf } from '../helpers/roleBundles';

/**
 * Issue 14 §1 on the built renderer (the e2e set-up builds it) over real HTTP:
 * each role's page loads only its own code, assets go out precompressed by the
 * client's Accept-Encoding, hashed assets are cached for good and pages are not.
 */
let hub: TestHub;
let browser: Browser;
const ROLES = ['kiosk', 'counter', 'display', 'admin', 'rate'] as const;
const graphs = new Map<string, string[]>();
/** node_modules packages each role's scripts were built from (from the source maps). */
const packages = new Map<string, Set<string>>();

function packageOf(source: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? m[1]! : null;
}

beforeAll(async () => {
  hub = await startTestHub();
  for (const route of ['/', ...ROLES.map((r) => `/${r}`)]) {
    const g = await scriptGraph(hub.url, route);
    graphs.set(route, g);
    const pkgs = new Set<string>();
    for (const chunk of g) for (const s of await sourcesOf(hub.url, chunk)) pkgs.add(packageOf(s) ?? '');
    packages.set(route, pkgs);
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('one bundle per role', () => {
  it('every role has its own page and entry script', () => {
    const entries = ROLES.map((r) => graphs.get(`/${r}`)!.find((p) => new RegExp(`/assets/${r}-[^/]+\\.js$`).test(p)));
    expect(entries.every(Boolean)).toBe(true);
    // No page loads another role's entry chunk.
    for (const r of ROLES) {
      const others = ROLES.filter((o) => o !== r);
      expect({ r, foreign: graphs.get(`/${r}`)!.filter((p) => others.some((o) => p.startsWith(`/assets/${o}-`))) }).toEqual({ r, foreign: [] });
    }
  });

  it("the kiosk, display, counter and rating tablet never load the admin's charts or the Excel writer", () => {
    // Not vacuous: the admin does load chart.js.
    expect(packages.get('/admin')!.has('chart.js')).toBe(true);
    for (const route of ['/', '/kiosk', '/counter', '/display', '/rate']) {
      const p = packages.get(route)!;
      expect({ route, chart: p.has('chart.js'), excel: p.has('exceljs') }).toEqual({ route, chart: false, excel: false });
    }
    // ZXing is the kiosk's camera worker and its procedure QR, both loaded later: not in any page's first scripts.
    for (const route of graphs.keys()) expect({ route, zxing: packages.get(route)!.has('@zxing/library') }).toEqual({ route, zxing: false });
  });

  it('in Chromium the kiosk requests exactly its own scripts, none of them holding chart.js', async () => {
    const token = await hub.pairDevice('kiosk');
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
    });
    await page.goto(`${hub.url}/kiosk#device=${token}`);
    await page.locator('.kiosk-service').first().waitFor();
    await page.close();
    // The page's scripts, plus the camera's decode worker, which the kiosk's start screen starts (its own, no other role's).
    const requested = [...new Set(scripts)].sort();
    expect(requested.filter((s) => !/\/assets\/decodeWorker-[^/]+\.js$/.test(s))).toEqual(graphs.get('/kiosk'));
    for (const s of scripts) {
      const sources = await sourcesOf(hub.url, s);
      expect({ s, chart: sources.some((x) => packageOf(x) === 'chart.js') }).toEqual({ s, chart: false });
    }
  });
});

describe('precompressed, cached, under the CSP', () => {
  const asset = () => graphs.get('/kiosk')!.find((p) => p.startsWith('/assets/kiosk-'))!;

  it('brotli when the browser takes it, gzip for an old one, the file itself for a client with neither', async () => {
    const p = asset();
    const plain = await rawGet(hub.url + p);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1000);
    const file = fs.readFileSync(path.join('dist/renderer', p));
    expect(plain.body.equals(file)).toBe(true);

    const br = await rawGet(hub.url + p, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(file)).toBe(true);
    expect(br.body.length).toBeLessThan(file.length / 2);

    const gz = await rawGet(hub.url + p, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(file)).toBe(true);

    for (const ae of ['identity', 'compress', 'br;q=0, gzip;q=0', 'x'.repeat(300)]) {
      const r = await rawGet(hub.url + p, { 'accept-encoding': ae });
      expect({ ae, status: r.status, enc: r.headers['content-encoding'] }).toEqual({ ae, status: 200, enc: undefined });
      expect(r.body.equals(file)).toBe(true);
    }
    const onlyGzip = await rawGet(hub.url + p, { 'accept-encoding': 'br;q=0, gzip' });
    expect(onlyGzip.headers['content-encoding']).toBe('gzip');

    for (const r of [plain, br, gz]) {
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers['content-type']).toMatch(/javascript/);
      expect(r.headers['cache-control']).toBe(IMMUTABLE);
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).not.toMatch(/unsafe-(eval|inline)/);
    }
  });

  it('pages are compressed too and revalidated every load; every hashed asset of every page is immutable', async () => {
    for (const route of ['/', ...ROLES.map((r) => `/${r}`)]) {
      const r = await rawGet(hub.url + route, { 'accept-encoding': 'br' });
      expect({ route, status: r.status, cache: r.headers['cache-control'], type: r.headers['content-type'] }).toEqual({ route, status: 200, cache: 'no-cache', type: expect.stringMatching(/^text\/html/) });
      // Small pages may be sent as they are; when compressed, they decode to the page.
      const html = r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body).toString('utf8') : r.body.toString('utf8');
      expect(html).toContain('<div id="root">');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      for (const s of graphs.get(route)!) {
        const a = await rawGet(hub.url + s, { 'accept-encoding': 'br' });
        expect({ s, cache: a.headers['cache-control'] }).toEqual({ s, cache: IMMUTABLE });
      }
    }
    const css = fs.readdirSync('dist/renderer/assets').find((f) => f.startsWith('kiosk-') && f.endsWith('.css'))!;
    const c = await rawGet(`${hub.url}/assets/${css}`, { 'accept-encoding': 'gzip' });
    expect({ enc: c.headers['content-encoding'], type: c.headers['content-type'], cache: c.headers['cache-control'] }).toEqual({ enc: 'gzip', type: expect.stringMatching(/^text\/css/), cache: IMMUTABLE });
  });

  it('a missing asset is a 404, not cached for a year; a file that is not hashed is revalidated', async () => {
    const miss = await rawGet(`${hub.url}/assets/kiosk-ZZZZZZZZ.js`, { 'accept-encoding': 'br, gzip' });
    expect(miss.status).toBe(404);
    expect(miss.headers['cache-control'] ?? '').not.toContain('immutable');
    const direct = await rawGet(`${hub.url}/kiosk.html`, { 'accept-encoding': 'gzip' });
    expect(direct.status).toBe(200);
    expect(direct.headers['cache-control']).toBe('no-cache');
  });
});

describe("the kiosk's decode worker: zxing-cpp's WebAssembly under the CSP", () => {
  const worker = () => `/assets/${fs.readdirSync('dist/renderer/assets').find((f) => /^decodeWorker-[^.]+\.js$/.test(f))!}`;

  it("only the decode worker's script may compile WebAssembly; the .wasm is a local, hashed, compressed asset", async () => {
    const w = await rawGet(hub.url + worker());
    expect(w.headers['content-security-policy']).toBe(DECODE_WORKER_CONTENT_SECURITY_POLICY);
    expect(w.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(w.headers['content-security-policy']).not.toMatch(/'unsafe-(eval|inline)'/);
    for (const route of ['/', ...ROLES.map((r) => `/${r}`)]) {
      const r = await rawGet(hub.url + route);
      expect({ route, csp: r.headers['content-security-policy'] }).toEqual({ route, csp: CONTENT_SECURITY_POLICY });
    }
    const wasm = fs.readdirSync('dist/renderer/assets').find((f) => f.endsWith('.wasm'))!;
    expect(wasm).toMatch(/^zxing_reader-[A-Za-z0-9_-]{8}\.wasm$/);
    const a = await rawGet(`${hub.url}/assets/${wasm}`, { 'accept-encoding': 'br' });
    expect({ status: a.status, type: a.headers['content-type'], enc: a.headers['content-encoding'], cache: a.headers['cache-control'] }).toEqual({
      status: 200,
      type: 'application/wasm',
      enc: 'br',
      cache: IMMUTABLE,
    });
  });

  it('in Chromium the worker reads a QR with zxing-cpp (not the fallback) and a blank frame as nothing', async () => {
    const [{ pixs, pixx }] = bwipjs.raw('qrcode', 'MCK1:000.00.15.H24-261120-0017:5TC1RG', {}) as unknown as [{ pixs: number[]; pixx: number }];
    const W = 320;
    const H = 240;
    const S = 5;
    const rgba = new Uint8Array(W * H * 4).fill(255);
    const o = Math.floor((H - pixx * S) / 2);
    pixs.forEach((v, i) => {
      if (!v) return;
      for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) rgba.set([0, 0, 0, 255], ((o + Math.floor(i / pixx) * S + y) * W + o + (i % pixx) * S + x) * 4);
    });
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|zxing-cpp could not start/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${hub.url}/`);
    const answers = await page.evaluate(
      async ({ url, pixels, w, h }) => {
        const wk = new Worker(url, { type: 'module' });
        const ask = (id: number, data: number[]) =>
          new Promise<unknown>((resolve) => {
            wk.onmessage = (e) => resolve(e.data);
            wk.postMessage({ id, width: w, height: h, rgba: new Uint8ClampedArray(data) });
          });
        const qr = await ask(1, pixels);
        const empty = await ask(2, new Array(w * h * 4).fill(255));
        wk.terminate();
        return [qr, empty];
      },
      { url: worker(), pixels: [...rgba], w: W, h: H },
    );
    await page.close();
    expect(answers[0]).toMatchObject({ id: 1, text: 'MCK1:000.00.15.H24-261120-0017:5TC1RG', format: 'QR_CODE', engine: 'zxing-cpp' });
    expect(answers[1]).toMatchObject({ id: 2, text: null, format: null });
    expect(violations).toEqual([]);
  });
});
