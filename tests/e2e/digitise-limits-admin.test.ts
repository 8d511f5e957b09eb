import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

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

describe('the digitising limits form in /admin', () => {
  it('shows the limits in MB and pages, saves a change, in Vietnamese and English', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: /^Văn phòng/ }).click();
    const section = page.getByRole('form', { name: 'Giới hạn tệp số hóa' });
    const mb = section.getByLabel('Dung lượng tối đa một tệp (MB)');
    await expect.poll(() => mb.inputValue()).toBe('20');
    await section.getByLabel('Số trang tối đa một giấy tờ').fill('30');
    await section.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => hub.query("SELECT value FROM settings WHERE key = 'digitising'")).toEqual([{ value: JSON.stringify({ maxFileBytes: 20 * 1024 * 1024, maxPages: 30 }) }]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/admin-digitising-limits-vi.png' });
    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('form', { name: 'Digitising file limits' });
    await expect.poll(() => en.getByLabel('Most pages in one document').inputValue()).toBe('30');
    await en.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/admin-digitising-limits-en.png' });
    await context.close();
  });
});
