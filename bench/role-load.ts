/**
 * Each role's page on a slow machine (issue 14 §1): Debian's Chromium with its
 * CPU slowed 6× (CDP Emulation.setCPUThrottlingRate), against the built hub.
 *
 * - **Cold:** a new browser context (empty HTTP cache), navigation to the
 *   role's page until its first content is painted: the kiosk's first service
 *   tile, the display's first board, the login form of counter and admin, the
 *   rating tablet's counters, the launcher's cards. Time from the navigation's
 *   start (`performance.timeOrigin`) to the animation frame after that element
 *   entered the DOM.
 * - **Warm:** the same page navigated to again in the same context (the
 *   hashed assets come from the cache without asking, the page is revalidated).
 * - **Baseline:** a bare navigation to the same hub in the same run and
 *   context kind: a tiny static page (`/bench-blank.html`, one paragraph, no
 *   script) until its paragraph is painted, cold and warm.
 * - **Bytes:** what the page's scripts (and everything) cost on the wire on the
 *   cold load (CDP Network encodedDataLength: compressed body plus headers),
 *   including the kiosk's decode worker, which its start screen starts.
 *
 * Targets: kiosk first tile ≤ 1.0 s cold and ≤ 0.4 s warm, display first board
 * ≤ 1.0 s cold, kiosk scripts ≤ 350 KiB on the wire.
 *
 * Run alone: `npx tsx bench/role-load.ts [--runs=5]` after `npm run build`, or `npx tsx bench/run.ts --only=roles`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { resolveHub, ROOT } from './lib/build';
import { DEMO, login, pairDevice, startHub } from './lib/hub';
import { keepAliveAgent } from './lib/http';
import { median } from './lib/stats';

export const ROLE_LOAD_DEFAULTS = { runs: 5, cpuSlowdown: 6 };
export const ROLE_LOAD_TARGETS = { kioskColdMs: 1000, kioskWarmMs: 400, displayColdMs: 1000, kioskScriptKiB: 350 };

interface RoleCase {
  role: string;
  path: string;
  /** What "first content" is on this page. */
  selector: string;
  viewport: { width: number; height: number };
  token?: 'kiosk' | 'display';
}

const LANDSCAPE = { width: 1920, height: 1080 };
export const ROLE_CASES: RoleCase[] = [
  { role: 'kiosk', path: '/kiosk', selector: '.kiosk-service', viewport: { width: 1080, height: 1920 }, token: 'kiosk' },
  { role: 'display', path: '/display', selector: '.display-counters', viewport: LANDSCAPE, token: 'display' },
  { role: 'counter', path: '/counter', selector: '.login__card', viewport: LANDSCAPE },
  { role: 'admin', path: '/admin', selector: '.login__card', viewport: LANDSCAPE },
  { role: 'rate', path: '/rate', selector: '.rate__counter', viewport: { width: 1280, height: 800 }, token: 'kiosk' },
  { role: 'launcher', path: '/', selector: '.launcher__card', viewport: LANDSCAPE },
];
const BASELINE: RoleCase = { role: 'baseline', path: '/bench-blank.html', selector: '#blank', viewport: LANDSCAPE };
const BLANK_PAGE = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>blank</title><p id="blank">MotCua</p></html>';

/**
 * Watches for the selector from the first byte of the page: the time of the
 * animation frame after it matched, relative to the navigation's start.
 * A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const watchScript = (selector: string) => `(() => {
  const sel = ${JSON.stringify(selector)};
  window.__firstContent = new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector(sel)) return false;
      requestAnimationFrame(() => resolve(performance.now()));
      return true;
    };
    const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
    obs.observe(document, { childList: true, subtree: true });
  });
})()`;

export interface LoadFigures {
  ms: number;
  scriptBytes: number;
  allBytes: number;
  scripts: number;
}

/** Wire bytes per resource type, from the CDP Network domain, for one navigation. */
function wireMeter(cdp: CDPSession) {
  const types = new Map<string, string>();
  let scriptBytes = 0;
  let allBytes = 0;
  let scripts = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      scriptBytes += e.encodedDataLength;
      scripts++;
    }
  });
  return {
    reset() {
      scriptBytes = allBytes = scripts = 0;
      types.clear();
    },
    read: () => ({ scriptBytes, allBytes, scripts }),
  };
}

async function load(page: Page, url: string, meter: ReturnType<typeof wireMeter>): Promise<LoadFigures> {
  meter.reset();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate<number>('window.__firstContent');
  // Let the worker and late scripts finish arriving before the bytes are read.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  return { ms, ...meter.read() };
}

