import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDueVi, receiptQrPayload } from '../../src/shared/domain';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { CUPS_PDF_QUEUE, ensureCupsPdfQueue, lpPresent, waitForSpooledPdf } from '../helpers/cups';

/** The slips through the API, read back as text and barcodes; and the receipt through a real print spooler. */
let hub: TestHub;
let clerk: string;
const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 09:00 in Hà Nội

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  clerk = await hub.login(...DEMO.clerk1);
});
afterAll(async () => hub.close());

async function register(procedureCode?: string): Promise<{ code: string; secret: string; dueAt: number }> {
  const procedure = procedureCode ?? (await hub.api('GET', '/procedures?q=dang%20ky%20khai%20sinh', { token: clerk })).body.items[0].code;
  const r = await hub.api('POST', '/dossiers', {
    token: clerk,
    body: {
      procedureCode: procedure,
      applicant: { fullName: 'Trần Thị Ánh Tuyết', idType: 'cccd', idNumber: '001190012345', phone: '0987654321', address: 'Số 5 phố Đội Cấn, phường Ba Đình, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
    },
  });
  expect(r.status).toBe(200);
  return r.body;
}

/** Text (whitespace folded) and the decoded barcodes of a PDF. */
async function readPdf(res: Response): Promise<{ text: string; codes: Set<string> }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-slip-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '), codes: decode(file, dir) };
}

function decode(file: string, dir: string): Set<string> {
  execFileSync('pdftoppm', ['-r', '200', '-png', file, path.join(dir, 'p')]);
  const out = new Set<string>();
  for (const png of fs.readdirSync(dir).filter((f) => f.endsWith('.png'))) {
    const r = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const line of r.split('\n').filter(Boolean)) out.add(line);
  }
  return out;
}

const pdf = (p: string) => fetch(`${hub.url}/api/v1${p}`, { headers: { authorization: `Bearer ${clerk}` } });

describe('the slips', () => {
  it('supplement request: the missing items and the reason, with the dossier barcode', async () => {
    const d = await register();
    expect((await hub.api('GET', `/dossiers/${d.code}/slips/supplement`, { token: clerk })).body.error.code).toBe('INVALID_DOSSIER_STATE');
    await hub.api('POST', `/dossiers/${d.code}/supplement-request`, {
      token: clerk,
      body: { items: ['Giấy chứng sinh (bản chính)', 'Giấy tờ tùy thân của người đi khai sinh'], reason: 'Hồ sơ còn thiếu giấy chứng sinh.' },
    });
    const { text, codes } = await readPdf(await pdf(`/dossiers/${d.code}/slips/supplement`));
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Giấy chứng sinh (bản chính)');
    expect(text).toContain('Giấy tờ tùy thân của người đi khai sinh');
    expect(text).toContain('Hồ sơ còn thiếu giấy chứng sinh.');
    expect(text).toContain('Trần Thị Ánh Tuyết');
    expect(codes.has(d.code)).toBe(true);
  });

  it('refusal: the reason', async () => {
    const d = await register();
    await hub.api('POST', `/dossiers/${d.code}/refuse`, { token: clerk, body: { reason: 'Trẻ đã được đăng ký khai sinh tại nơi khác.' } });
    const { text, codes } = await readPdf(await pdf(`/dossiers/${d.code}/slips/refusal`));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Trẻ đã được đăng ký khai sinh tại nơi khác.');
    expect(codes.has(d.code)).toBe(true);
  });

  it('apology and extension (form 04): proposed a day ahead, the due time moves to the new appointment, both printed to the minute', async () => {
    const d = await register('1.001022'); // three working days: the proposal is at least a day before the due date
    const tooEarly = await hub.api('POST', `/dossiers/${d.code}/apology`, { token: clerk, body: { reason: 'x', newDueAt: d.dueAt - 3600_000 } });
    expect(tooEarly.status).toBe(400);
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.events).toHaveLength(1);
    const newDue = d.dueAt + 2 * 24 * 3600_000;
    const moved = await hub.api('POST', `/dossiers/${d.code}/apology`, { token: clerk, body: { reason: 'Cơ quan chuyên môn cần xác minh thêm.', newDueAt: newDue } });
    expect(moved.status).toBe(200);
    expect(moved.body.dueAt).toBe(newDue);
    expect(moved.body.status).toBe(2);
    const { text, codes } = await readPdf(await pdf(`/dossiers/${d.code}/slips/apology`));
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Cơ quan chuyên môn cần xác minh thêm.');
    expect(text).toContain(formatDueVi(d.dueAt));
    expect(text).toContain(formatDueVi(newDue));
    expect(codes.has(d.code)).toBe(true);
  });

  it('an unknown kind or dossier is a clear 4xx', async () => {
    expect((await hub.api('GET', '/dossiers/000.00.15.H24-261123-0999/slips/refusal', { token: clerk })).body.error.code).toBe('UNKNOWN_DOSSIER');
    expect((await hub.api('GET', '/dossiers/000.00.15.H24-261123-0001/slips/receipt', { token: clerk })).status).toBe(400);
  });
});

