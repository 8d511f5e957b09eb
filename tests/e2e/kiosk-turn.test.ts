import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * What the kiosk's ticket screen tells a citizen about their turn, from the
 * call rule itself: a priority ticket behind three normal tickets that the
 * interleave (3, the default) still owes their turn is told so, and a service
 * no open counter serves says that instead of a number. Portrait and landscape,
 * Vietnamese and English, screenshots.
 */
let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  // Counter 2 (service A only) is open; nobody sits at counters 1 and 5, the ones of service E.
  await hub.api('POST', '/counters/2/open', { token: await hub.login(...DEMO.clerk1) });
  const kiosk = await hub.pairDevice('kiosk');
  for (let i = 0; i < 3; i++) await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function shots(page: Page, name: string) {
  for (const [w, h] of [[1080, 1920], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1080, height: 1920 });
}

describe("the kiosk's people ahead", () => {
  it('a priority ticket is told the normal tickets called before it; a service with no open counter says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = await context.newPage();
    await kiosk.goto(`${hub.url}/kiosk#device=${await hub.pairDevice('kiosk', 'Kiosk sảnh')}`);

    for (const lang of ['vi', 'en'] as const) {
      const w =
        lang === 'vi'
          ? { priority: 'Dành cho người được ưu tiên', elderly: 'Người cao tuổi', a: /Tư pháp – Hộ tịch/, e: /Chứng thực/, done: 'Xong' }
          : { priority: /priority/i, elderly: 'Older person', a: /Justice and civil status/, e: /Authentication of copies/, done: 'Done' };
      if (lang === 'en') await kiosk.getByRole('button', { name: 'English' }).click();
      await kiosk.getByRole('button', { name: w.priority }).first().click();
      await kiosk.getByRole('button', { name: w.elderly }).click();
      await kiosk.getByRole('button', { name: w.a }).click();
      // vi: A001–A003 first, then A004 (this one). en: A001–A003 and A004 first, then A005 (this one).
      const expected =
        lang === 'vi'
          ? ['Số người chờ trước Ông/Bà: 3', 'Thời gian chờ dự kiến: khoảng 15 phút']
          : ['4 people ahead of you', 'Estimated wait: about 20 minutes'];
      for (const text of expected) await kiosk.getByText(text, { exact: true }).waitFor();
      expect(await kiosk.getByText(lang === 'vi' ? 'Ông/Bà là người tiếp theo' : 'You are next').count()).toBe(0);
      await shots(kiosk, `kiosk-turn-priority-${lang}`);
      await kiosk.getByRole('button', { name: w.done }).click();

      await kiosk.getByRole('button', { name: w.e }).click();
      await kiosk.getByText(lang === 'vi' ? 'Chưa có quầy nào đang phục vụ dịch vụ này' : 'No counter is serving this service at the moment', { exact: true }).waitFor();
      expect(await kiosk.getByText(lang === 'vi' ? /Số người chờ|Thời gian chờ/ : /ahead of you|Estimated wait/).count()).toBe(0);
      await shots(kiosk, `kiosk-turn-nocounter-${lang}`);
      await kiosk.getByRole('button', { name: w.done }).click();
    }
    expect(hub.query("SELECT number, priority FROM tickets WHERE priority IS NOT NULL ORDER BY id")).toEqual([
      { number: 'A004', priority: 'elderly' },
      { number: 'A005', priority: 'elderly' },
    ]);
    await context.close();
  });
});