/** One cold load in a new context and one warm load after it, CPU slowed. */
async function coldAndWarm(browser: Browser, base: string, c: RoleCase, tokens: Record<string, string>, slowdown: number): Promise<{ cold: LoadFigures; warm: LoadFigures }> {
  const context: BrowserContext = await browser.newContext({ viewport: c.viewport });
  try {
    const token = c.token ? tokens[c.token] : undefined;
    // The device was paired before: its token is in the page's storage, as on a kiosk that has run before.
    if (token) await context.addInitScript(`try { localStorage.setItem('motcua.deviceToken', ${JSON.stringify(token)}); } catch {}`);
    await context.addInitScript(watchScript(c.selector));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const meter = wireMeter(cdp);
    const cold = await load(page, base + c.path, meter);
    const warm = await load(page, base + c.path, meter);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

export interface RoleLoadResult {
  config: typeof ROLE_LOAD_DEFAULTS;
  perRole: Record<string, { cold: number; warm: number; coldRatio: number; warmRatio: number; scriptKiB: number; allKiB: number; scripts: number }>;
  baseline: { cold: number; warm: number };
  runs: { role: string; run: number; cold: LoadFigures; warm: LoadFigures; baseline: { cold: LoadFigures; warm: LoadFigures } }[];
}

export async function runRoleLoadBench(hubScript: string, opts = ROLE_LOAD_DEFAULTS): Promise<RoleLoadResult> {
  // The hub serves a copy of the built renderer with the blank page beside it.
  const ui = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-ui-'));
  fs.cpSync(path.join(ROOT, 'dist', 'renderer'), ui, { recursive: true });
  fs.writeFileSync(path.join(ui, 'bench-blank.html'), BLANK_PAGE);
  const before = process.env.MOTCUA_UI_DIR;
  process.env.MOTCUA_UI_DIR = ui;
  const hub = await startHub(hubScript);
  if (before === undefined) delete process.env.MOTCUA_UI_DIR;
  else process.env.MOTCUA_UI_DIR = before;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const agent = keepAliveAgent();
    const admin = await login(agent, hub.url, DEMO.admin);
    const tokens = { kiosk: await pairDevice(agent, hub.url, admin, 'kiosk', 'Bench kiosk'), display: await pairDevice(agent, hub.url, admin, 'display', 'Bench display') };
    agent.destroy();
    const runs: RoleLoadResult['runs'] = [];
    // Untimed: the hub's first answers (and the OS's file cache) warmed once.
    for (const c of [BASELINE, ...ROLE_CASES]) await coldAndWarm(browser, hub.url, c, tokens, 1);
    for (let run = 0; run < opts.runs; run++) {
      for (const c of ROLE_CASES) {
        // Role and baseline back to back, in turn first, so drift on the machine hits both alike.
        let m: { cold: LoadFigures; warm: LoadFigures } | undefined;
        let b: { cold: LoadFigures; warm: LoadFigures } | undefined;
        const steps = [async () => void (m = await coldAndWarm(browser, hub.url, c, tokens, opts.cpuSlowdown)), async () => void (b = await coldAndWarm(browser, hub.url, BASELINE, tokens, opts.cpuSlowdown))];
        if (run % 2) steps.reverse();
        for (const s of steps) await s();
        runs.push({ role: c.role, run, cold: m!.cold, warm: m!.warm, baseline: b! });
      }
    }
    const perRole: RoleLoadResult['perRole'] = {};
    for (const c of ROLE_CASES) {
      const rs = runs.filter((r) => r.role === c.role);
      perRole[c.role] = {
        cold: median(rs.map((r) => r.cold.ms)),
        warm: median(rs.map((r) => r.warm.ms)),
        coldRatio: median(rs.map((r) => r.cold.ms / r.baseline.cold.ms)),
        warmRatio: median(rs.map((r) => r.warm.ms / r.baseline.warm.ms)),
        scriptKiB: median(rs.map((r) => r.cold.scriptBytes)) / 1024,
        allKiB: median(rs.map((r) => r.cold.allBytes)) / 1024,
        scripts: median(rs.map((r) => r.cold.scripts)),
      };
    }
    return {
      config: opts,
      perRole,
      baseline: { cold: median(runs.map((r) => r.baseline.cold.ms)), warm: median(runs.map((r) => r.baseline.warm.ms)) },
      runs,
    };
  } finally {
    await browser.close();
    await hub.dispose();
    fs.rmSync(ui, { recursive: true, force: true });
  }
}

/** The table bench/run.ts prints, and `met` per target. */
export function roleLoadRows(r: RoleLoadResult): { rows: string[][]; met: Record<string, boolean> } {
  const k = r.perRole.kiosk!;
  const d = r.perRole.display!;
  const met = {
    kioskCold: k.cold <= ROLE_LOAD_TARGETS.kioskColdMs,
    kioskWarm: k.warm <= ROLE_LOAD_TARGETS.kioskWarmMs,
    displayCold: d.cold <= ROLE_LOAD_TARGETS.displayColdMs,
    kioskScript: k.scriptKiB <= ROLE_LOAD_TARGETS.kioskScriptKiB,
  };
  const v = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const target: Record<string, string> = {
    kiosk: `cold ≤ 1.0 s: ${v(met.kioskCold)}; warm ≤ 0.4 s: ${v(met.kioskWarm)}; scripts ≤ 350 KiB: ${v(met.kioskScript)}`,
    display: `cold ≤ 1.0 s: ${v(met.displayCold)}`,
  };
  const rows = Object.entries(r.perRole).map(([role, f]) => [
    role,
    `${f.cold.toFixed(0)} ms`,
    `${f.coldRatio.toFixed(2)}×`,
    `${f.warm.toFixed(0)} ms`,
    `${f.warmRatio.toFixed(2)}×`,
    `${f.scriptKiB.toFixed(1)} KiB (${f.scripts})`,
    `${f.allKiB.toFixed(1)} KiB`,
    target[role] ?? '',
  ]);
  rows.push(['baseline (blank page)', `${r.baseline.cold.toFixed(0)} ms`, '', `${r.baseline.warm.toFixed(0)} ms`, '', '', '', '']);
  return { rows, met };
}

export const ROLE_LOAD_HEAD = ['page', 'cold', 'cold/baseline', 'warm', 'warm/baseline', 'scripts on the wire (files)', 'everything on the wire', 'target'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? ROLE_LOAD_DEFAULTS.runs);
  const hub = await resolveHub(false);
  const r = await runRoleLoadBench(hub.script, { ...ROLE_LOAD_DEFAULTS, runs });
  const { rows } = roleLoadRows(r);
  for (const row of [ROLE_LOAD_HEAD, ...rows]) console.log(row.join(' | '));
}
