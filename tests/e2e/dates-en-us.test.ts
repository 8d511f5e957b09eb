import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { installRecordingBridge, launchChromium } from '../helpers/browser';

/**
 * The clerk's and the supervisor's dates in a Chromium started in American English
 * (--lang=en-US, context locale en-US, a New York time zone), as on the English
 * Windows PCs offices use: every date shows and is typed as dd/mm/yyyy, in
 * Vietnamese and in English, and none of the screens has a native date input
 * (which would follow the browser and show mm/dd/yyyy). Also: lateness in working
 * time at the counter, the overdue count on its alert strip, and audit times.
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-23T08:00:00')); // Monday
let hub: TestHub;
let browser: Browser;
let late: string;
let kioskToken: string;
const shot = (name: string) => path.resolve('test-results', 'screens', `${name}.png`);

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium(['--lang=en-US']);
  const clerk = await hub.login(...DEMO.clerk1);
  const body = (procedureCode: string) => ({
    procedureCode,
    applicant: { fullName: 'Phạm Thị Hương', idType: 'cccd', idNumber: '001190012345', phone: '0912345678', address: 'Số 2 phố Kim Mã, Hà Nội' },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 2, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
  });
  const r = await hub.api('POST', '/dossiers', { token: clerk, body: body('1.001193') }); // same day: due Monday 17:00
  expect(r.status).toBe(200);
  late = r.body.code;
  kioskToken = await hub.pairDevice('kiosk', 'Kiosk sảnh'); // audits a pairing code that expires at 08:10
  clock.set(vn('2026-11-24T09:00:00')); // Tuesday 09:00: 2 working hours late
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function open(url: string, user: readonly [string, string], extra?: (c: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', timezoneId: 'America/New_York' });
  await extra?.(context);
  const page = await context.newPage();
  await page.goto(`${hub.url}${url}`);
  await page.getByLabel('Tên đăng nhập').fill(user[0]);
  await page.getByLabel('Mã PIN').fill(user[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}
const noNativeDates = (page: Page) => page.locator('input[type="date"], input[type="datetime-local"]').count();

describe('dates in a Chromium started in en-US', () => {
  it('the browser really is American: a native date input would read mm/dd/yyyy', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    expect(await page.evaluate(() => [navigator.language, new Date(Date.UTC(2026, 11, 4, 12)).toLocaleDateString()])).toEqual(['en-US', '12/4/2026']);
    await context.close();
  });

  it('the dashboard range shows and accepts dd/mm/yyyy, and refuses a date that does not exist', async () => {
    const page = await open('/admin', DEMO.admin);
    await page.getByRole('tab', { name: /^Tổng hợp/ }).click();
    const from = page.getByRole('textbox', { name: 'Từ ngày' });
    const to = page.getByRole('textbox', { name: 'Đến ngày' });
    await expect.poll(() => from.inputValue()).toBe('24/11/2026');
    expect(await to.inputValue()).toBe('24/11/2026');
    expect(await noNativeDates(page)).toBe(0);
    // Typed as a clerk types it: digits only, the slashes come by themselves.
    await from.fill('');
    await from.pressSequentially('23112026');
    expect(await from.inputValue()).toBe('23/11/2026');
    const asked = page.waitForRequest((r) => r.url().includes('/supervisor/figures?'));
    await page.getByRole('button', { name: 'Xem' }).click();
    expect(new URL((await asked).url()).searchParams.get('from')).toBe('2026-11-23');
    await expect.poll(() => page.locator('.kpi', { hasText: 'Hồ sơ tiếp nhận' }).locator('.kpi__value').textContent()).toBe('1');
    // The overdue list: dates dd/mm/yyyy, lateness in working time.
    const row = page.locator('.overdue__table tbody tr').first();
    expect(await row.locator('td').nth(5).textContent()).toBe('23/11/2026 17:00');
    expect(await row.locator('td').nth(6).textContent()).toBe('Trễ 2 giờ làm việc');
    // 31/02 does not exist: said under the field, and the form is not sent.
    await to.fill('31/02/2026');
    await to.blur();
    await expect.poll(() => page.locator('.dashboard__range .field__error').textContent()).toContain('Ngày không hợp lệ');
    let sent = false;
    page.on('request', (r) => {
      if (r.url().includes('/supervisor/figures?') && r.url().includes('2026-02-31')) sent = true;
    });
    await page.getByRole('button', { name: 'Xem' }).click();
    expect(await to.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
    expect(sent).toBe(false);
    await page.screenshot({ path: shot('dates-dashboard-vi') });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.dashboard__range .field__error').textContent()).toContain('Not a date');
    const toEn = page.getByRole('textbox', { name: 'To', exact: false });
    expect(await toEn.inputValue()).toBe('31/02/2026');
    await toEn.fill('24/11/2026');
    await toEn.blur();
    expect(await page.locator('.overdue__table tbody tr').first().locator('td').nth(6).textContent()).toBe('2 hours late (working time)');
    await page.screenshot({ path: shot('dates-dashboard-en') });
    await page.context().close();
  });

  it('the audit filters take dd/mm/yyyy, and a pairing code\'s expiresAt reads as a time', async () => {
    const page = await open('/admin', DEMO.admin);
    await page.getByRole('tab', { name: /^Nhật ký/ }).click();
    expect(await noNativeDates(page)).toBe(0);
    await page.getByRole('textbox', { name: 'Từ ngày' }).fill('23/11/2026');
    await page.getByRole('textbox', { name: 'Đến ngày' }).fill('23/11/2026');
    const asked = page.waitForRequest((r) => r.url().includes('/admin/audit?') && r.url().includes('from='));
    await page.locator('.audit-filter').getByRole('button', { name: 'Lọc', exact: true }).click();
    const q = new URL((await asked).url()).searchParams;
    expect(Number(q.get('from'))).toBe(Date.parse(vn('2026-11-23T00:00:00')));
    expect(Number(q.get('to'))).toBe(Date.parse(vn('2026-11-24T00:00:00')));
    const pairing = page.locator('tr[data-action="device.pairing_code"]');
    await pairing.waitFor();
    const detail = await pairing.locator('.audit-detail').textContent();
    expect(detail).toContain('expiresAt: 23/11/2026 08:10');
    expect(detail).not.toMatch(/\d{13}/);
    expect(await pairing.locator('td').first().textContent()).toBe('23/11/2026 08:00');
    await page.screenshot({ path: shot('dates-audit-vi') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('textbox', { name: 'From' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'From' }).inputValue()).toBe('23/11/2026');
    await page.screenshot({ path: shot('dates-audit-en') });
    await page.context().close();
  });

  it('the calendar admin adds a day typed dd/mm/yyyy and lists it so', async () => {
    const page = await open('/admin', DEMO.admin);
    await page.getByRole('tab', { name: /^Lịch làm việc/ }).click();
    expect(await noNativeDates(page)).toBe(0);
    const form = page.locator('form[aria-labelledby="calendar-add-title"]');
    await form.getByRole('textbox', { name: 'Ngày', exact: true }).fill('28/12/2026');
    await form.getByLabel('Tên (tiếng Việt)').fill('Nghỉ bù');
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await page.locator('td', { hasText: '28/12/2026' }).first().waitFor();
    expect(hub.query("SELECT date FROM calendar_days WHERE date = '2026-12-28'")).toHaveLength(1);
    // A date that is not one is refused at the field; nothing is stored.
    await form.getByRole('textbox', { name: 'Ngày', exact: true }).fill('29/13/2026');
    await form.getByLabel('Tên (tiếng Việt)').fill('Sai');
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await expect.poll(() => form.locator('.field__error').first().textContent()).toContain('Ngày không hợp lệ');
    expect(hub.query("SELECT date FROM calendar_days WHERE name_vi = 'Sai'")).toHaveLength(0);
    await page.screenshot({ path: shot('dates-calendar-vi') });
    await page.context().close();
  });

  it('the kiosk says how late in the same words (code and phone digits typed), portrait and landscape, both languages', async () => {
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
      const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York' });
      const page = await context.newPage();
      await page.goto(`${hub.url}/kiosk#device=${kioskToken}`);
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
      // The on-screen keypad (a scanner's burst is judged by its speed, which a loaded test machine can spoil).
      await page.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
      const pad = page.getByRole('group', { name: 'Bàn phím số' });
      for (const d of late.split('-').slice(1).join('')) await pad.getByRole('button', { name: d, exact: true }).click();
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await page.getByRole('button', { name: '4 số cuối điện thoại' }).click();
      for (const d of '5678') await pad.getByRole('button', { name: d, exact: true }).click();
      await page.getByRole('button', { name: 'Xem đầy đủ' }).click();
      await expect.poll(() => page.locator('.due-block__left').textContent()).toBe('Trễ 2 giờ làm việc');
      expect(await page.locator('.due-block__value').textContent()).toBe('17 giờ 00 phút, ngày 23/11/2026');
      await page.screenshot({ path: shot(`dates-kiosk-${viewport.width}x${viewport.height}-vi`) });
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('.due-block__left').textContent()).toBe('2 hours late (working time)');
      await page.screenshot({ path: shot(`dates-kiosk-${viewport.width}x${viewport.height}-en`) });
      await context.close();
    }
  });

  it('the counter: due dates dd/mm/yyyy, lateness in working time, the overdue count on the strip, a new appointment typed dd/mm/yyyy', async () => {
    const page = await open('/counter', DEMO.clerk1, (c) => installRecordingBridge(c, 'counter'));
    await page.getByRole('button', { name: /Mở Quầy 1/ }).click();
    await expect.poll(() => page.locator('.alerts__item--overdue').textContent()).toContain('1 hồ sơ đang quá hạn');
    const red = await page.locator('.alerts__item--overdue').evaluate((el) => getComputedStyle(el).color);
    expect(red).toBe('rgb(134, 16, 26)');
    await page.getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').fill(late);
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').press('Enter');
    await expect.poll(() => page.locator('.dossier__remaining').textContent()).toBe('Trễ 2 giờ làm việc');
    expect(await page.getByText('17 giờ 00 phút, ngày 23/11/2026').count()).toBeGreaterThan(0);
    expect(await page.getByText('1 bản chính · 2 bản sao chứng thực · 0 bản photo').count()).toBe(1);
    await page.screenshot({ path: shot('dates-counter-vi') });
    await page.getByRole('button', { name: 'Hẹn lại ngày trả (xin lỗi)' }).click();
    expect(await noNativeDates(page)).toBe(0);
    const date = page.getByLabel('Ngày giờ hẹn trả mới');
    const time = page.getByLabel('Giờ (HH:mm)');
    await date.fill('32/11/2026');
    await time.fill('10:00');
    await page.getByLabel('Lý do trễ hẹn').fill('Cần xác minh thêm.');
    await page.getByRole('button', { name: 'Hẹn lại và in phiếu xin lỗi' }).click();
    await expect.poll(() => page.locator('.modal .field__error').first().textContent()).toContain('Ngày không hợp lệ');
    await page.screenshot({ path: shot('dates-apology-invalid-vi') });
    const clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('GET', `/dossiers/${late}`, { token: clerk })).body.dueStatus).toBe('overdue');
    // The date typed dd/mm/yyyy reaches the hub as 26 November 10:00, office time. The dossier is
    // already late, so the extension itself is refused (Nghị định 118/2025 Điều 19 khoản 6: at least a
    // day before the due date) and the dialog says so; nothing changes.
    await date.fill('26/11/2026');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/dossiers/${late}/apology`));
    await page.getByRole('button', { name: 'Hẹn lại và in phiếu xin lỗi' }).click();
    expect(JSON.parse((await sent).postData() ?? '{}').newDueAt).toBe(Date.parse(vn('2026-11-26T10:00:00')));
    await expect.poll(() => page.locator('.modal').textContent()).toContain('chậm nhất 01 ngày trước ngày hết hạn');
    expect((await hub.api('GET', `/dossiers/${late}`, { token: clerk })).body.dueAt).toBe(Date.parse(vn('2026-11-23T17:00:00')));
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.dossier__remaining').textContent()).toMatch(/late \(working time\)$/);
    expect(await page.getByText('17:00 on 23/11/2026').count()).toBeGreaterThan(0);
    expect(await page.getByText('1 original · 2 certified copies · 0 photocopies').count()).toBe(1);
    await page.screenshot({ path: shot('dates-counter-en') });
    await page.context().close();
  });
});
