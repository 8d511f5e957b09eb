import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/** Checks every screen against the kiosk and accessibility rules of CHECKLISTS.md and DESIGN.md §4. */
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

async function open(route: string, viewport: { width: number; height: number }, token?: string): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${hub.url}${route}${token ? `#device=${token}` : ''}`);
  return page;
}

const INTERACTIVE = /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|spinbutton|switch|slider|menuitem)\b(?!\s+")/;

/** Every interactive control in the accessibility tree has a name (the visible label or aria-label). */
async function expectAllNamed(page: Page, where: string) {
  const tree = await page.locator('body').ariaSnapshot();
  const unnamed = tree.split('\n').filter((line) => INTERACTIVE.test(line));
  expect(unnamed, `${where}: controls without an accessible name`).toEqual([]);
  expect(tree).toMatch(/- (button|textbox|tab)/);
}

/** Touch targets on the kiosk are at least 64 px each way. */
async function expectTouchTargets(page: Page, where: string) {
  const small = await page.locator('button:visible, a[href]:visible, input:visible').evaluateAll((els) =>
    els
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 64 || r.height < 64)
      .map(({ el, r }) => `${el.tagName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small, `${where}: touch targets under 64 px`).toEqual([]);
}

describe('every screen', () => {
  it('the kiosk: named controls and 64 px touch targets on each step', async () => {
    const kiosk = await open('/kiosk', { width: 1080, height: 1920 }, await hub.pairDevice('kiosk'));
    await kiosk.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).waitFor();
    await expectAllNamed(kiosk, 'kiosk start');
    await expectTouchTargets(kiosk, 'kiosk start');
    await kiosk.getByRole('button', { name: 'Dành cho người được ưu tiên' }).click();
    await kiosk.getByRole('button', { name: 'Người cao tuổi' }).waitFor();
    await expectAllNamed(kiosk, 'kiosk priority');
    await expectTouchTargets(kiosk, 'kiosk priority');
    await kiosk.getByRole('button', { name: 'Người cao tuổi' }).click();
    await kiosk.getByRole('button', { name: /Chứng thực/ }).click();
    await kiosk.getByRole('button', { name: 'Xong' }).waitFor();
    expect(hub.query("SELECT priority FROM tickets ORDER BY id DESC LIMIT 1")[0]).toEqual({ priority: 'elderly' });
    await expectAllNamed(kiosk, 'kiosk ticket');
    await expectTouchTargets(kiosk, 'kiosk ticket');
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).waitFor();
    // Landscape kiosks too.
    await kiosk.setViewportSize({ width: 1920, height: 1080 });
    await expectTouchTargets(kiosk, 'kiosk start, landscape');
    await kiosk.context().close();
  });

  it('the counter, the display and every admin tab: named controls', async () => {
    const counter = await open('/counter', { width: 1920, height: 1080 });
    await expectAllNamed(counter, 'counter login');
    await counter.getByLabel('Tên đăng nhập').fill(DEMO.clerk2[0]);
    await counter.getByLabel('Mã PIN').fill(DEMO.clerk2[1]);
    await counter.getByRole('button', { name: 'Đăng nhập' }).click();
    await counter.getByRole('button', { name: /Mở Quầy 3/ }).click();
    await counter.getByRole('button', { name: /Gọi số tiếp theo/ }).waitFor();
    await expectAllNamed(counter, 'counter');
    await counter.context().close();

    const display = await open('/display', { width: 1920, height: 1080 }, await hub.pairDevice('display'));
    await display.getByText('Quầy 1').first().waitFor();
    await expectAllNamed(display, 'display');
    await display.context().close();

    const admin = await open('/admin', { width: 1920, height: 1080 });
    await admin.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
    await admin.getByLabel('Mã PIN').fill(DEMO.admin[1]);
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    for (const tab of ['Văn phòng', 'Hàng đợi', 'Lịch làm việc', 'Dịch vụ', 'Quầy', 'Cán bộ', 'Thiết bị']) {
      await admin.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await admin.getByRole('heading', { name: tab, level: 1 }).waitFor();
      await expectAllNamed(admin, `admin ${tab}`);
    }
    await admin.context().close();
  });

  it('the display chimes on every call without a tap when autoplay is allowed (as in the desktop app)', async () => {
    // The desktop app's display window allows autoplay; the same Chromium switch does it here.
    const autoplay = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    try {
      const context = await autoplay.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.addInitScript(() => {
        const w = window as unknown as { __tones: number };
        w.__tones = 0;
        const original = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function (this: AudioContext) {
          w.__tones++;
          return original.call(this);
        };
      });
      const display = await context.newPage();
      await display.goto(`${hub.url}/display#device=${await hub.pairDevice('display', 'TV chime')}`);
      await display.getByText('Quầy 1').first().waitFor();
      expect(await display.getByRole('button', { name: /Chạm để bật âm thanh/ }).count()).toBe(0);
      const tones = () => display.evaluate(() => (window as unknown as { __tones: number }).__tones);
      const before = await tones();
      const kiosk = await hub.pairDevice('kiosk');
      await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 4 } });
      const clerk = await hub.login(...DEMO.clerk1);
      await hub.api('POST', '/counters/4/open', { token: clerk });
      await hub.api('POST', '/counters/4/call-next', { token: clerk });
      await expect.poll(tones).toBeGreaterThan(before);
      const afterFirst = await tones();
      const current = (await hub.api('GET', '/counters/4/state', { token: clerk })).body.current;
      await hub.api('POST', `/tickets/${current.id}/recall`, { token: clerk });
      // The recall's chime waits until the first call has been spoken (one call at a time).
      await expect.poll(tones, { timeout: 20_000 }).toBeGreaterThan(afterFirst);
      await context.close();
    } finally {
      await autoplay.close();
    }
  });
});
