import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (npx playwright install cannot work offline); flags that work on our machines. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian chromium (.ci/run does) or set CHROMIUM_PATH.');
  return found;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * The desktop app's preload bridge as a recorder: the page prints through `window.motcua.printPdf`
 * as it does in Electron, and each PDF is kept (base64) in `window.__printed` for the test to read.
 * This tests the page's side only; the bridge itself is tests/e2e/electron.test.ts's.
 */
export async function installRecordingBridge(context: BrowserContext, role: string): Promise<void> {
  await context.addInitScript((r) => {
    const printed: string[] = [];
    Object.defineProperty(window, '__printed', { value: printed });
    Object.defineProperty(window, 'motcua', {
      value: Object.freeze({
        printPdf: async ({ pdf }: { pdf: Uint8Array }) => {
          let bin = '';
          for (const b of pdf) bin += String.fromCharCode(b);
          printed.push(btoa(bin));
          return { ok: true };
        },
        listPrinters: async () => [],
        appInfo: async () => ({ version: 'test', role: r, kiosk: false, platform: 'linux', printer: null }),
        exitKiosk: async () => ({ ok: false }),
      }),
    });
  }, role);
}
