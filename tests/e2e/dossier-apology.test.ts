import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDueVi } from '../../src/shared/domain';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { installRecordingBridge, launchChromium } from '../helpers/browser';

let hub: TestHub;
let browser: Browser;
const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 09:00 in Hà Nội
beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('a dossier that will be late, at the counter', () => {
  it('is given a proposed new appointment a day ahead and the apology letter (form 04) is printed', async () => {
    let clerk = await hub.login(...DEMO.clerk1);
    const procedure = '1.001022'; // a three-working-day procedure of the seeded catalogue
    const registered = await hub.api('POST', '/dossiers', {
        token: clerk,
        body: {
          procedureCode: procedure,
          applicant: { fullName: 'Phạm Thị Hương', idType: 'cccd', idNumber: '001190012345', phone: '0912345678', address: 'Số 2 phố Kim Mã, Hà Nội' },
          documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
          sets: 1,
          feeCollected: 0,
          resultDelivery: 'counter',
        },
      });
    expect(registered.status).toBe(200);
    const d = registered.body;
    // Nghị định 118/2025 Điều 19 khoản 6: the extension is proposed at least a day before the due date (Thursday).
    clock.advance(24 * 3600 * 1000); // Tuesday: the department sees it will be late
    clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.dueStatus).not.toBe('overdue');

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await installRecordingBridge(context, 'counter');
    const page = await context.newPage();
    await page.goto(`${hub.url}/counter`);
    await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: /Mở Quầy 1/ }).click();
    await page.getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').fill(d.code);
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').press('Enter');
    await page.getByRole('button', { name: 'Hẹn lại ngày trả (xin lỗi)' }).click();
    // The proposed appointment: Wednesday 16/12/2026 at 15:30, office time.
    // Typed day/month/year and a 24-hour time, whatever the browser's language (our field, not the native one).
    await page.getByLabel('Ngày giờ hẹn trả mới').fill('16/12/2026');
    await page.getByLabel('Giờ (HH:mm)').fill('15:30');
    await page.getByLabel('Lý do trễ hẹn').fill('Cần xác minh thêm tại nơi cư trú.');
    await page.screenshot({ path: path.resolve('test-results', 'screens', 'dossier-apology-vi.png') });
    await page.getByRole('button', { name: 'Hẹn lại và in phiếu xin lỗi' }).click();

    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length)).toBe(1);
    const after = (await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body;
    expect(after.dueAt).toBe(Date.parse('2026-12-16T08:30:00Z'));
    expect(formatDueVi(after.dueAt)).toBe('15 giờ 30 phút, ngày 16/12/2026');
    expect(after.dueStatus).not.toBe('overdue');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-apology-'));
    const file = path.join(dir, 'apology.pdf');
    fs.writeFileSync(file, Buffer.from((await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed[0]))!, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Cần xác minh thêm tại nơi cư trú.');
    expect(text).toContain(formatDueVi(after.dueAt));
    await context.close();
  });
});
