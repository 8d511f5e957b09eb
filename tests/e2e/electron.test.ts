/**
 * Smoke test of the Electron shell, driven by Playwright's `_electron`: the app starts on a
 * throw-away user-data folder (standalone: hub in a utilityProcess), the kiosk window loads from
 * the hub, the page has no Node (sandbox + context isolation), `window.motcua` is exactly the four
 * bridge functions, and crafted links (external https, javascript:, file:, window.open,
 * target=_blank, middle-, ctrl- and shift-clicks) neither move the window nor open a new one.
 *
 * It needs the real Electron runtime, which `npm install` fetches lazily and our build machines
 * cannot download: where it is absent the suite is SKIPPED and says so. Nothing here fakes Electron.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface NativeScript {
  projectRoot: string;
  BINDING_FILE: string;
  nativeDir(root: string, version: string, platform: string, arch: string): string;
  electronRuntime(): { installed: boolean; version: string | null; binary: string | null; present: boolean };
}
const native = (await import(/* @vite-ignore */ new URL('../../scripts/electron-native.mjs', import.meta.url).href)) as NativeScript;
const root = native.projectRoot;
const runtime = native.electronRuntime();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
// The Electron build of better-sqlite3 is never made during `npm test` (DESIGN.md §6): `npm start` or
// `node scripts/electron-native.mjs` makes it once.
const binding = runtime.version ? path.join(native.nativeDir(native.projectRoot, runtime.version, process.platform, process.arch), native.BINDING_FILE) : '';

let skipReason: string | null = null;
if (!runtime.installed) skipReason = 'the electron package is not installed';
else if (!runtime.present) skipReason = `the Electron ${runtime.version} runtime binary is not in node_modules/electron/dist (it downloads lazily and cannot be fetched here)`;
else if (headless) skipReason = 'there is no display (DISPLAY/WAYLAND_DISPLAY unset); run it under xvfb-run';
else if (!existsSync(binding)) skipReason = `better-sqlite3 is not built for Electron yet (${path.relative(native.projectRoot, binding)}); run \`node scripts/electron-native.mjs\` or \`npm start\` once`;
if (skipReason) console.warn(`[electron.test] SKIPPED the Electron smoke test: ${skipReason}.`);

