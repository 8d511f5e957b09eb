import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callClips } from '../../src/shared/domain';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub();
  // The desktop app's display window allows autoplay; this Chromium switch does the same.
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

interface Heard {
  clip: string;
  /** Counter numbers whose row was marked as being spoken when the clip started. */
  speakingRows: string[];
  hotRows: string[];
}

describe('voice calls on the display', () => {
  it('speaks each call after the chime, one call after the other, with the row highlighted while it is spoken', async () => {
    const admin = await hub.login();
    expect((await hub.api('PUT', '/admin/voice-settings', { token: admin, body: { enabled: true, language: 'vi', volume: 70, repeat: 1, chime: true } })).status).toBe(200);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(() => {
      const heard: Heard[] = [];
      Object.defineProperty(window, '__heard', { value: heard });
      window.addEventListener('motcua:voice-clip', (e) => {
        const rows = (sel: string) => [...document.querySelectorAll(sel)].map((r) => r.querySelector('.display-counter__no')?.textContent ?? '');
        heard.push({ clip: (e as CustomEvent<string>).detail, speakingRows: rows('tr[data-speaking="true"]'), hotRows: rows('tr.is-hot') });
      });
    });
    const display = await context.newPage();
    await display.goto(`${hub.url}/display#device=${await hub.pairDevice('display', 'TV giọng đọc')}`);
    await display.getByText('Quầy 1').first().waitFor();
    expect(await display.getByRole('button', { name: /Chạm để bật âm thanh/ }).count()).toBe(0);

    // Two clerks call at once: the second call waits for the first to be spoken.
    const kiosk = await hub.pairDevice('kiosk');
    const a = (await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 4 } })).body.ticket.number;
    const b = (await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } })).body.ticket.number;
    const clerk1 = await hub.login(...DEMO.clerk1);
    const clerk2 = await hub.login(...DEMO.clerk2);
    await hub.api('POST', '/counters/4/open', { token: clerk1 });
    await hub.api('POST', '/counters/1/open', { token: clerk2 });
    await Promise.all([hub.api('POST', '/counters/4/call-next', { token: clerk1 }), hub.api('POST', '/counters/1/call-next', { token: clerk2 })]);
    const counterOf = { [a]: 4, [b]: 1 } as Record<string, number>;

    const heard = () => display.evaluate(() => (window as unknown as { __heard: Heard[] }).__heard);
    const first = callClips(a, 4, 'vi');
    const second = callClips(b, 1, 'vi');
    await expect.poll(async () => (await heard()).length, { timeout: 40_000, interval: 250 }).toBe(first.length + second.length);
    const log = await heard();
    // Whichever call reached the display first is spoken whole before the other begins.
    const aFirst = log.slice(0, first.length).map((h) => h.clip).join() === first.join();
    const firstNumber = aFirst ? a : b;
    const order = aFirst ? [...first, ...second] : [...second, ...first];
    expect(log.map((h) => h.clip)).toEqual(order);
    // While each clip plays, exactly the row of the counter being called is marked as speaking.
    const firstLen = aFirst ? first.length : second.length;
    for (const [i, h] of log.entries()) {
      const n = i < firstLen ? counterOf[firstNumber]! : counterOf[firstNumber === a ? b : a]!;
      expect(h.speakingRows, `clip ${i} ${h.clip}`).toEqual([`Quầy ${n}`]);
      expect(h.hotRows).toEqual([`Quầy ${n}`]);
    }
    await display.screenshot({ path: 'test-results/display-voice-speaking.png' });
    // After the last word the row is no longer "speaking" (it stays highlighted a moment).
    await expect.poll(() => display.locator('tr[data-speaking="true"]').count(), { timeout: 10_000 }).toBe(0);

    // English, set in /admin, is read the next time the display reads its settings (here: a reload).
    await hub.api('PUT', '/admin/voice-settings', { token: admin, body: { enabled: true, language: 'en', volume: 70, repeat: 1, chime: false } });
    await display.reload();
    await display.getByText('Quầy 1').first().waitFor();
    await display.waitForTimeout(500);
    const current = (await hub.api('GET', '/counters/4/state', { token: clerk1 })).body.current;
    await hub.api('POST', `/tickets/${current.id}/recall`, { token: clerk1 });
    const english = callClips(current.number, 4, 'en');
    await expect.poll(async () => (await heard()).map((h) => h.clip), { timeout: 20_000, interval: 250 }).toEqual(english);
    await context.close();
  });
});

async function loginAdmin(page: Page) {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const INTERACTIVE = /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|spinbutton|switch|slider|menuitem|searchbox)\b(?!\s+")/;
async function expectAllNamed(page: Page, where: string) {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree.split('\n').filter((line) => INTERACTIVE.test(line)), `${where}: controls without an accessible name`).toEqual([]);
}

describe('the new admin sections', () => {
  it('calls & languages, district link, backups, audit log and device editing, in Vietnamese and English', async () => {
    const token = await hub.login();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-backups-'));
    await hub.api('PUT', '/admin/backup-settings', { token, body: { enabled: true, folder, intervalHours: 4, keep: 30 } });
    await hub.api('POST', '/admin/backups', { token });
    await hub.pairDevice('display', 'TV sảnh B');
    await hub.api('POST', '/auth/login', { body: { username: 'canbo1', pin: '000000' } });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    const page = await context.newPage();
    await loginAdmin(page);
    const tabs = [
      { key: 'voice', vi: 'Gọi số & ngôn ngữ', en: 'Calls & languages' },
      { key: 'district', vi: 'Kết nối cấp trên', en: 'Upstream link' },
      { key: 'backups', vi: 'Sao lưu', en: 'Backups' },
      { key: 'audit', vi: 'Nhật ký', en: 'Audit log' },
      { key: 'devices', vi: 'Thiết bị', en: 'Devices' },
    ];
    for (const lang of ['vi', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      for (const tab of tabs) {
        await page.getByRole('tab', { name: new RegExp(`^${tab[lang].replace(/[&]/g, '\\$&')}`) }).click();
        await page.getByRole('heading', { name: tab[lang], level: 1 }).waitFor();
        if (tab.key === 'audit') await page.locator('tr.audit-row').first().waitFor();
        if (tab.key === 'backups') await page.locator('td.mono', { hasText: 'motcua-' }).first().waitFor();
        await expectAllNamed(page, `admin ${tab.key} ${lang}`);
        await page.screenshot({ path: `test-results/admin-${tab.key}-${lang}.png` });
      }
    }
    // The audit log: filter to failed logins, then export what is shown.
    await page.getByRole('tab', { name: /^Audit log/ }).click();
    await page.getByLabel('Action').selectOption('auth.login_failed');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.locator('tr.audit-row').count()).toBe(1);
    await expect.poll(() => page.locator('tr.audit-row').first().getAttribute('data-action')).toBe('auth.login_failed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (Excel)' }).click()]);
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv.toString('utf8')).toContain('auth.login_failed');

    // A device: rename it and give it a printer.
    await page.getByRole('tab', { name: /^Devices/ }).click();
    await page.getByRole('button', { name: 'Edit TV sảnh B' }).click();
    await page.getByLabel('Device name').fill('TV tầng 1');
    await page.getByLabel('Printer').fill('EPSON TM-T82');
    await page.screenshot({ path: 'test-results/admin-device-edit-en.png' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'TV tầng 1', exact: true }).first().waitFor();
    expect(hub.query("SELECT p.printer FROM devices d JOIN device_printers p ON p.device_id = d.id WHERE d.name = 'TV tầng 1'")).toEqual([{ printer: 'EPSON TM-T82' }]);
    await context.close();
  });
});
