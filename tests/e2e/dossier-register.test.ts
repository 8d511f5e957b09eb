import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium, installRecordingBridge } from '../helpers/browser';

/**
 * A clerk registers a dossier from the ticket being served (issue 3):
 * procedure found without diacritics, applicant, the procedure's documents kept,
 * the hub's own error for a bad CCCD shown next to the field with nothing saved,
 * then the code and due time; the dossier opens, its result is handed back by
 * scanning the receipt's QR text; a second dossier is registered in English
 * without a ticket. Screenshots at 1920×1080 go to test-results/screens/.
 */
const SHOTS = path.resolve('test-results', 'screens');
const WIDE = { width: 1920, height: 1080 };

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await hub?.close();
});

/** The counter as the desktop app runs it: PDFs go to the preload bridge, kept here for the test to read. */
async function open(route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: WIDE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  await installRecordingBridge(context, 'counter');
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${route}] page error: ${err.message}`));
  await page.goto(`${hub.url}${route}`);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const INTERACTIVE = /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|spinbutton|switch|slider|menuitem|option)\b(?!\s+")/;
/** Every interactive control in the accessibility tree has a name (as tests/e2e/screens.test.ts checks the other screens). */
async function expectAllNamed(page: Page, where: string) {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree.split('\n').filter((line) => INTERACTIVE.test(line)), `${where}: controls without an accessible name`).toEqual([]);
}
const count = (sql: string) => hub.query<{ n: number }>(sql)[0]!.n;

describe('registering a dossier at the counter', () => {
  it('from a called ticket: finds the procedure, refuses a bad CCCD next to the field, registers, hands the result back', async () => {
    // A citizen takes a ticket at the kiosk.
    const kiosk = await hub.pairDevice('kiosk', 'Kiosk sảnh');
    const services = await hub.api('GET', '/services', { token: kiosk });
    const civil = (services.body as { id: number; prefix: string }[]).find((s) => s.prefix === 'A')!;
    const issued = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: civil.id } });
    expect(issued.status).toBe(200);
    const ticketId = issued.body.ticket.id as number;
    const officeDay = (await hub.api('GET', '/health')).body.officeDay as string;
    const yymmdd = officeDay.slice(2).replaceAll('-', '');

    // The clerk calls and serves it at Quầy 1, then opens the registration.
    const page = await open('/counter');
    await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
    await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Mở Quầy 1 – Quầy 1' }).click();
    await page.getByRole('button', { name: /Gọi số tiếp theo/ }).click();
    await page.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
    const register = page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true });
    await expect.poll(() => register.isEnabled()).toBe(true);
    await shot(page, 'dossier-counter-serving-vi');
    await register.click();
    await page.getByText('Tiếp nhận cho số A001').waitFor();

    // The procedure, typed a keystroke at a time without diacritics.
    await page.getByRole('combobox', { name: 'Tìm thủ tục' }).pressSequentially('dang ky khai sinh', { delay: 25 });
    await page.getByRole('option', { name: /^1\.001193 Đăng ký khai sinh/ }).click();
    await page.getByText('Hộ tịch', { exact: true }).first().waitFor();
    // Its documents are pre-filled and ticked as received.
    const form = page.getByRole('checkbox', { name: 'Đã nhận: Tờ khai đăng ký khai sinh (theo mẫu)' });
    await expect.poll(() => form.isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: 'Số bản chính: Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh' }).inputValue()).toBe('1');

    await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Văn Bình');
    await page.getByLabel('Số giấy tờ', { exact: true }).fill('999085012345');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 12 phố Đội Cấn, phường Ba Đình, Hà Nội');

    // A CCCD whose first digits are no province: the hub's error sits next to the field, nothing is saved.
    const submit = page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true });
    await submit.click();
    const idError = page.locator('[data-field="applicant.idNumber"] .field__error');
    await idError.waitFor();
    expect(await idError.textContent()).toContain('Số giấy tờ không hợp lệ');
    expect(await page.getByLabel('Số giấy tờ', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'dossier-form-error-vi');
    await expectAllNamed(page, 'registration form');
    expect(count('SELECT count(*) AS n FROM dossiers')).toBe(0);

    await page.getByLabel('Số giấy tờ', { exact: true }).fill('001085012345');
    await page.getByLabel('Ghi chú').fill('Công dân nộp trực tiếp.');
    await shot(page, 'dossier-form-vi');
    await submit.click();

    const code = `000.00.15.H24-${yymmdd}-0001`;
    await page.getByRole('heading', { name: `Mã hồ sơ: ${code}` }).waitFor();
    expect(await page.getByTestId('due').textContent()).toMatch(/^\d\d giờ \d\d phút, ngày \d\d\/\d\d\/20\d\d$/);
    await page.getByRole('button', { name: new RegExp(code) }).waitFor();
    await shot(page, 'dossier-result-vi');
    await expectAllNamed(page, 'registration result');

    // The receipt goes to the printer: its text carries the code and the due time.
    await page.getByRole('button', { name: 'In giấy tiếp nhận' }).click();
    await page.getByText('Đã gửi lệnh in.').waitFor();
    const printed = (await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed)) as string[];
    expect(printed).toHaveLength(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-receipt-'));
    const pdfFile = path.join(dir, 'receipt.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(printed[0]!, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);
    expect(text).toContain('Nguyễn Văn Bình');
    execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', pdfFile, path.join(SHOTS, 'dossier-receipt-printed')]);
    const rows = hub.query<{ code: string; ticket_id: number; status: number; applicant_id_number: string; secret: string }>('SELECT code, ticket_id, status, applicant_id_number, secret FROM dossiers');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code, ticket_id: ticketId, status: 2, applicant_id_number: '001085012345' });
    expect(count(`SELECT count(*) AS n FROM dossier_documents`)).toBe(3);

    // Open it: status in words, timeline, then the result comes back and is handed over by a scan.
    await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await page.getByRole('heading', { name: code }).waitFor();
    await page.locator('.dossier__head').getByText('Đã tiếp nhận').waitFor();
    await expectAllNamed(page, 'dossier');
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await expectAllNamed(page, 'supplement request');
    await page.getByRole('textbox', { name: 'Giấy tờ còn thiếu 1' }).fill('Bản sao Giấy chứng nhận kết hôn của cha mẹ');
    await page.getByLabel('Lý do').fill('Cha mẹ đã đăng ký kết hôn; cần bản sao để ghi thông tin người cha.');
    await shot(page, 'dossier-supplement-vi');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('.dossier__head').getByText('Chờ bổ sung hồ sơ').waitFor();
    // The supplement-request slip goes to the printer too.
    await page.getByRole('button', { name: 'In phiếu yêu cầu bổ sung' }).click();
    await expect.poll(async () => ((await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed)) as string[]).length).toBe(2);
    const slip = ((await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed)) as string[])[1]!;
    fs.writeFileSync(path.join(dir, 'slip.pdf'), Buffer.from(slip, 'base64'));
    const slipText = execFileSync('pdftotext', ['-layout', path.join(dir, 'slip.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(slipText).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(slipText).toContain('Bản sao Giấy chứng nhận kết hôn của cha mẹ');
    await page.getByRole('button', { name: 'Đã nhận bổ sung' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('.dossier__head').getByText('Đã tiếp nhận').waitFor();
    await page.getByRole('button', { name: 'Đã có kết quả' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('.dossier__head').getByText('Có kết quả, chờ trả').waitFor();
    const scan = page.getByLabel('Quét mã trên giấy tiếp nhận');
    await scan.fill(`MCK1:${code}:${rows[0]!.secret}`);
    await scan.press('Enter');
    await page.locator('.dossier__head').getByText('Đã trả kết quả').waitFor();
    await page.getByRole('button', { name: new RegExp(`${code}.*Đã trả kết quả`) }).waitFor();
    await shot(page, 'dossier-detail-vi');
    expect(hub.query<{ status: number }>('SELECT status FROM dossiers')[0]!.status).toBe(10);

    // In English, without a ticket: a second dossier of the day.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '+ Register a new dossier' }).click();
    await page.getByRole('combobox', { name: 'Find the procedure' }).pressSequentially('chung thuc ban sao', { delay: 20 });
    await page.getByRole('listbox', { name: 'Procedures found' }).getByRole('option').first().click();
    await page.getByText('Registering without a queue ticket').waitFor();
    await page.getByLabel('ID document', { exact: true }).selectOption('passport');
    await page.getByLabel('Full name', { exact: true }).fill('John Smith');
    await page.getByLabel('ID number', { exact: true }).fill('C1234567');
    await page.getByLabel('Phone').fill('+84 912 345 679');
    await page.getByLabel('Address', { exact: true }).fill('25 Liễu Giai, Ba Đình, Hà Nội');
    await page.getByRole('radio', { name: 'By post' }).check();
    await page.getByLabel('The owner is not the applicant').check();
    await page.getByLabel("Owner's full name").fill('Trần Thị Hoa');
    await page.getByLabel("Owner's ID number").fill('001190012345');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByLabel('Added document, row 3', { exact: true }).fill('Giấy ủy quyền');
    await expectAllNamed(page, 'registration form (English)');
    await shot(page, 'dossier-form-en');
    await page.getByRole('button', { name: 'Register the dossier' }).click();
    await page.getByRole('heading', { name: `Dossier code: 000.00.15.H24-${yymmdd}-0002` }).waitFor();
    await page.getByRole('button', { name: /-0002 John Smith/ }).waitFor();
    expect(await page.getByTestId('due').textContent()).toMatch(/^\d\d:\d\d on \d\d\/\d\d\/20\d\d$/);
    await shot(page, 'dossier-result-en');
    expect(hub.query<{ ticket_id: number | null; result_delivery: string }>("SELECT ticket_id, result_delivery FROM dossiers WHERE code LIKE '%-0002'")[0]).toEqual({ ticket_id: null, result_delivery: 'post' });
  });
});