const APP_PAGE = /^http:\/\/127\.0\.0\.1:\d+\/kiosk(#.*)?$/;

describe.skipIf(skipReason !== null)('Electron shell (Playwright _electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData = '';

  beforeAll(async () => {
    // The e2e global set-up builds the renderer; the shell and hub bundles come from the same build script.
    if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs')) || !existsSync(path.join(root, 'dist', 'main', 'hub-process.cjs'))) {
      const b = spawnSync(process.execPath, ['scripts/build.mjs', '--only=main', '--quiet'], { cwd: root, stdio: 'inherit' });
      if (b.status !== 0) throw new Error('node scripts/build.mjs --only=main failed');
    }

    userData = mkdtempSync(path.join(os.tmpdir(), 'motcua-electron-'));
    writeFileSync(path.join(userData, 'motcua-device.json'), JSON.stringify({ mode: 'standalone', windows: [{ role: 'kiosk', kiosk: false }] }));
    const args = [root];
    // Chromium's own sandbox cannot start as root (CI containers); everything else stays as shipped.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await _electron.launch({
      executablePath: runtime.binary!,
      args,
      cwd: root,
      env: { ...process.env, MOTCUA_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
      timeout: 90_000,
    });
    page = await app.firstWindow({ timeout: 60_000 });
    await page.waitForURL(APP_PAGE, { timeout: 90_000 });
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  const windowCount = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  /** Lets a navigation the page asked for start (or be refused) before we look. */
  const settle = () => page.evaluate(() => new Promise((r) => setTimeout(r, 750)));

  it('opens the kiosk page from the in-process hub', async () => {
    expect(page.url()).toMatch(APP_PAGE);
    expect(await page.evaluate(() => document.readyState)).not.toBe('loading');
    expect(await windowCount()).toBe(1);
  });

  it('gives the page no Node and exactly the four bridge functions', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = (w.motcua ?? {}) as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
        keys: Object.keys(bridge).sort(),
        kinds: Object.values(bridge).map((v) => typeof v),
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      keys: ['appInfo', 'exitKiosk', 'listPrinters', 'printPdf'],
      kinds: ['function', 'function', 'function', 'function'],
    });
  });

  it('answers the bridge for its own page and refuses bad arguments', async () => {
    const info = await page.evaluate(() => (window as unknown as { motcua: { appInfo(): Promise<{ role: string; kiosk: boolean }> } }).motcua.appInfo());
    expect(info).toMatchObject({ role: 'kiosk', kiosk: false });
    const refused = await page.evaluate(() =>
      (window as unknown as { motcua: { printPdf(x: unknown): Promise<unknown> } }).motcua.printPdf({ pdf: 'not bytes' }).then(
        () => 'accepted',
        () => 'refused',
      ),
    );
    expect(refused).toBe('refused');
  });

  it('denies permissions other than the camera', async () => {
    const states = await page.evaluate(async () => ({
      notifications: Notification.permission,
      geolocation: (await navigator.permissions.query({ name: 'geolocation' as PermissionName })).state,
    }));
    expect(states.notifications).not.toBe('granted');
    expect(states.geolocation).toBe('denied');
  });

  it('crafted links do not move the window or open another', async () => {
    const start = page.url();
    await page.evaluate(() => {
      let n = 0;
      const add = (id: string, href: string, target?: string) => {
        const a = document.createElement('a');
        a.id = id;
        a.href = href;
        a.textContent = id;
        a.style.cssText = `position:fixed;top:${n++ * 30}px;left:0;z-index:2147483647;display:block;width:120px;height:24px;background:#fff`;
        if (target) a.target = target;
        document.body.append(a);
        return a;
      };
      add('x-external', 'https://example.com/');
      add('x-javascript', "javascript:location.href='https://example.com/'");
      add('x-blank', 'https://example.com/', '_blank');
      add('x-file', 'file:///etc/passwd');
    });
    for (const id of ['x-external', 'x-javascript', 'x-blank', 'x-file']) {
      await page.click(`#${id}`, { noWaitAfter: true });
      await settle();
      expect(page.url(), `after clicking ${id}`).toBe(start);
      await page.evaluate((i) => document.getElementById(i)?.remove(), id);
    }
    // Middle-, ctrl- and shift-clicks ask for a new window (a disposition will-navigate never sees):
    // setWindowOpenHandler denies every one of them.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.id = 'x-middle';
      a.href = '/admin';
      a.textContent = 'x-middle';
      a.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;display:block;width:120px;height:24px;background:#fff';
      document.body.append(a);
    });
    await page.click('#x-middle', { button: 'middle', noWaitAfter: true });
    await page.click('#x-middle', { modifiers: ['Control'], noWaitAfter: true });
    await page.click('#x-middle', { modifiers: ['Shift'], noWaitAfter: true });
    await settle();
    expect(page.url(), 'after middle-, ctrl- and shift-clicks').toBe(start);
    expect(await windowCount()).toBe(1);
    await page.evaluate(() => document.getElementById('x-middle')?.remove());
    const opened = await page.evaluate(() => [window.open('https://example.com/'), window.open('/admin'), window.open('about:blank')].map((w) => w === null));
    expect(opened).toEqual([true, true, true]);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await settle();
    expect(page.url()).toBe(start);
    expect(await windowCount()).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });
});

// So the file is never empty of tests where Electron is missing: the reason is reported as a skip.
describe.skipIf(skipReason === null)('Electron shell', () => {
  it.skip(`skipped: ${skipReason ?? ''}`, () => undefined);
});
