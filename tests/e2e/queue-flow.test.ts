import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

const SHOTS = path.resolve('test-results', 'screens');
const KIOSK = { width: 1080, height: 1920 };
const WIDE = { width: 1920, height: 1080 };

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await hub?.close();
});

/** A fresh browser profile per screen, like separate devices in the lobby. */
async function open(route: string, viewport: { width: number; height: number }, deviceToken?: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${route}] page error: ${err.message}`));
  await page.goto(`${hub.url}${route}${deviceToken ? `#device=${deviceToken}` : ''}`);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function clerkLogin(page: Page, [username, pin]: readonly [string, string]) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('kiosk → counter → display', () => {
  it('a citizen takes a ticket, a clerk calls it, the lobby display shows it within 1 s', async () => {
    const display = await open('/display', WIDE, await hub.pairDevice('display', 'TV sảnh'));
    await expect.poll(() => display.getByText('Quầy 2').count()).toBeGreaterThan(0);

    const kiosk = await open('/kiosk', KIOSK, await hub.pairDevice('kiosk', 'Kiosk sảnh'));
    const service = kiosk.getByRole('button', { name: /Tư pháp – Hộ tịch/ });
    await service.waitFor();
    await shot(kiosk, 'kiosk-start-vi');

    const pdfResponse = kiosk.waitForResponse((r) => /\/api\/v1\/tickets\/\d+\/pdf/.test(r.url()));
    await service.click();
    await kiosk.getByText('A001', { exact: true }).waitFor();
    // No counter is open yet: the ticket says so instead of a number of people ahead (issue 11).
    await kiosk.getByText('Chưa có quầy nào đang phục vụ dịch vụ này').waitFor();
    await shot(kiosk, 'kiosk-ticket-vi');

    // The ticket the kiosk printed: its text, extracted from the PDF, is exact Vietnamese.
    const pdf = await (await pdfResponse).body();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
    fs.writeFileSync(path.join(dir, 'ticket.pdf'), pdf);
    fs.copyFileSync(path.join(dir, 'ticket.pdf'), path.join(SHOTS, 'ticket-A001.pdf'));
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'ticket.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH');
    expect(text).toContain('PHIẾU SỐ THỨ TỰ');
    expect(text).toContain('Tư pháp – Hộ tịch');
    expect(text).toContain('A001');
    expect(text).toContain('Chưa có quầy nào đang phục vụ dịch vụ này');
    expect(text).toMatch(/Giờ lấy số: \d\d:\d\d ngày \d\d\/\d\d\/20\d\d/);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', path.join(dir, 'ticket.pdf'), path.join(SHOTS, 'ticket-A001')]);

    const counter = await open('/counter', WIDE);
    await clerkLogin(counter, DEMO.clerk1);
    await counter.getByRole('button', { name: 'Mở Quầy 2 – Quầy 2' }).click();
    const callNext = counter.getByRole('button', { name: /Gọi số tiếp theo/ });
    await callNext.waitFor();
    await shot(counter, 'counter-ready-vi');

    const before = Date.now();
    await callNext.click();
    // The display: counter 2 now shows A001.
    await display.locator('text=A001').first().waitFor({ timeout: 1000 });
    const elapsed = Date.now() - before;
    expect(elapsed).toBeLessThan(1000);
    await counter.getByRole('button', { name: /Bắt đầu phục vụ/ }).waitFor();
    await shot(counter, 'counter-called-vi');
    await shot(display, 'display-called-vi');

    // Recall by keyboard shortcut announces again (a second call in the last calls).
    await counter.keyboard.press('r');
    await expect.poll(async () => (await hub.api('GET', '/display', { token: await hub.login() })).body.lastCalls.length).toBe(1);
    expect(hub.query("SELECT kind FROM ticket_events WHERE kind = 'recall'")).toHaveLength(1);

    await counter.getByRole('button', { name: /Bắt đầu phục vụ/ }).click();
    await counter.getByRole('button', { name: /Hoàn thành/ }).click();
    await expect.poll(() => hub.query<{ status: string }>("SELECT status FROM tickets WHERE number = 'A001'")[0]!.status).toBe('done');
    await shot(counter, 'counter-done-vi');
  });

  it('the display shows at once when it has lost the hub, and comes back by itself', async () => {
    // Its own hub, so the test can stop it the way a power cut or a pulled cable would.
    const own = await startTestHub();
    const port = own.port;
    const token = await own.pairDevice('display', 'TV mất kết nối');
    const context = await browser.newContext({ viewport: WIDE, locale: 'vi-VN' });
    contexts.push(context);
    const display = await context.newPage();
    await display.goto(`${own.url}/display#device=${token}`);
    await display.getByText('Quầy 1').first().waitFor();
    await own.close();
    const lostAt = Date.now();
    await display.getByRole('alert').first().waitFor({ timeout: 3000 });
    expect(Date.now() - lostAt).toBeLessThan(3000);
    // The last known board stays on screen under the banner.
    expect(await display.getByText('Quầy 1').count()).toBeGreaterThan(0);
    await shot(display, 'display-offline-vi');
    const back = await startTestHub({ dataDir: own.dataDir, port });
    try {
      await expect.poll(() => display.getByRole('alert').count(), { timeout: 15000 }).toBe(0);
    } finally {
      await back.close();
    }
  });

  it('a plain browser asks for a tap before it can play the chime', async () => {
    const display = await open('/display', WIDE, await hub.pairDevice('display', 'TV 3'));
    const enable = display.getByRole('button', { name: /Chạm để bật âm thanh/ });
    await enable.waitFor();
    await enable.click();
    await expect.poll(() => enable.count()).toBe(0);
  });

  it('every screen switches to English', async () => {
    const kiosk = await open('/kiosk', KIOSK, await hub.pairDevice('kiosk', 'Kiosk EN'));
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('button', { name: /Justice and civil status/ }).waitFor();
    await shot(kiosk, 'kiosk-start-en');
    await kiosk.getByRole('button', { name: /Justice and civil status/ }).click();
    await kiosk.getByText(/ahead of you|You are next|No counter is serving this service/).first().waitFor();
    await shot(kiosk, 'kiosk-ticket-en');

    const display = await open('/display', WIDE, await hub.pairDevice('display', 'TV EN'));
    await display.getByRole('button', { name: 'English' }).click();
    await display.getByText('Counter 2').first().waitFor();
    await shot(display, 'display-en');

    const counter = await open('/counter', WIDE);
    await counter.getByRole('button', { name: 'English' }).click();
    await counter.getByLabel('Username').fill(DEMO.clerk2[0]);
    await counter.getByLabel('PIN').fill(DEMO.clerk2[1]);
    await counter.getByRole('button', { name: 'Sign in' }).click();
    await counter.getByRole('button', { name: /counter 5/i }).first().click();
    await counter.getByRole('button', { name: /Call next/ }).click();
    await counter.getByRole('button', { name: /Start serving/ }).waitFor();
    await shot(counter, 'counter-en');

    const admin = await open('/admin', WIDE);
    await clerkLogin(admin, DEMO.admin);
    await admin.getByRole('tab').first().waitFor();
    await expect.poll(() => admin.getByLabel('Tên văn phòng').inputValue()).toBe('Trung tâm Phục vụ hành chính công phường Ba Đình');
    await shot(admin, 'admin-vi');
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('tab', { name: /Devices/ }).click();
    await shot(admin, 'admin-devices-en');
  });

  it('a kiosk without a token is paired with the code from /admin on the on-screen keypad', async () => {
    const admin = await hub.login();
    const { code } = (await hub.api('POST', '/admin/pairing-codes', { token: admin, body: { role: 'kiosk', name: 'Kiosk mới' } })).body;
    const kiosk = await open('/kiosk', KIOSK);
    await kiosk.getByText('Ghép nối thiết bị').first().waitFor();
    await shot(kiosk, 'kiosk-pairing-vi');
    for (const digit of code as string) await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Ghép nối' }).click();
    await kiosk.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).waitFor();
    expect(hub.query("SELECT name FROM devices WHERE name = 'Kiosk mới'")).toHaveLength(1);
  });
});
