import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * The dashboard and the rating screen in Chromium, on a hub with a small day
 * of work (fake clock): screenshots at 1920×1080 (and the rating screen at a
 * 1280×800 tablet), live updates, the overdue list in red, the exports, and a
 * citizen rating with the legal criteria.
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-24T07:30:00'));
let hub: TestHub;
let browser: Browser;
let admin: string;
let lan: string;
let minh: string;
let kiosk: string;

async function ok<T = any>(method: string, p: string, token: string, body?: unknown): Promise<T> {
  const r = await hub.api(method, p, { token, body });
  if (r.status !== 200) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}
const at = (local: string) => clock.set(vn(local));
const dossier = (token: string, procedureCode: string, ticketId: number | null = null) =>
  ok('POST', '/dossiers', token, {
    procedureCode,
    ticketId,
    applicant: { fullName: 'Lê Văn Bình', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', address: 'Hà Nội' },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
    notes: '',
  });
/** One citizen through counter `counter`: called `callAt`, served until `doneAt`. */
async function serve(token: string, counter: number, callAt: string, doneAt: string) {
  at(callAt);
  const s = await ok('POST', `/counters/${counter}/call-next`, token);
  await ok('POST', `/tickets/${s.current.id}/start`, token);
  at(doneAt);
  await ok('POST', `/tickets/${s.current.id}/finish`, token);
  return s.current.id as number;
}

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium();
  admin = await hub.login();
  kiosk = await hub.pairDevice('kiosk');
  // Monday: two dossiers that are overdue by Tuesday (same-day and 1 working day... registered early).
  at('2026-11-23T08:00:00');
  lan = await hub.login(...DEMO.clerk1);
  minh = await hub.login(...DEMO.clerk2);
  await ok('POST', '/counters/1/open', lan);
  await ok('POST', '/counters/3/open', minh);
  await dossier(lan, '1.001193');
  at('2026-11-23T09:00:00');
  await dossier(minh, '2.000815');
  await dossier(lan, '1.004845'); // 2 working days: due Wed, still on time
  // Tuesday: a morning of tickets.
  at('2026-11-24T07:30:00');
  lan = await hub.login(...DEMO.clerk1);
  minh = await hub.login(...DEMO.clerk2);
  await ok('POST', '/counters/1/open', lan);
  await ok('POST', '/counters/3/open', minh);
  const issue = async (serviceId: number, local: string) => {
    at(local);
    await ok('POST', '/tickets', kiosk, { serviceId, priority: null });
  };
  for (const [s, tm] of [[1, '07:31'], [1, '07:33'], [2, '07:34'], [5, '07:36'], [1, '07:40'], [2, '07:41'], [1, '07:45'], [3, '07:50'], [1, '07:52'], [1, '07:55'], [1, '07:58'], [1, '08:10']] as const) await issue(s, `2026-11-24T${tm}:00`);
  await serve(lan, 1, '2026-11-24T07:40:00', '2026-11-24T07:48:00');
  await serve(minh, 3, '2026-11-24T07:42:00', '2026-11-24T07:55:00');
  await serve(lan, 1, '2026-11-24T07:49:00', '2026-11-24T07:58:00');
  at('2026-11-24T08:00:00');
  const s = await ok('POST', '/counters/1/call-next', lan);
  at('2026-11-24T08:03:00');
  await ok('POST', `/tickets/${s.current.id}/no-show`, lan);
  await serve(lan, 1, '2026-11-24T08:05:00', '2026-11-24T08:12:00');
  // Ratings straight from a tablet (the screen itself is tested below).
  const tablet1 = await hub.pairDevice('counter', 'Tablet 1');
  const p1 = await ok('GET', '/ratings/prompt?counterId=1', tablet1);
  await ok('POST', '/ratings', tablet1, { counterId: 1, key: p1.prompt.key, level: 'satisfied' });
  await serve(minh, 3, '2026-11-24T08:01:00', '2026-11-24T08:20:00');
  const tablet3 = await hub.pairDevice('counter', 'Tablet 3');
  const p3 = await ok('GET', '/ratings/prompt?counterId=3', tablet3);
  await ok('POST', '/ratings', tablet3, { counterId: 3, key: p3.prompt.key, level: 'very_satisfied' });
  await ok('PUT', '/admin/supervisor-settings', admin, { maxWaitingPerService: 2, maxWaitMinutes: 30, alertDueToday: true, ratingCriteria: true, ratingIdleSeconds: 6 });
  at('2026-11-24T08:25:00');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function adminPage(viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('tab', { name: /^Tổng hợp/ }).click();
  await page.getByRole('heading', { name: 'Tổng hợp số liệu', level: 1 }).waitFor();
  return page;
}
const kpi = (page: Page, label: string) => page.locator('.kpi', { has: page.locator('.kpi__label', { hasText: new RegExp(`^${label}$`) }) }).locator('.kpi__value');

describe('the dashboard', () => {
  it('shows today live: figures, alerts, the overdue list in red; screenshot', async () => {
    const page = await adminPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await expect.poll(() => kpi(page, 'Số đã cấp').textContent()).toBe('12');
    expect(await kpi(page, 'Đã phục vụ').textContent()).toBe('5');
    expect(await kpi(page, 'Vắng mặt').textContent()).toBe('1');
    expect(await kpi(page, 'Đang quá hạn').textContent()).toBe('2');
    await expect.poll(() => page.locator('.alerts--panel').textContent()).toContain('Tư pháp – Hộ tịch: 5 người đang chờ (ngưỡng 2)');
    expect(await page.locator('.live-badge').textContent()).toContain('Trực tiếp');
    const rows = page.locator('.overdue__table tbody tr');
    expect(await rows.count()).toBe(2);
    // Sorted by lateness: the same-day dossier of Monday 08:00 first.
    expect(await rows.nth(0).locator('td').first().textContent()).toMatch(/-261123-0001$/);
    const colour = await rows.nth(0).locator('td').nth(1).evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(134, 16, 26)');
    expect(await page.locator('canvas[role="img"]').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: 'test-results/supervisor-dashboard.png' });
    // The panel scrolls: the charts, then the tables and thresholds.
    await page.locator('.charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/supervisor-dashboard-charts.png' });
    await page.locator('.dash-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/supervisor-dashboard-tables.png' });

    // Live: a new ticket at the kiosk shows on the dashboard by itself.
    await ok('POST', '/tickets', kiosk, { serviceId: 4, priority: null });
    await expect.poll(() => kpi(page, 'Số đã cấp').textContent(), { timeout: 8000 }).toBe('13');
    // The charts come from the bundle: nothing blocked by the strict CSP, nothing fetched elsewhere.
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a date range, the exports, and English', async () => {
    const page = await adminPage();
    await page.getByRole('button', { name: '7 ngày' }).click();
    await expect.poll(() => page.locator('.chart-card figcaption').allTextContents()).toContain('Số phiếu theo ngày');
    expect(await kpi(page, 'Hồ sơ tiếp nhận').textContent()).toBe('3');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('motcua-2026-11-18_2026-11-24.xlsx');
    const bytes = fs.readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Báo cáo PDF' }).click()]);
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Figures', level: 1 }).waitFor();
    expect(await page.locator('.overdue h2').textContent()).toContain('Overdue dossiers');
    await page.screenshot({ path: 'test-results/supervisor-dashboard-en.png' });
    await page.context().close();
  });

  it("the counter screen shows the alerts of the counter's own services", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const atCounter = async (clerk: readonly [string, string], counter: string) => {
      const page = await context.newPage();
      await page.goto(`${hub.url}/counter`);
      await page.getByLabel('Tên đăng nhập').fill(clerk[0]);
      await page.getByLabel('Mã PIN').fill(clerk[1]);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: new RegExp(`Mở ${counter}`) }).click();
      await page.getByRole('button', { name: /Gọi số tiếp/ }).waitFor();
      return page;
    };
    // Counter 1 serves A (civil status), whose queue is too long and waits too long.
    const one = await atCounter(DEMO.clerk1, 'Quầy 1');
    await expect.poll(() => one.locator('.alerts--strip').textContent()).toContain('người đang chờ');
    expect(await one.locator('.alerts--strip').textContent()).not.toContain('Đăng ký kinh doanh');
    await one.screenshot({ path: 'test-results/supervisor-counter-alerts.png' });
    // Counter 3 serves B (land) only: nothing of A's or C's queue is its business,
    // but the office's overdue dossiers are everyone's (red, first on the strip).
    const three = await atCounter(DEMO.clerk2, 'Quầy 3');
    await expect.poll(() => three.locator('.alerts--strip').textContent()).toContain('2 hồ sơ đang quá hạn');
    expect(await three.locator('.alerts--strip .alerts__item').allTextContents()).toEqual(['!2 hồ sơ đang quá hạn']);
    expect(await one.locator('.alerts--strip .alerts__item').first().textContent()).toBe('!2 hồ sơ đang quá hạn');
    await context.close();
  });
});

