import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { cameraFrame, receiptPage, toY4m, type Degrade, type Symbol } from '../helpers/cameraFrames';

/**
 * The citizen at the kiosk, in Chromium against a running hub. The camera is
 * Chromium's fake camera playing frames made from the receipt the hub printed
 * for a real dossier (tests/helpers/cameraFrames.ts): QR and Code 128, rotated,
 * blurred and faded. Then the wedge scanner (fast key events), the keypad, the
 * procedures browser, the idle return, and a screenshot of every screen.
 */
let hub: TestHub;
let browser: Browser;
let dir: string;
let code: string;
let secret: string;
let page1: string;
/** One paired kiosk for every page: pairing is rate-limited per address, as it should be. */
let kioskToken: string;
const SHOTS = 'test-results';

const dossierBody = {
  procedureCode: '1.001022',
  applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Số 1 phố Huế, Hà Nội' },
  documents: [{ nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
  sets: 1,
  feeCollected: 0,
  resultDelivery: 'counter',
  notes: '',
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-scan-'));
  hub = await startTestHub();
  const clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
  const r = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody });
  code = r.body.code;
  secret = r.body.secret;
  const pdf = await fetch(`${hub.url}/api/v1/dossiers/${code}/receipt.pdf`, { headers: { authorization: `Bearer ${clerk}` } });
  page1 = await receiptPage(Buffer.from(await pdf.arrayBuffer()), dir);
  browser = await launchChromium();
  kioskToken = await hub.pairDevice('kiosk', 'Kiosk sảnh');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function kiosk(b: Browser, viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const context = await b.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk#device=${kioskToken}`);
  await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `kiosk-scan-${name}.png`) });

describe('camera: frames from the printed receipt', () => {
  const cases: { symbol: Symbol; degrade: Degrade; name: string }[] = [
    { symbol: 'qr', degrade: { rotate: 10 }, name: 'qr-rotated+10' },
    { symbol: 'qr', degrade: { rotate: -10, blur: 1.5 }, name: 'qr-rotated-10-blurred' },
    { symbol: 'qr', degrade: { fade: [40, 78] }, name: 'qr-low-contrast' },
    { symbol: 'code128', degrade: { rotate: 10 }, name: 'code128-rotated+10' },
    { symbol: 'code128', degrade: { rotate: -10 }, name: 'code128-rotated-10' },
    { symbol: 'code128', degrade: { blur: 1.2 }, name: 'code128-blurred' },
    { symbol: 'code128', degrade: { fade: [40, 78] }, name: 'code128-low-contrast' },
  ];
  for (const c of cases) {
    it(`${c.name} → the status screen`, async () => {
      const clip = await toY4m(await cameraFrame(page1, c.symbol, c.degrade, path.join(dir, `${c.name}.png`)), path.join(dir, `${c.name}.y4m`));
      const cam = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
      try {
        const context = await cam.newContext({ viewport: { width: 1080, height: 1920 }, permissions: ['camera'] });
        const page = await context.newPage();
        await page.goto(`${hub.url}/kiosk#device=${kioskToken}`);
        await page.getByRole('heading', { name: 'Đã tiếp nhận' }).waitFor({ timeout: 30_000 });
        await page.getByText(code, { exact: true }).waitFor();
        if (c.symbol === 'qr') {
          // The QR carries the secret: everything, with the name masked.
          await page.getByText('Nguyễn V. A.').waitFor();
          await page.getByText('Đăng ký nhận cha, mẹ, con').waitFor();
        } else {
          // The Code 128 carries the code alone: status, due and step, and a way to prove the receipt is yours.
          await page.getByRole('button', { name: '4 số cuối điện thoại' }).waitFor();
          expect(await page.getByText('Nguyễn V. A.').count()).toBe(0);
        }
        expect(await page.getByText('Nguyễn Văn An').count()).toBe(0);
        if (c.name === 'qr-rotated+10' || c.name === 'code128-rotated+10') await shot(page, `camera-${c.symbol}`);
        await context.close();
      } finally {
        await cam.close();
      }
    });
  }

  it('"Xong" with the receipt still in front of the camera: the start screen stays, no second look-up', async () => {
    const clip = await toY4m(await cameraFrame(page1, 'qr', {}, path.join(dir, 'held.png')), path.join(dir, 'held.y4m'));
    const cam = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
    try {
      const context = await cam.newContext({ viewport: { width: 1080, height: 1920 }, permissions: ['camera'] });
      const page = await context.newPage();
      let lookups = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/v1/kiosk/dossier-lookup')) lookups++;
      });
      await page.goto(`${hub.url}/kiosk#device=${kioskToken}`);
      await page.getByRole('heading', { name: 'Đã tiếp nhận' }).waitFor({ timeout: 30_000 });
      expect(lookups).toBe(1);
      await page.getByRole('button', { name: 'Xong' }).click();
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
      // The camera is back and reading the same receipt: give it well over a second of frames
      // (the rule lets a code back after 10 frames without it), counted by the camera itself.
      // Whichever comes first: those frames, or the status screen coming back (the bug).
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('.camera')?.dataset.frames ?? 0) >= 25 || [...document.querySelectorAll('h1, h2')].some((h) => h.textContent === 'Đã tiếp nhận'),
        undefined,
        { timeout: 30_000 },
      );
      expect(await page.getByRole('heading', { name: 'Đã tiếp nhận' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).count()).toBe(1);
      expect(lookups).toBe(1);
      await shot(page, 'after-done-receipt-held');
      await context.close();
    } finally {
      await cam.close();
    }
  });

  it('the start screen shows the live preview with its target frame', async () => {
    const clip = await toY4m(await cameraFrame(page1, 'qr', { fade: [45, 55] }, path.join(dir, 'unreadable.png')), path.join(dir, 'unreadable.y4m'));
    const cam = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
    try {
      const page = await kiosk(cam);
      await page.locator('.camera--live .camera__frame').waitFor();
      await shot(page, 'start');
    } finally {
      await cam.close();
    }
  });
});

