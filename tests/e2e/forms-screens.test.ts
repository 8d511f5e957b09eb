import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { installRecordingBridge, launchChromium } from '../helpers/browser';
import { dossierBody } from '../helpers/sync';

/**
 * The forms at the counter (05 and 06, the stop with its reason, the fee awaiting
 * confirmation) and the form header + fee account in /admin, in Vietnamese and
 * English at 1920×1080, with screenshots under test-results/forms/.
 */
let hub: TestHub;
let browser: Browser;
const clock = fakeClock('2026-11-23T02:00:00Z');
const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', 'forms', `${name}.png`) });

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now, sync: { autoStart: false } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function counterPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await installRecordingBridge(context, 'counter');
  const page = await context.newPage();
  await page.goto(`${hub.url}/counter`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Mở Quầy 1/ }).click();
  await page.getByRole('button', { name: 'Hồ sơ', exact: true }).click();
  return page;
}

describe('forms at the counter and in /admin', () => {
  it('the counter stops a dossier with its reason and prints form 05; the fee waits for confirmation', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    const d = (await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody({ feeCollected: 50_000 }) })).body;
    const page = await counterPage();
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').fill(d.code);
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').press('Enter');
    await page.getByText('Phí, lệ phí chuyển khoản: chờ xác nhận').waitFor();
    await page.getByRole('button', { name: 'In phiếu kiểm soát quá trình giải quyết (Mẫu 06)' }).waitFor();
    await shot(page, 'counter-forms-vi');
    await page.getByRole('button', { name: 'Dừng giải quyết hồ sơ (Mẫu 05)' }).click();
    await page.getByLabel('Lý do dừng giải quyết (in trên thông báo)').fill('Ông/Bà có đơn đề nghị dừng thực hiện thủ tục.');
    await shot(page, 'counter-stop-dialog-vi');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length)).toBe(1);
    await page.getByRole('button', { name: 'In thông báo dừng giải quyết (Mẫu 05)' }).waitFor();
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.status).toBe(8);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Print the stop notice (form 05)' }).waitFor();
    await page.getByText('Fee by transfer: awaiting confirmation').waitFor();
    await shot(page, 'counter-forms-en');
    await page.context().close();
  });

  it('/admin → Office: the form header and the fee account; a bad BIN is shown at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: /^Văn phòng/ }).click();
    await expect.poll(() => page.getByLabel('Cơ quan chủ quản').inputValue()).toBe('Ủy ban nhân dân phường Ba Đình');
    await page.getByLabel('Mã ngân hàng (BIN NAPAS, 6 chữ số)').fill('9704');
    await page.getByLabel('Số tài khoản nhận').fill('0011004567890');
    await page.getByLabel('Tên tài khoản').fill('TRUNG TAM PHUC VU HANH CHINH CONG');
    await page.getByRole('button', { name: 'Lưu tiêu đề và tài khoản' }).click();
    await page.getByText(/6 digits|6 chữ số/).nth(1).waitFor();
    await page.getByLabel('Cơ quan chủ quản').scrollIntoViewIfNeeded();
    await shot(page, 'admin-forms-error-vi');
    await page.getByLabel('Mã ngân hàng (BIN NAPAS, 6 chữ số)').fill('970436');
    await page.getByRole('button', { name: 'Lưu tiêu đề và tài khoản' }).click();
    await expect.poll(async () => (await hub.api('GET', '/admin/form-settings', { token: await hub.login() })).body.feeAccount.bankBin).toBe('970436');
    await shot(page, 'admin-forms-vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Parent agency').waitFor();
    await page.getByLabel('Parent agency').scrollIntoViewIfNeeded();
    await shot(page, 'admin-forms-en');
    await context.close();
  });
});
