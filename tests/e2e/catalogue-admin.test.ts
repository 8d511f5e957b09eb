import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';
import { catalogueXlsx, type CatalogueRow } from '../helpers/catalogueFiles';

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

const row = (over: Partial<CatalogueRow>): CatalogueRow => ({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã', processing: 'Trong ngày', fee: 'Miễn lệ phí khi đăng ký đúng hạn', legal: 'Luật Hộ tịch số 60/2014/QH13', ...over });
const GOOD = [
  // As the seed has it: the same time and fee, documents and legal basis left blank (kept) → unchanged.
  row({ processing: 'Trong ngày; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', legal: '' }),
  row({ code: '1.001022', name: 'Đăng ký nhận cha, mẹ, con', processing: '10 ngày làm việc', fee: '25.000 đồng', agency: 'Ủy ban nhân dân cấp xã' }),
  row({ code: 'DP-HT-050', name: 'Đăng ký giám hộ cử (thử nghiệm)', level: 'Cấp tỉnh', processing: '05 ngày làm việc', fee: 'Không' }),
];
const BAD = [...GOOD, row({ code: '1.001022', name: 'Trùng mã' }), row({ code: 'DP-HT-051', fee: '5O.000 đồng' }), row({ code: 'DP-HT-052', level: 'Cấp huyện' })];

const INTERACTIVE = /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|spinbutton|switch|slider|menuitem|searchbox)\b(?!\s+")/;
async function expectAllNamed(page: Page, where: string) {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree.split('\n').filter((line) => INTERACTIVE.test(line)), `${where}: controls without an accessible name`).toEqual([]);
}
async function choose(page: Page, name: string, rows: CatalogueRow[]) {
  await page.locator('input[name="catalogueFile"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await catalogueXlsx(rows)) });
}

describe('the counter: a dossier shows the level it was received under', () => {
  it('"Cấp xã" / "Commune level" on the dossier, at 1920×1080', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    await hub.api('POST', '/counters/1/open', { token: clerk });
    const d = await hub.api('POST', '/dossiers', {
      token: clerk,
      body: { procedureCode: '1.001193', applicant: { fullName: 'Phạm Thị Dung', idType: 'cccd', idNumber: '001190012345', phone: '0912 000 111', address: 'Hà Nội' }, documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }], sets: 1, feeCollected: 0, resultDelivery: 'counter', notes: '' },
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    await hub.api('POST', '/counters/1/close', { token: clerk });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${hub.url}/counter`);
    await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: /Mở Quầy 1/ }).click();
    await page.getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').fill(d.body.code);
    await page.getByLabel('Tìm hồ sơ theo mã hoặc tên').press('Enter');
    await page.locator('.dossier__facts .pill', { hasText: 'Cấp xã' }).waitFor();
    await page.screenshot({ path: 'test-results/counter-dossier-level-vi.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.dossier__facts .pill', { hasText: 'Commune level' }).waitFor();
    await page.screenshot({ path: 'test-results/counter-dossier-level-en.png' });
    await context.close();
  });
});

describe('/admin: the catalogue import', () => {
  it('preview, errors per row, apply — in Vietnamese and English', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(DEMO.admin[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.admin[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tab', { name: /^Danh mục thủ tục/ }).click();
    await page.getByRole('heading', { name: 'Danh mục thủ tục', level: 1 }).waitFor();

    // A file with bad rows: each listed with its row, column and why, in Vietnamese; nothing to apply.
    await choose(page, 'danh-muc-loi.xlsx', BAD);
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Có 3 lỗi trong tệp' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Mã 1.001022 đã có ở dòng 4.' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: /Từ ngày 01\/7\/2025 không còn cấp huyện/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Áp dụng danh mục này' }).count()).toBe(0);
    await expectAllNamed(page, 'catalogue errors vi');
    await page.screenshot({ path: 'test-results/admin-catalogue-errors-vi.png', fullPage: true });

    // A good file: the preview, then apply.
    await choose(page, 'danh-muc.xlsx', GOOD);
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByText(/Thêm mới 1, thay đổi 1, gỡ khỏi danh mục \d+, giữ nguyên 1\./).waitFor();
    await page.getByText('Thời hạn:').first().waitFor();
    await expectAllNamed(page, 'catalogue preview vi');
    await page.screenshot({ path: 'test-results/admin-catalogue-preview-vi.png' });
    await page.getByRole('button', { name: 'Áp dụng danh mục này' }).click();
    await page.getByText(/Đã áp dụng: thêm 1, thay đổi 1, gỡ \d+ thủ tục\./).waitFor();
    expect(hub.query('SELECT count(*) AS n FROM procedures WHERE active = 1')).toEqual([{ n: 3 }]);
    await page.screenshot({ path: 'test-results/admin-catalogue-applied-vi.png' });

    // English: a changed fee, then the bad file.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Procedure catalogue', level: 1 }).waitFor();
    await choose(page, 'catalogue-2.xlsx', [GOOD[0]!, { ...GOOD[1]!, fee: '30.000 đồng' }, GOOD[2]!]);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByText('0 added, 1 changed, 0 removed, 2 unchanged.', { exact: false }).waitFor();
    await page.getByText('Fees:').waitFor();
    await page.screenshot({ path: 'test-results/admin-catalogue-preview-en.png' });
    await choose(page, 'catalogue-bad.xlsx', BAD);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The file has 3 errors' }).waitFor();
    await page.getByRole('cell', { name: 'The code 1.001022 is already on row 4.' }).waitFor();
    await expectAllNamed(page, 'catalogue errors en');
    await page.screenshot({ path: 'test-results/admin-catalogue-errors-en.png', fullPage: true });

    // The office's agency code of the wrong shape: refused with the reason, in the screen's language.
    for (const [lang, tab, why] of [
      ['en', /^Office/, 'The lower levels are groups of digits: 3, 2 and 2'],
      ['vi', /^Văn phòng/, 'Các cấp dưới là nhóm chữ số: 3, 2, 2 chữ số'],
    ] as const) {
      if (lang === 'vi') await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByRole('tab', { name: tab }).click();
      const code = page.getByLabel(lang === 'vi' ? 'Mã cơ quan' : 'Agency code', { exact: true });
      // The form has loaded (the office's code, or the refused one typed in the other language).
      await expect.poll(() => code.inputValue()).toMatch(/^000\./);
      await code.fill('000.0.15.H24');
      await page.getByRole('button', { name: lang === 'vi' ? 'Lưu' : 'Save', exact: true }).first().click();
      await page.getByText(why).first().waitFor();
      await page.screenshot({ path: `test-results/admin-agency-code-refused-${lang}.png` });
    }
    expect(hub.query('SELECT count(*) AS n FROM agency_codes')).toEqual([{ n: 0 }]);
    await context.close();
  });
});
