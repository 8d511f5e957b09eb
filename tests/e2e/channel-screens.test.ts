import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { launchChromium } from '../helpers/browser';
import { dossierBody } from '../helpers/sync';

/**
 * The counter at 1920×1080 (issue 12 §1): an online dossier pulled from the
 * district shows as "Nộp trực tuyến" and its result is handed back by typing
 * the portal's code; a postal one is marked at registration; the applicant's
 * withdrawal with its reason. Vietnamese and English screenshots.
 */
let hub: TestHub;
let district: TestDistrict;
let browser: Browser;
let admin: string;
const ONLINE = '000.00.00.G22-261203-0042';
let counterCode = '';
const VI_CONFIRM = 'Xác nhận';

beforeAll(async () => {
  district = await startTestDistrict();
  hub = await startTestHub({ sync: { autoStart: false } });
  browser = await launchChromium();
  admin = await hub.login();
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: await district.enrolmentCode() } });
  expect(r.status).toBe(200);
  const created = await district.backOffice('POST', '/back-office/online-dossiers', {
    code: ONLINE,
    officeId: 'o1',
    dueAt: Date.now() + 5 * 86_400_000,
    application: {
      procedureCode: '1.001022',
      procedureNameVi: 'Đăng ký nhận cha, mẹ, con',
      procedureNameEn: 'Registration of recognition of father, mother or child',
      processingValue: 3,
      processingUnit: 'working_days',
      applicantName: 'Trần Thị Bình',
      applicantIdType: 'cccd',
      applicantIdNumber: '001190012345',
      applicantPhone: '0987654321',
      applicantAddress: 'Số 2 phố Huế, Hà Nội',
      acceptedAt: Date.now() - 3_600_000,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  expect((await district.backOffice('POST', `/back-office/dossiers/${ONLINE}/result-ready`, {})).status).toBe(200);
  for (let i = 0; i < 5; i++) await hub.api('POST', '/sync/now', { token: admin });
  const clerk = await hub.login(...DEMO.clerk1);
  counterCode = (await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody({ applicant: { fullName: 'Lê Văn Cường', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', address: 'Hà Nội' } }) })).body.code;
  fs.mkdirSync('test-results', { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await district?.close();
});

async function counterPage(lang: 'vi' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await page.goto(`${hub.url}/counter`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Mở Quầy 1/ }).click();
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: lang === 'vi' ? 'Hồ sơ' : 'Dossiers', exact: true }).click();
  return page;
}
const search = (page: Page, lang: 'vi' | 'en') => page.getByLabel(lang === 'vi' ? 'Tìm hồ sơ theo mã hoặc tên' : 'Find a dossier by code or name', { exact: true });

describe('channels and withdrawal at the counter', () => {
  it('Vietnamese: the online dossier is marked with the hand-back hint; a withdrawal with its reason', async () => {
    const page = await counterPage('vi');
    await search(page, 'vi').fill('Trần Thị Bình');
    const item = page.locator('.dlist__item', { hasText: ONLINE });
    await expect.poll(() => item.locator('.channel-badge').textContent()).toBe('Nộp trực tuyến');
    await item.click();
    await page.locator('.dossier__head .channel-badge', { hasText: 'Nộp trực tuyến' }).waitFor();
    expect(await page.getByText('Hồ sơ nộp trực tuyến: Ông/Bà không có giấy tiếp nhận').count()).toBe(1);
    await page.screenshot({ path: 'test-results/counter-online-vi.png' });
    // No withdrawal once the result is ready.
    expect(await page.getByRole('button', { name: 'Rút hồ sơ (theo yêu cầu)' }).count()).toBe(0);

    await search(page, 'vi').fill(counterCode);
    await search(page, 'vi').press('Enter');
    await page.getByRole('button', { name: 'Rút hồ sơ (theo yêu cầu)' }).click();
    await page.getByLabel('Lý do Ông/Bà rút hồ sơ').fill('Ông/Bà xin rút để bổ sung giấy tờ khác');
    await page.screenshot({ path: 'test-results/counter-withdraw-vi.png' });
    await page.getByRole('dialog').getByRole('button', { name: VI_CONFIRM, exact: true }).click();
    await expect.poll(async () => (await hub.api('GET', `/dossiers/${counterCode}`, { token: admin })).body.status).toBe(7);
    await page.context().close();
  });

  it('Vietnamese: a postal dossier marked at registration', async () => {
    const page = await counterPage('vi');
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
    await page.getByRole('combobox', { name: 'Tìm thủ tục' }).pressSequentially('dang ky nhan cha', { delay: 25 });
    await page.getByRole('option', { name: /^1\.001022/ }).click();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Phạm Văn Dũng');
    await page.getByLabel('Số giấy tờ', { exact: true }).fill('001085012345');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 5 phố Huế, Hà Nội');
    await page.getByRole('group', { name: 'Hình thức nộp hồ sơ' }).getByRole('radio', { name: 'Qua bưu chính công ích' }).check();
    await page.getByRole('group', { name: 'Hình thức nộp hồ sơ' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/counter-register-postal-vi.png' });
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    const heading = page.getByRole('heading', { name: /^Mã hồ sơ: / });
    await heading.waitFor();
    const code = (await heading.textContent())!.replace('Mã hồ sơ: ', '').trim();
    expect((await hub.api('GET', `/dossiers/${code}`, { token: admin })).body.channel).toBe(3);
    await page.context().close();
  });

  it('English: the online badge', async () => {
    const page = await counterPage('en');
    await search(page, 'en').fill(ONLINE);
    await page.locator('.dlist__item', { hasText: ONLINE }).click();
    await page.locator('.dossier__head .channel-badge', { hasText: 'Filed online' }).waitFor();
    await page.screenshot({ path: 'test-results/counter-online-en.png' });
    await page.context().close();
  });
});
