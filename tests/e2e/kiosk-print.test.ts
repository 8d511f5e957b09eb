import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { CUPS_PDF_QUEUE, ensureCupsPdfQueue, lpPresent, waitForSpooledPdf } from '../helpers/cups';

/**
 * The renderer's half of silent printing: inside the desktop app the kiosk hands
 * the ticket PDF to the preload bridge (`window.motcua.printPdf`) instead of
 * opening a dialog. The page is given a recording bridge; the bridge's own
 * Electron side is covered by tests/e2e/electron.test.ts where Electron runs,
 * and the spooler by tests/integration/printing.test.ts.
 */
let hub: TestHub;
let browser: Browser;
let outDir = '';
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  if (lpPresent) outDir = await ensureCupsPdfQueue();
}, 60_000);
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
    // What is known: the spooler took the job.
    await page.getByText('Đã gửi vé tới máy in. Mời Ông/Bà nhận vé ở khe in bên dưới.').waitFor();
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
    // The printer's own reason, in the screen's language (PRINTER_NOT_ACCEPTING), and nothing claims the ticket came out.
    await page.getByText('Máy in báo lỗi: máy in đang tạm dừng hoặc không nhận lệnh in. Mời Ông/Bà ghi nhớ số — số vẫn có hiệu lực.').waitFor();
    expect(await page.getByText(/Đã gửi vé/).count()).toBe(0);
    expect(hub.query("SELECT number FROM tickets WHERE number = 'E002'")).toHaveLength(1);
    await page.context().close();
  });
});

/** /admin gives the kiosk's device a printer; in a plain browser the hub's spooler prints on it. */
async function browserKioskWithPrinter(name: string, printer: string | null, lang: 'vi' | 'en' = 'vi') {
  const token = await hub.pairDevice('kiosk', name);
  const id = hub.query<{ id: number }>('SELECT id FROM devices WHERE name = ?', name)[0]!.id;
  const admin = await hub.login();
  expect((await hub.api('PUT', `/admin/devices/${id}`, { token: admin, body: { name, printer } })).status).toBe(200);
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await context.addInitScript((l) => window.localStorage.setItem('motcua.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk#device=${token}`);
  return page;
}

function clearSpooled(prefix: string) {
  if (!fs.existsSync(outDir)) return;
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(prefix)) fs.rmSync(path.join(outDir, f), { force: true });
}

describe('kiosk printing in a plain browser, through the hub’s spooler', () => {
  it.skipIf(!lpPresent)('says the ticket was sent once the real CUPS queue took it, and the queue has the ticket', async () => {
    const page = await browserKioskWithPrinter('Kiosk trình duyệt', CUPS_PDF_QUEUE);
    await page.getByRole('button', { name: /Hộ tịch/ }).waitFor();
    const before = hub.query<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE number LIKE 'A%'")[0]!.n;
    const number = `A${String(before + 1).padStart(3, '0')}`;
    clearSpooled(`MotCua_ticket_${number}`);
    await page.getByRole('button', { name: /Hộ tịch/ }).click();
    await page.getByText(number, { exact: true }).waitFor();
    await page.getByText('Đã gửi vé tới máy in. Mời Ông/Bà nhận vé ở khe in bên dưới.').waitFor();
    const spooled = await waitForSpooledPdf(outDir, `MotCua_ticket_${number}`);
    // cups-pdf names the file after the job ("MotCua ticket A001"); it re-renders the page, so its text is not extractable.
    expect(execFileSync('pdfinfo', [spooled], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    expect(await page.locator('iframe').count()).toBe(0);
    await page.screenshot({ path: 'test-results/kiosk-print-sent-vi.png' });
    await page.context().close();
  });

  it.skipIf(!lpPresent)('a printer the spooler does not have: the printer’s error, in English too, and the number stays valid', async () => {
    const page = await browserKioskWithPrinter('Kiosk máy in sai', 'Khong_Co_May_In', 'en');
    await page.getByRole('button', { name: /civil status/ }).click();
    await page.getByText("The printer reported a problem: the kiosk's printer was not found. Please remember your number — it is still valid.").waitFor();
    expect(await page.getByText(/was sent to the printer/).count()).toBe(0);
    await page.screenshot({ path: 'test-results/kiosk-print-failed-en.png' });
    await page.context().close();
  });

  it('without a printer and without a print dialog (automation), it says the kiosk has no printer', async () => {
    const page = await browserKioskWithPrinter('Kiosk không máy in', null);
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('Kiosk này chưa được nối với máy in. Mời Ông/Bà ghi nhớ số — số vẫn có hiệu lực.').waitFor();
    await page.context().close();
  });
});
