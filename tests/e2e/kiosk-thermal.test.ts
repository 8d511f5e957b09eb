/**
 * The kiosk on a thermal printer, in Chromium: /admin gives the kiosk `escpos:tcp:127.0.0.1:<port>`
 * (the test's own printer, tests/helpers/testPrinter.ts); the hub asks its status before a number is
 * issued. Each state: online (prints, cut), paper end / cover open (told before taking a number,
 * with the office's fallback), near end (prints, alert for the staff), unreachable and garbage.
 */
import fs from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { decodeRaster, startTestPrinter, type TestPrinter, type TestPrinterMode } from '../helpers/testPrinter';

let hub: TestHub;
let browser: Browser;
let admin = '';
const printers: TestPrinter[] = [];
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  admin = await hub.login();
  fs.mkdirSync('test-results', { recursive: true });
}, 60_000);
afterAll(async () => {
  for (const p of printers) await p.close();
  await browser?.close();
  await hub?.close();
});

const ticketCount = () => hub.query<{ n: number }>('SELECT count(*) AS n FROM tickets')[0]!.n;

async function kiosk(printer: string, lang: 'vi' | 'en', size = { width: 1080, height: 1920 }) {
  const name = `Kiosk nhiệt ${printers.length} ${Date.now()}`;
  const token = await hub.pairDevice('kiosk', name);
  const id = hub.query<{ id: number }>('SELECT id FROM devices WHERE name = ?', name)[0]!.id;
  expect((await hub.api('PUT', `/admin/devices/${id}`, { token: admin, body: { name, printer } })).status).toBe(200);
  const context = await browser.newContext({ viewport: size });
  await context.addInitScript((l) => window.localStorage.setItem('motcua.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk#device=${token}`);
  return { page, name };
}

async function testPrinter(mode: TestPrinterMode) {
  const p = await startTestPrinter(mode);
  printers.push(p);
  return p;
}

async function fallback(kioskPrintFallback: 'screen_only' | 'go_to_counter') {
  expect((await hub.api('PUT', '/admin/thermal-printing', { token: admin, body: { kioskPrintFallback } })).status).toBe(200);
}

describe('the kiosk on a thermal printer', () => {
  it('online: the ticket goes to the printer as raster and is cut', async () => {
    const p = await testPrinter('online');
    const { page } = await kiosk(p.address, 'vi');
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('Đã gửi vé tới máy in. Mời Ông/Bà nhận vé ở khe in bên dưới.').waitFor();
    const job = decodeRaster(p.received());
    expect(job.width).toBe(576);
    expect(job.endsWithCut).toBe(true);
    await page.context().close();
  });

  it('paper end: said before a number is taken; the office’s "screen only" issues the number without paper', async () => {
    await fallback('screen_only');
    const p = await testPrinter('paper_end');
    const { page } = await kiosk(p.address, 'vi');
    const before = ticketCount();
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('Máy in phiếu đã hết giấy.').waitFor();
    expect(ticketCount()).toBe(before);
    await page.screenshot({ path: 'test-results/kiosk-thermal-paper-end-vi.png' });
    await page.getByRole('button', { name: 'Lấy số, xem trên màn hình' }).click();
    await page.locator('.kiosk-ticket').waitFor();
    expect(ticketCount()).toBe(before + 1);
    expect(decodeRaster(p.received()).bands).toBe(0);
    await page.screenshot({ path: 'test-results/kiosk-thermal-screen-only-vi.png' });
    await page.context().close();
  });

  it('cover open, English, office says "go to the counter": no number is issued', async () => {
    await fallback('go_to_counter');
    const p = await testPrinter('cover_open');
    for (const size of [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
    ]) {
      const { page } = await kiosk(p.address, 'en', size);
      const before = ticketCount();
      await page.getByRole('button', { name: /Authentication of copies/ }).click();
      await page.getByText("The ticket printer's cover is open.").waitFor();
      await page.getByText('Please go to a counter to be given a number.').waitFor();
      expect(await page.getByRole('button', { name: /shown on screen/ }).count()).toBe(0);
      expect(ticketCount()).toBe(before);
      await page.screenshot({ path: `test-results/kiosk-thermal-cover-open-en-${size.width}x${size.height}.png` });
      await page.context().close();
    }
    await fallback('screen_only');
  });

  it('near end: prints, and the counters and the supervisor see a paper alert', async () => {
    const p = await testPrinter('near_end');
    const { page, name } = await kiosk(p.address, 'vi');
    await page.getByRole('button', { name: /Chứng thực/ }).click();
    await page.getByText('Đã gửi vé tới máy in. Mời Ông/Bà nhận vé ở khe in bên dưới.').waitFor();
    expect(decodeRaster(p.received()).endsWithCut).toBe(true);
    const clerk = await hub.login(...DEMO.clerk1);
    const alerts = await hub.api('GET', '/supervisor/alerts', { token: clerk });
    expect(alerts.body.alerts).toContainEqual(expect.objectContaining({ kind: 'printer_paper_low', deviceName: name }));
    await page.context().close();
  });

  it('unreachable and garbage: the kiosk says so and still serves', async () => {
    await fallback('screen_only');
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const gone = await kiosk(`escpos:tcp:127.0.0.1:${port}`, 'vi');
    await gone.page.getByRole('button', { name: /Chứng thực/ }).click();
    await gone.page.getByText('Không kết nối được với máy in phiếu.').waitFor();
    await gone.page.getByRole('button', { name: 'Lấy số, xem trên màn hình' }).click();
    await gone.page.locator('.kiosk-ticket').waitFor();
    await gone.page.context().close();

    const g = await testPrinter('garbage');
    const garbled = await kiosk(g.address, 'en');
    await garbled.page.getByRole('button', { name: /Authentication of copies/ }).click();
    await garbled.page.getByText('The ticket printer gives an answer that makes no sense.').waitFor();
    await garbled.page.screenshot({ path: 'test-results/kiosk-thermal-garbage-en.png' });
    await garbled.page.context().close();
  });

  it('a printer that hangs mid-job after the number was issued: the number stays, the error is shown, one tap reprints at the counter', async () => {
    const p = await testPrinter('hang_mid_job');
    const { page } = await kiosk(p.address, 'vi');
    await page.getByRole('button', { name: /Hộ tịch/ }).click();
    // The hub's job deadline passes (the printer stopped taking bytes), then the kiosk says so.
    await page.getByText(/Máy in báo lỗi: máy in không trả lời\./).waitFor({ timeout: 40_000 });
    const number = hub.query<{ number: string }>("SELECT number FROM tickets WHERE number LIKE 'A%' ORDER BY id DESC LIMIT 1")[0]!.number;
    await page.getByText(number, { exact: true }).waitFor();
    await page.screenshot({ path: 'test-results/kiosk-thermal-hang-vi.png' });
    await page.context().close();

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(() => {
      const printed: number[] = [];
      Object.defineProperty(window, '__printed', { value: printed });
      Object.defineProperty(window, 'motcua', {
        value: Object.freeze({
          printPdf: async ({ pdf }: { pdf: Uint8Array }) => {
            printed.push(pdf.length);
            return { ok: true };
          },
          listPrinters: async () => [],
          appInfo: async () => ({ version: 'test', role: 'counter', kiosk: false, platform: 'linux', printer: null }),
          exitKiosk: async () => ({ ok: false }),
        }),
      });
    });
    const counter = await context.newPage();
    await counter.goto(`${hub.url}/counter`);
    await counter.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
    await counter.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
    await counter.getByRole('button', { name: 'Đăng nhập' }).click();
    await counter.getByRole('button', { name: 'Mở Quầy 2 – Quầy 2' }).click();
    await counter.getByRole('button', { name: /Gọi số tiếp theo/ }).click();
    await counter.locator('.current__number').getByText(number).waitFor();
    await counter.getByRole('button', { name: 'In lại phiếu' }).click();
    await counter.getByText('Đã gửi phiếu tới máy in.').waitFor();
    expect(await counter.evaluate(() => (window as unknown as { __printed: number[] }).__printed)).toHaveLength(1);
    await counter.screenshot({ path: 'test-results/counter-reprint-vi.png' });
    await context.close();
  }, 90_000);

  it('/admin refuses a thermal printer outside the LAN with the reason, and keeps the old value', async () => {
    const name = `Kiosk sai ${Date.now()}`;
    await hub.pairDevice('kiosk', name);
    const id = hub.query<{ id: number }>('SELECT id FROM devices WHERE name = ?', name)[0]!.id;
    const r = await hub.api('PUT', `/admin/devices/${id}`, { token: admin, body: { name, printer: 'escpos:tcp:8.8.8.8:9100' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/not a loopback or office-LAN address/);
    expect(hub.query('SELECT printer FROM device_printers WHERE device_id = ?', id)).toEqual([]);
  });
});
