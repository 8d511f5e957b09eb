import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * LAN mode in Chromium: a demo PIN at the shared login screen (counter and
 * admin) leads to the change-PIN form with its explanation, in Vietnamese and
 * English; the screen works once the PIN is changed. The hub is told it is in
 * LAN mode while it binds 127.0.0.1 (tests target loopback only).
 */
let hub: TestHub;
let browser: Browser;
const SHOTS = 'test-results';

beforeAll(async () => {
  hub = await startTestHub({ lanMode: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function loginAt(route: string, user: readonly [string, string]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}${route}`);
  await page.getByLabel('Tên đăng nhập').fill(user[0]);
  await page.getByLabel('Mã PIN').fill(user[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `pin-change-${name}.png`) });

describe('LAN mode: the change-PIN screen', () => {
  it('admin: explains why, refuses a demo PIN, then opens the admin screen', async () => {
    const page = await loginAt('/admin', DEMO.admin);
    await page.getByRole('heading', { name: 'Đổi mã PIN trước khi làm việc' }).waitFor();
    await expect.poll(() => page.getByText('chế độ mạng LAN').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('mã PIN mẫu in trong tài liệu hướng dẫn cài đặt (README)').isVisible()).toBe(true);
    await shot(page, 'admin-vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Change your PIN before you start' }).waitFor();
    await shot(page, 'admin-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // A demo PIN is refused on the page, before the hub is asked.
    await page.getByLabel('Mã PIN mới (4–8 chữ số)').fill('111111');
    await page.getByLabel('Nhập lại mã PIN mới').fill('111111');
    await page.getByRole('button', { name: 'Đổi mã PIN' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không được dùng mã PIN mẫu');
    await page.getByLabel('Mã PIN mới (4–8 chữ số)').fill('864209');
    await page.getByLabel('Nhập lại mã PIN mới').fill('864208');
    await page.getByRole('button', { name: 'Đổi mã PIN' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Hai lần nhập mã PIN mới không giống nhau.');
    expect(hub.query("SELECT id FROM audit_log WHERE action = 'auth.pin_changed'")).toEqual([]);

    await page.getByLabel('Nhập lại mã PIN mới').fill('864209');
    await page.getByRole('button', { name: 'Đổi mã PIN' }).click();
    await page.getByRole('tab', { name: /^Cán bộ/ }).waitFor();
    expect(hub.query("SELECT actor_name FROM audit_log WHERE action = 'auth.pin_changed'")).toEqual([{ actor_name: 'admin' }]);
    await page.context().close();
  });

  it('counter: the same form in English, then the counter list', async () => {
    const page = await loginAt('/counter', DEMO.clerk1);
    await page.getByRole('heading', { name: 'Đổi mã PIN trước khi làm việc' }).waitFor();
    await shot(page, 'counter-vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Change your PIN before you start' }).waitFor();
    await expect.poll(() => page.getByText('LAN mode').isVisible()).toBe(true);
    await shot(page, 'counter-en');

    await page.getByLabel('New PIN (4–8 digits)').fill('5317');
    await page.getByLabel('Type the new PIN again').fill('5317');
    await page.getByRole('button', { name: 'Change PIN' }).click();
    await page.getByRole('button', { name: /^Open counter 1 / }).waitFor();
    await page.context().close();
  });

  it('a clerk at /admin is refused before any PIN change; logging out from the form returns to the login', async () => {
    const page = await loginAt('/admin', DEMO.clerk2);
    // canbo2 is a clerk: the admin screen refuses it before any PIN change.
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tài khoản này không có quyền quản trị.');
    await page.context().close();

    const counter = await loginAt('/counter', DEMO.clerk2);
    await counter.getByRole('button', { name: 'English' }).click();
    await counter.getByRole('heading', { name: 'Change your PIN before you start' }).waitFor();
    await counter.getByRole('button', { name: 'Log out' }).click();
    await counter.getByRole('button', { name: 'Sign in' }).waitFor();
    await counter.context().close();
  });
});
