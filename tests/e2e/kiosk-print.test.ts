import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * The renderer's half of silent printing: inside the desktop app the kiosk hands
 * the ticket PDF to the preload bridge (`window.motcua.printPdf`) instead of
 * opening a dialog. The page is given a recording bridge; the bridge's own
 * Electron side is covered by tests/e2e/electron.test.ts where Electron runs,
 * and the spooler by tests/integration/printing.test.ts.
 */
let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function kioskWithBridge(result: { ok: boolean; message?: string; code?: string }) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await context.addInitScript((answer) => {
    const printed: number[][] = [];
    Object.defineProperty(window, '__printed', { value: printed });
    Object.defineProperty(window, 'motcua', {
      value: Object.freeze({
        printPdf: async ({ pdf }: { pdf: Uint8Array }) => {
          printed.push(Array.from(pdf.subarray(0, 8)).concat([pdf.length]));
          return answer;
        },
        listPrinters: async () => [],
        appInfo: async () => ({ version: 'test', role: 'kiosk', kiosk: true, platform: 'linux', printer: 'Thermal80' }),
        exitKiosk: async () => ({ ok: false }),
      }),
    });
  }, result);
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk#device=${await hub.pairDevice('kiosk', `Kiosk in-app ${Date.now()}`)}`);
  return page;
}

describe('kiosk printing inside the desktop app', () => {
  it('hands the ticket PDF to the bridge, with no print dialog', async () => {
    const page = await kioskWithBridge({ ok: true });
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('Mời bạn nhận vé ở khe in bên dưới.').waitFor();
    const printed = (await page.evaluate(() => (window as unknown as { __printed: number[][] }).__printed)) as number[][];
    expect(printed).toHaveLength(1);
    // "%PDF-" and a real ticket's size, not an empty buffer.
    expect(String.fromCharCode(...printed[0]!.slice(0, 5))).toBe('%PDF-');
    expect(printed[0]!.at(-1)).toBeGreaterThan(5000);
    expect(await page.locator('iframe').count()).toBe(0);
    await page.context().close();
  });

  it('a printer failure leaves the number on screen and says so', async () => {
    const page = await kioskWithBridge({ ok: false, message: 'Printer "Thermal80" is out of paper', code: 'PRINTER_NOT_ACCEPTING' });
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('E002', { exact: true }).waitFor();
    await page.getByText(/Chưa in được vé/).waitFor();
    expect(hub.query("SELECT number FROM tickets WHERE number = 'E002'")).toHaveLength(1);
    await page.context().close();
  });
});
