import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { enrolHub, hubApi, waitFor } from '../helpers/sync';
import { launchChromium } from '../helpers/browser';
import { photographedPageY4m } from '../helpers/pages';

/**
 * Digitising at the counter, end to end in Chromium: a dossier registered, one document taken with
 * the (fake) document camera fed a photographed page (found, straightened, accepted), one from SANE's
 * `test` scanner on the hub, both shown digitised; the files fetched back are the hub's bytes.
 * Screenshots at 1920×1080 in Vietnamese and English go to test-results/screens/.
 */
const SHOTS = path.resolve('test-results', 'screens');
let hub: TestHub;
let browser: Browser;
let district: TestDistrict;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-digitise-e2e-'));
  // The office is enrolled with a district server (PGlite), so the files travel upstream as in an office.
  district = await startTestDistrict();
  hub = await startTestHub({
    digitising: { scanner: { device: 'test:0', args: ['--test-picture', 'Grid', '-x', '190', '-y', '200'] }, upload: { share: 1, retryMs: 50, maxRetryMs: 400, pollMs: 100 } },
    sync: { pushIntervalMs: 300, pullIntervalMs: 400, digestIntervalMs: 60_000, backoff: { baseMs: 50, maxMs: 400 }, timeoutMs: 3000 },
  });
  await enrolHub(hubApi(hub.url), await hub.login(), district);
  const clip = await photographedPageY4m(dir);
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await district?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function registerDossier(): Promise<{ code: string; token: string }> {
  const token = await hub.login(DEMO.clerk2[0], DEMO.clerk2[1]);
  await hub.api('POST', '/counters/3/open', { token });
  const r = await hub.api('POST', '/dossiers', {
    token,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Phạm Thị Mai', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', email: '', address: 'Số 5 phố Huế, Hà Nội' },
      documents: [
        { nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', nameEn: 'Declaration of parentage', originals: 1, certifiedCopies: 0, photocopies: 0, received: true },
        { nameVi: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', nameEn: 'Proof of the parent–child relation', originals: 1, certifiedCopies: 0, photocopies: 0, received: true },
      ],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
    },
  });
  expect(r.status).toBe(200);
  return { code: r.body.code, token };
}

async function openDossier(page: Page, code: string) {
  await page.goto(`${hub.url}/counter`);
  await page.getByLabel('Tên đăng nhập').fill(DEMO.clerk1[0]);
  await page.getByLabel('Mã PIN').fill(DEMO.clerk1[1]);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Mở Quầy 1 – Quầy 1' }).click();
  await page.getByRole('button', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(code.replaceAll('.', '\\.')) }).click();
  await page.getByRole('heading', { name: 'Số hóa hồ sơ' }).waitFor();
}

describe('digitising a dossier at the counter', () => {
  it('camera and scanner, shown digitised, files fetched back byte-identical from the hub and from the district', async () => {
    const { code, token } = await registerDossier();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', permissions: ['camera'] });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
    await openDossier(page, code);
    await page.getByTestId('digitised').getByText('Đã số hóa 0/2 thành phần').waitFor();
    const rows = page.locator('.digitise__row');

    // 1: the document camera. The page is found in the frame and straightened.
    await rows.nth(0).getByRole('button', { name: 'Camera' }).click();
    const take = page.getByRole('button', { name: 'Chụp trang' });
    await expect.poll(() => take.isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.locator('.digitise').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'digitise-camera-vi.png') });
    await take.click();
    const shot = page.getByRole('img', { name: 'Trang vừa chụp, đã căn thẳng' });
    await shot.waitFor();
    expect(await shot.getAttribute('data-page-found')).toBe('yes');
    await page.screenshot({ path: path.join(SHOTS, 'digitise-camera-taken-vi.png') });
    await page.getByRole('button', { name: 'Dùng trang này' }).click();
    await page.getByRole('button', { name: 'Lưu thành một tệp PDF (1 trang)' }).click();
    await rows.nth(0).getByText(/Đã có tệp: 1 trang/).waitFor();

    // 2: the hub's scanner (SANE test device).
    await rows.nth(1).getByRole('button', { name: 'Máy quét' }).click();
    await page.getByRole('button', { name: 'Quét một trang' }).click();
    await page.getByRole('img', { name: 'Trang vừa quét' }).waitFor();
    await page.getByRole('button', { name: 'Dùng trang này' }).click();
    await page.getByRole('button', { name: 'Lưu thành một tệp PDF (1 trang)' }).click();
    await rows.nth(1).getByText(/Đã có tệp: 1 trang/).waitFor();
    await page.getByTestId('digitised').getByText('Đã số hóa đủ').waitFor();
    await page.locator('.digitise').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'digitise-done-vi.png') });
    // The file opens inside the page (the desktop app refuses new windows).
    await rows.nth(0).getByRole('button', { name: 'Xem tệp' }).click();
    const viewer = page.locator('iframe.digitise__viewer');
    await viewer.waitFor();
    expect(await viewer.getAttribute('src')).toMatch(/^blob:/);
    await page.screenshot({ path: path.join(SHOTS, 'digitise-view-vi.png') });
    await page.getByRole('button', { name: 'Đóng' }).click();
    // Removing asks for a reason, inline.
    await rows.nth(1).getByRole('button', { name: 'Gỡ tệp' }).click();
    await rows.nth(1).getByRole('textbox', { name: /Lý do gỡ tệp/ }).waitFor();
    await rows.nth(1).getByRole('button', { name: 'Hủy' }).click();

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Digitising' }).waitFor();
    await page.getByTestId('digitised').getByText('Fully digitised').waitFor();
    await page.locator('.digitise').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'digitise-done-en.png') });
    await context.close();

    // The files as the hub keeps them: one A4 PDF each, byte for byte what is on its disk.
    const list = await hub.api('GET', `/dossiers/${code}/attachments`, { token });
    expect(list.body.digitisation.digitised).toBe(true);
    const files = list.body.attachments as { id: number; sha256: string; source: string }[];
    expect(files.map((f) => f.source).sort()).toEqual(['camera', 'scanner']);
    for (const f of files) {
      const res = await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${f.id}`, { headers: { authorization: `Bearer ${token}` } });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      const pdf = path.join(dir, `${f.source}.pdf`);
      fs.writeFileSync(pdf, bytes);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+(595\.28 x 841\.89|841\.89 x 595\.28) pts \(A4\)/);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(SHOTS, `digitise-${f.source}-pdf`)]);
    }
    // And pulled out of the district server's back office: the same bytes.
    for (const f of files) {
      await waitFor(() => hub.query('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', f.id)[0]?.done_at != null, 60_000, `${f.source} file uploaded`);
      const res = await fetch(`${district.url}/back-office/attachments/${f.sha256}`, { headers: { authorization: 'Bearer test-back-office' } });
      expect(res.status).toBe(200);
      const upstream = Buffer.from(await res.arrayBuffer());
      expect(upstream.equals(fs.readFileSync(path.join(dir, `${f.source}.pdf`))), f.source).toBe(true);
    }
  });

  it('a refused camera: a clear message, the scanner and files still there', async () => {
    const { code } = await registerDossier();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await openDossier(page, code);
    const row = page.locator('.digitise__row').nth(0);
    await row.getByRole('button', { name: 'Camera' }).click();
    await page.getByRole('alert').getByText('Camera bị từ chối quyền sử dụng').waitFor();
    expect(await row.getByRole('button', { name: 'Máy quét' }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'digitise-camera-refused-vi.png') });
    await context.close();
  });
});