describe('the rating screen', () => {
  it('asks after a ticket is finished, with the legal criteria; tablet and full HD screenshots; idle return', async () => {
    const tablet = await hub.pairDevice('counter', 'Tablet quầy 1');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${hub.url}/rate?counter=1#device=${tablet}`);
    await page.getByRole('heading', { name: 'Kính chào Ông/Bà' }).waitFor();
    await page.screenshot({ path: 'test-results/rating-welcome-tablet.png' });

    const ticketId = await serve(lan, 1, '2026-11-24T08:26:00', '2026-11-24T08:31:00');
    await page.getByRole('heading', { name: 'Ông/Bà có hài lòng với việc phục vụ tại quầy số 1?' }).waitFor({ timeout: 8000 });
    const sizes = await page.locator('button:visible').evaluateAll((els) => els.map((e) => [e.textContent, e.getBoundingClientRect().width, e.getBoundingClientRect().height] as const));
    for (const [name, w, h] of sizes) expect(Math.min(w, h), `${name}`).toBeGreaterThanOrEqual(64);
    // Nothing personal: no name, no ID number, no phone.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Nguyễn|Trần|Lê Văn|001090012345|0912345678/);
    await page.screenshot({ path: 'test-results/rating-ask-tablet.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/rating-ask-1920.png' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: /^Hài lòng$/ }).click();
    await page.getByRole('heading', { name: 'Mời Ông/Bà cho biết thêm (không bắt buộc)' }).waitFor();
    await page.screenshot({ path: 'test-results/rating-criteria-tablet.png' });
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).isDisabled()).toBe(true);
    for (const [criterion, option] of [
      ['Thời gian giải quyết so với thời gian hẹn', 'Đúng hạn'],
      ['Số lần phải liên hệ nơi tiếp nhận để hoàn thiện hồ sơ', 'Không quá 1 lần'],
      ['Số cơ quan, đơn vị phải liên hệ', 'Một nơi'],
      ['Công khai thủ tục hành chính', 'Chưa đầy đủ'],
      ['Thái độ của cán bộ khi hướng dẫn, tiếp nhận và trả kết quả', 'Lịch sự, tận tình'],
    ]) {
      await page.getByRole('group', { name: criterion }).getByRole('button', { name: option }).click();
    }
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await page.screenshot({ path: 'test-results/rating-thanks-tablet.png' });
    const [row] = hub.query('SELECT * FROM ratings WHERE ticket_id = ?', ticketId);
    expect(row).toMatchObject({ subject: 'ticket', level: 'satisfied', counter_id: 1 });
    expect(JSON.parse(row.criteria)).toEqual({ total_time: 1, contacts: 2, agencies: 2, disclosure: 1, attitude: 2 });

    // Back to the welcome; the next citizen who does not answer: the question goes away by itself (6 s).
    await page.getByRole('heading', { name: 'Kính chào Ông/Bà' }).waitFor({ timeout: 8000 });
    await page.getByRole('button', { name: 'English' }).click();
    await serve(lan, 1, '2026-11-24T08:32:00', '2026-11-24T08:36:00');
    await page.getByRole('heading', { name: 'Were you satisfied with the service at counter 1?' }).waitFor({ timeout: 8000 });
    await page.screenshot({ path: 'test-results/rating-ask-tablet-en.png' });
    await page.getByRole('heading', { name: 'Welcome' }).waitFor({ timeout: 12_000 });
    expect(hub.query('SELECT count(*) AS n FROM ratings')[0].n).toBe(3);
    await context.close();
  });
});
