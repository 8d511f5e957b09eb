import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { dossierBody } from '../helpers/sync';

/**
 * /admin → 766 index in Chromium at 1920×1080, Vietnamese and English: the
 * figures of a November built at the counter (fake clock), a click on a figure
 * listing the dossiers behind it, the digitisation note. The figures are the
 * rules' (tests/integration/index766.test.ts works a fuller month by hand):
 *
 *  A in person 11-02 08:00 done 11-03 09:00           on time
 *  B postal    11-02 08:10 supplement 11-02 09:00 → 11-09 09:00, done 11-10 09:00   on time (7 days off)
 *  C in person 11-02 08:20 two supplements, done 11-03 10:00   late: second supplement
 *  D in person 11-02 08:30 withdrawn 11-03 08:00        on time
 *  → on time 3/4 = 75 %, postal 1/4 = 25 %, in person 3/4 = 75 %, satisfaction 100 − 25 = 75 %.
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-02T08:00:00'));
let hub: TestHub;
let browser: Browser;
let clerk: string;
const codes: string[] = [];

async function ok<T = any>(method: string, p: string, token: string, body?: unknown): Promise<T> {
  const r = await hub.api(method, p, { token, body });
  if (r.status !== 200) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}
let day = '';
async function at(local: string) {
  clock.set(vn(`2026-${local}:00`));
  if (local.slice(0, 5) === day) return;
  day = local.slice(0, 5);
  clerk = await hub.login(...DEMO.clerk1);
  await ok('POST', '/counters/1/open', clerk);
}

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium();
  await at('11-02T08:00');
  codes.push((await ok('POST', '/dossiers', clerk, dossierBody())).code);
  await at('11-02T08:10');
  codes.push((await ok('POST', '/dossiers', clerk, dossierBody({ channel: 3 }))).code);
  await at('11-02T08:20');
  codes.push((await ok('POST', '/dossiers', clerk, dossierBody())).code);
  await at('11-02T08:30');
  codes.push((await ok('POST', '/dossiers', clerk, dossierBody())).code);
  const [a, b, c, d] = codes as [string, string, string, string];
  await at('11-02T09:00');
  await ok('POST', `/dossiers/${b}/supplement-request`, clerk, { items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
  await ok('POST', `/dossiers/${c}/supplement-request`, clerk, { items: ['Tờ khai'], reason: 'Thiếu chữ ký' });
  await at('11-02T10:00');
  await ok('POST', `/dossiers/${c}/supplement-received`, clerk, {});
  await at('11-03T08:00');
  await ok('POST', `/dossiers/${c}/supplement-request`, clerk, { items: ['Giấy ủy quyền'], reason: 'Lần hai' });
  await ok('POST', `/dossiers/${d}/withdraw`, clerk, { reason: 'Ông/Bà xin rút hồ sơ' });
  await at('11-03T09:00');
  await ok('POST', `/dossiers/${a}/result-ready`, clerk, {});
  await ok('POST', `/dossiers/${c}/supplement-received`, clerk, {});
  await at('11-03T10:00');
  await ok('POST', `/dossiers/${c}/result-ready`, clerk, {});
  await at('11-09T09:00');
  await ok('POST', `/dossiers/${b}/supplement-received`, clerk, {});
  await at('11-10T09:00');
  await ok('POST', `/dossiers/${b}/result-ready`, clerk, {});
  await at('12-02T09:00');
  fs.mkdirSync('test-results', { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function tabPage(locale: 'vi' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: locale === 'vi' ? /^Chỉ số 766/ : /^766 index/ }).click();
  return page;
}

describe('the 766 tab', () => {
  it('Vietnamese: November, a figure clicked lists its dossiers; screenshots', async () => {
    const page = await tabPage('vi');
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.getByRole('heading', { name: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)' }).waitFor();
    await page.getByLabel('Tháng', { exact: true }).selectOption('11');
    await page.getByRole('button', { name: 'Tính', exact: true }).click();
    const onTime = page.getByRole('button', { name: /^2\.1 Tỷ lệ hồ sơ giải quyết đúng hạn/ });
    await expect.poll(() => onTime.getAttribute('aria-label')).toBe('2.1 Tỷ lệ hồ sơ giải quyết đúng hạn: 75 %, 3/4 hồ sơ');
    expect(await page.getByRole('button', { name: /^3\.3 Tỷ lệ hồ sơ nộp qua bưu chính công ích/ }).getAttribute('aria-label')).toContain('25 %, 1/4 hồ sơ');
    // Attachments are stored (issue 15): the digitisation note says how 4.2 is counted, not a warning.
    expect(await page.locator('.i766__note--warn').count()).toBe(0);
    expect(await page.getByText('Đếm theo tệp đính kèm đã số hóa tại quầy', { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/index766-vi.png' });

    await onTime.click();
    const rows = page.locator('.i766__drill tbody tr');
    expect(await rows.count()).toBe(4);
    // Bold = in the numerator; the late one (second supplement) is red and not bold.
    expect(await page.locator('.i766__drill tr.is-num').count()).toBe(3);
    const late = page.locator('.i766__drill tr.is-late');
    expect(await late.locator('td').first().textContent()).toBe(codes[2]);
    expect(await late.textContent()).toContain('Trễ hạn: bổ sung lần 2');
    await page.locator('.i766__drill').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/index766-vi-drill.png' });

    // From the per-clerk table: the same clerk's postal share.
    await page.getByRole('button', { name: 'Nguyễn Thị Lan: Tỷ lệ hồ sơ nộp qua bưu chính công ích' }).click();
    await expect.poll(() => page.locator('.i766__drill tr.is-num td').first().textContent()).toBe(codes[1]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('English, the same figures; a quarter', async () => {
    const page = await tabPage('en');
    await page.getByRole('heading', { name: 'Service quality index (Decision 766/QĐ-TTg)' }).waitFor();
    await page.getByLabel('Period').selectOption('quarter');
    await page.getByLabel('Quarter', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    const onTime = page.getByRole('button', { name: /^2\.1 Dossiers resolved on time/ });
    await expect.poll(() => onTime.getAttribute('aria-label')).toBe('2.1 Dossiers resolved on time: 75 %, 3/4 dossiers');
    expect(await page.getByText('From 01/10/2026 to 31/12/2026').count()).toBe(1);
    await page.screenshot({ path: 'test-results/index766-en.png' });
    await page.getByRole('button', { name: /^5\.4 Satisfaction/ }).click();
    await page.locator('.i766__drill').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/index766-en-drill.png' });
    await page.context().close();
  });
});