describe.skipIf(!lpPresent)('printing a dossier document through the hub (real CUPS)', () => {
  it('spools the receipt; its barcodes decode from what the spooler wrote', async () => {
    const outDir = await ensureCupsPdfQueue();
    const d = await register();
    const prefix = `MotCua_receipt_${d.code}`;
    for (const f of fs.existsSync(outDir) ? fs.readdirSync(outDir) : []) if (f.startsWith(prefix)) fs.rmSync(path.join(outDir, f), { force: true });
    const r = await hub.api('POST', `/dossiers/${d.code}/print`, { token: clerk, body: { document: 'receipt', printer: CUPS_PDF_QUEUE } });
    expect(r.status).toBe(200);
    const spooled = await waitForSpooledPdf(outDir, prefix);
    // cups-pdf turns text into outlines: check it by rendering and decoding, not by extracting text.
    const codes = decode(spooled, fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-spooled-')));
    expect(codes).toEqual(new Set([d.code, receiptQrPayload(d.code, d.secret)]));
  });

  it('a printer failure is a clear message and the dossier stays saved, ready to reprint', async () => {
    const d = await register();
    const r = await hub.api('POST', `/dossiers/${d.code}/print`, { token: clerk, body: { document: 'receipt', printer: 'Không có máy in này' } });
    expect(r.status).toBe(502);
    expect(r.body.error).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'PRINTER_NOT_FOUND' } });
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).status).toBe(200);
  });
});

describe('the receipt paper is an office setting', () => {
  it('A4 landscape by default, A5 (a page per copy) once the admin says so; a query still overrides', async () => {
    const d = await register();
    const info = async (p: string) => {
      const res = await pdf(p);
      expect(res.status).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-paper-'));
      fs.writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(await res.arrayBuffer()));
      return execFileSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' });
    };
    expect(await info(`/dossiers/${d.code}/receipt.pdf`)).toMatch(/Page size:\s+841\.8\d* x 595\.2\d* pts/);
    const admin = await hub.login();
    expect((await hub.api('PUT', '/admin/document-settings', { token: clerk, body: { receiptPaper: 'A5' } })).status).toBe(403);
    expect((await hub.api('PUT', '/admin/document-settings', { token: admin, body: { receiptPaper: 'A3' } })).status).toBe(400);
    expect((await hub.api('PUT', '/admin/document-settings', { token: admin, body: { receiptPaper: 'A5' } })).body).toEqual({ receiptPaper: 'A5' });
    const a5 = await info(`/dossiers/${d.code}/receipt.pdf`);
    expect(a5).toMatch(/Page size:\s+419\.5\d* x 595\.2\d* pts/);
    expect(a5).toMatch(/Pages:\s+2\n/);
    expect(await info(`/dossiers/${d.code}/receipt.pdf?paper=A4_landscape`)).toMatch(/Page size:\s+841\.8\d* x 595\.2\d* pts/);
    await hub.api('PUT', '/admin/document-settings', { token: admin, body: { receiptPaper: 'A4_landscape' } });
  });
});
