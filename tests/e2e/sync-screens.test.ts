import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody } from '../helpers/sync';

let hub: TestHub;
let district: TestDistrict;
let browser: Browser;
beforeAll(async () => {
  district = await startTestDistrict();
  // Pushes go at once (on every insert); the pull timer is long so the refused change below is refused by the district, not prevented locally.
  hub = await startTestHub({ sync: { pushIntervalMs: 500, pullIntervalMs: 120_000, backoff: { baseMs: 100, maxMs: 500 } } });
  browser = await launchChromium();
  fs.mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await district?.close();
});

describe('sync on screen', () => {
  it('the admin enrols the hub in /admin, sees the figures and a refused change; the counter shows the indicator', async () => {
    const admin = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await admin.goto(`${hub.url}/admin`);
    await admin.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
    await admin.getByLabel('Mã PIN').fill(DEMO.admin[1]);
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.getByRole('tab', { name: /^Kết nối cấp trên/ }).click();
    await admin.getByRole('heading', { name: 'Đăng ký với máy chủ cấp trên' }).waitFor();

    // A wrong code: the hub's message next to the field, nothing enrolled.
    await admin.getByLabel('Địa chỉ máy chủ').fill(district.url);
    await admin.getByLabel('Mã đăng ký').fill('SAIMA123');
    await admin.getByRole('button', { name: 'Đăng ký' }).click();
    await admin.screenshot({ path: 'test-results/sync-admin-wrong-code.png' });
    await admin.getByText(/mã không đúng, đã dùng hoặc đã hết hạn/).first().waitFor();
    expect((await hub.api('GET', '/sync/status', { token: await hub.login() })).body.enrolled).toBe(false);

    await admin.getByLabel('Mã đăng ký').fill(await district.enrolmentCode());
    await admin.getByRole('button', { name: 'Đăng ký' }).click();
    await admin.getByRole('button', { name: 'Đồng bộ ngay' }).waitFor();
    await admin.getByText('Phường Ba Đình').waitFor();

    // A change the district refuses: it shows in the list, with the district's reason.
    const clerk = await hub.login(...DEMO.clerk1);
    const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    await expect.poll(async () => (await district.db.query('SELECT 1 FROM dossiers WHERE code = $1', [reg.body.code])).rows.length, { timeout: 15_000 }).toBe(1);
    await district.backOffice('POST', `/back-office/dossiers/${reg.body.code}/move`, { status: 'refused', note: 'Sai thẩm quyền' });
    await hub.api('POST', `/dossiers/${reg.body.code}/supplement-request`, { token: clerk, body: { items: ['Bản sao'], reason: 'Thiếu' } });
    await admin.getByRole('cell', { name: reg.body.code, exact: true }).waitFor({ timeout: 15_000 });
    await admin.getByText('1 thay đổi bị từ chối').first().waitFor();
    await admin.screenshot({ path: 'test-results/sync-admin.png' });

    const counter = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await counter.goto(`${hub.url}/counter`);
    await counter.getByLabel('Tên đăng nhập').fill(DEMO.clerk2[0]);
    await counter.getByLabel('Mã PIN').fill(DEMO.clerk2[1]);
    await counter.getByRole('button', { name: 'Đăng nhập' }).click();
    await counter.getByRole('button', { name: /Mở Quầy 3/ }).click();
    const indicator = counter.getByRole('status', { name: /Đồng bộ với cấp trên/ });
    await indicator.waitFor();
    await expect.poll(async () => indicator.textContent()).toMatch(/bị từ chối/);
    await counter.screenshot({ path: 'test-results/sync-counter.png' });

    // Resolved in /admin: the counter goes back to "in sync"; English is complete.
    await admin.getByRole('button', { name: `Đánh dấu đã xử lý: ${reg.body.code}` }).click();
    await expect.poll(async () => indicator.textContent(), { timeout: 20_000 }).toMatch(/Đã đồng bộ/);
    await admin.getByRole('button', { name: 'English' }).click().catch(() => undefined);
    await admin.screenshot({ path: 'test-results/sync-admin-en.png' });
    await admin.context().close();
    await counter.context().close();
  });
});