describe('wedge scanner and keypad', () => {
  it('a fast burst ending in Enter is a scan on any screen, and never lands in a field', async () => {
    const page = await kiosk(browser);
    // A field someone left focused (the kiosk has none of its own): the scanner's keys must not reach it.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'intruder';
      input.setAttribute('aria-label', 'intruder');
      document.body.prepend(input);
      input.focus();
    });
    await page.keyboard.type(`MCK1:${code}:${secret}`, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận' }).waitFor();
    await page.getByText('Nguyễn V. A.').waitFor();
    expect(await page.locator('#intruder').inputValue()).toBe('');

    // From the procedures browser too; a Code 128 (the code alone) shows the limited view.
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
    await page.getByRole('heading', { name: 'Thủ tục hành chính' }).waitFor();
    await page.keyboard.type(code, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Mã xác minh trên giấy hẹn' }).waitFor();

    // A person typing slowly is not a scanner: nothing happens.
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await page.keyboard.type(code.slice(0, 8), { delay: 150 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();

    // A barcode that is not ours: a kind message, then back to the start.
    await page.keyboard.type('8935049500155', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đây không phải mã hồ sơ' }).waitFor();
    await shot(page, 'not-ours');
    await page.getByRole('button', { name: 'Về màn hình chính' }).click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await page.context().close();
  });

  it('the keypad: type the code, then the phone’s last 4 digits to see everything', async () => {
    const page = await kiosk(browser);
    await page.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
    const digits = code.split('-').slice(1).join('');
    for (const d of digits) await page.getByRole('group', { name: 'Bàn phím số' }).getByRole('button', { name: d, exact: true }).click();
    expect(await page.getByLabel('Mã hồ sơ đang nhập').textContent()).toBe(code);
    await shot(page, 'code-entry');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận' }).waitFor();
    await shot(page, 'status-limited');
    await page.getByRole('button', { name: '4 số cuối điện thoại' }).click();
    const pad = page.getByRole('group', { name: 'Bàn phím số' });
    for (const d of '0000') await pad.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Xem đầy đủ' }).click();
    await page.getByText('Chưa đúng. Ông/Bà còn 4 lần thử.').waitFor();
    await shot(page, 'verify-wrong');
    await pad.getByRole('button', { name: 'Xóa hết' }).click();
    for (const d of '5678') await pad.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Xem đầy đủ' }).click();
    await page.getByText('Nguyễn V. A.').waitFor();
    await shot(page, 'status-full');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Accepted' }).waitFor();
    await shot(page, 'status-full-en');
    await page.context().close();
  });

  it('an unknown code says so kindly', async () => {
    const page = await kiosk(browser);
    await page.keyboard.type(code.replace(/\d{4}$/, '9999'), { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    await shot(page, 'unknown');
    await page.context().close();
  });
});

describe('procedures browser and kiosk behaviour', () => {
  it('fields → procedures → detail with a QR for the phone; search without diacritics from the on-screen keyboard', async () => {
    const admin = await hub.login();
    expect((await hub.api('PUT', '/admin/kiosk-settings', { token: admin, body: { idleSeconds: 60, procedureBaseUrl: 'https://dichvucong.example.vn/thu-tuc' } })).status).toBe(200);
    const page = await kiosk(browser);
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
    await page.getByRole('button', { name: /Hộ tịch/ }).first().waitFor();
    await shot(page, 'procedures-fields');
    await page.getByRole('button', { name: /Hộ tịch/ }).first().click();
    await page.locator('.procedures__item').first().waitFor();
    await shot(page, 'procedures-list');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    const keys = page.getByRole('group', { name: 'Bàn phím chữ' });
    for (const c of 'DANG KY KHAI SINH') await (c === ' ' ? keys.getByRole('button', { name: 'Dấu cách' }) : keys.getByRole('button', { name: c, exact: true })).click();
    await page.getByRole('button', { name: /^Đăng ký khai sinh/ }).first().waitFor();
    await shot(page, 'procedures-search');
    await page.getByRole('button', { name: /^Đăng ký khai sinh/ }).first().click();
    await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
    await page.getByRole('img', { name: 'Mã QR mở trang thủ tục trên điện thoại' }).locator('svg').waitFor();
    await shot(page, 'procedure-detail');
    await page.context().close();
  });

  it('idle returns to the attract screen and forgets the dossier; large text; landscape', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${hub.url}/kiosk#device=${kioskToken}`);
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await page.keyboard.type(`MCK1:${code}:${secret}`, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByText('Nguyễn V. A.').waitFor();
    await page.getByRole('button', { name: 'Chữ to' }).click();
    await shot(page, 'status-large-text');
    await page.clock.runFor(61_000);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).waitFor();
    expect(await page.getByText('Nguyễn V. A.').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chữ to' }).getAttribute('aria-pressed')).toBe('false');
    await shot(page, 'attract');
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await context.close();

    const wide = await kiosk(browser, { width: 1920, height: 1080 });
    await shot(wide, 'landscape-start');
    await wide.keyboard.type(`MCK1:${code}:${secret}`, { delay: 2 });
    await wide.keyboard.press('Enter');
    await wide.getByText('Nguyễn V. A.').waitFor();
    await shot(wide, 'landscape-status');
    await wide.context().close();
  });

  it('every button on the kiosk screens is at least 64 px', async () => {
    const page = await kiosk(browser);
    const small = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .filter((b) => b.offsetParent !== null)
          .map((b) => ({ name: b.getAttribute('aria-label') ?? b.textContent?.trim(), r: b.getBoundingClientRect() }))
          .filter((x) => x.r.height < 64 || x.r.width < 64)
          .map((x) => `${x.name} ${Math.round(x.r.width)}×${Math.round(x.r.height)}`),
      );
    expect(await small()).toEqual([]);
    await page.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
    expect(await small()).toEqual([]);
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    expect(await small()).toEqual([]);
    await page.context().close();
  });
});

describe('late and incomplete dossiers', () => {
  it('overdue in red with the apology; status 5 lists what is missing and what to bring', async () => {
    let now = Date.parse('2026-11-23T02:00:00Z'); // Monday 09:00 in Hà Nội
    const late = await startTestHub({ clock: () => now });
    try {
      const clerk = await late.login(DEMO.clerk1[0], DEMO.clerk1[1]);
      const a = (await late.api('POST', '/dossiers', { token: clerk, body: dossierBody })).body;
      const b = (await late.api('POST', '/dossiers', { token: clerk, body: dossierBody })).body;
      expect((await late.api('POST', `/dossiers/${b.code}/supplement-request`, { token: clerk, body: { items: ['Bản sao Giấy chứng nhận kết hôn của cha, mẹ', 'Ảnh 4×6 của người con'], reason: 'Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con' } })).status).toBe(200);
      now += 8 * 86_400_000; // past the 3 working days
      const token = await late.pairDevice('kiosk', 'Kiosk trễ hạn');
      const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
      await page.goto(`${late.url}/kiosk#device=${token}`);
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
      await page.keyboard.type(`MCK1:${a.code}:${a.secret}`, { delay: 2 });
      await page.keyboard.press('Enter');
      await page.getByText('Quá hạn', { exact: true }).waitFor();
      await page.getByRole('alert').getByText(/thành thật xin lỗi/).waitFor();
      expect(await page.locator('.due-block--overdue').count()).toBe(1);
      await shot(page, 'status-overdue');
      await page.getByRole('button', { name: 'Xong' }).click();
      await page.keyboard.type(`MCK1:${b.code}:${b.secret}`, { delay: 2 });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Hồ sơ cần bổ sung' }).waitFor();
      await page.getByText('Ảnh 4×6 của người con').waitFor();
      await page.getByText('Mời Ông/Bà mang các giấy tờ trên cùng giấy hẹn đến quầy.').waitFor();
      await shot(page, 'status-supplement');
      await page.context().close();
    } finally {
      await late.close();
    }
  });
});
