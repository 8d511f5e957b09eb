import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDueVi, parseEmvTlv, receiptQrPayload } from '../../src/shared/domain';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { dossierBody, syncUntil } from '../helpers/sync';

/**
 * Every form of Thông tư 03/2025/TT-VPCP through the API of a real hub (real
 * SQLite, real HTTP), synced with a real district server (PGlite): text read back
 * with pdftotext, barcodes and the VietQR decoded with zbarimg from pdftoppm's
 * rendering, the tracking book read back from its PDF and its workbook. Every
 * page is kept under test-results/forms/ to be looked at.
 */
let hub: TestHub;
let district: TestDistrict;
let admin: string;
let clerk: string;
const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 09:00 in Hà Nội
const OUT = path.resolve('test-results', 'forms');
const HEADER = { parentAgency: 'Ủy ban nhân dân phường Ba Đình', agencyName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', place: 'Ba Đình' };
const ACCOUNT = { bankBin: '970436', accountNumber: '0011004567890', accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG PHUONG BA DINH' };

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  district = await startTestDistrict();
  hub = await startTestHub({ clock: clock.now, sync: { autoStart: false } });
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  const r = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: await district.enrolmentCode() } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}, 60_000);
afterAll(async () => {
  await hub?.close();
  await district?.close();
});

async function register(over: Record<string, unknown> = {}): Promise<{ code: string; secret: string; dueAt: number }> {
  const r = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody({ procedureCode: '1.001022', ...over }) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** The PDF of a route: its text (whitespace folded), decoded symbols, and its pages saved as PNG under `name`. */
async function fetchPdf(p: string, name: string, token = clerk): Promise<{ text: string; codes: string[] }> {
  const res = await fetch(`${hub.url}/api/v1${p}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-form-'));
  const file = path.join(dir, 'form.pdf');
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  // Reading order, not -layout: the header's two columns would interleave.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const f of fs.readdirSync(OUT).filter((x) => x.startsWith(`${name}-`))) fs.rmSync(path.join(OUT, f));
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(OUT, name)]);
  execFileSync('pdftoppm', ['-png', '-r', '200', file, path.join(dir, 'p')]);
  const codes: string[] = [];
  for (const png of fs.readdirSync(dir).filter((f) => f.endsWith('.png'))) {
    let out = '';
    try {
      out = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // zbarimg exits 4 on a page without symbols (the tracking book).
    }
    codes.push(...out.split('\n').filter(Boolean));
  }
  return { text, codes };
}

const apiError = async (p: string, token = clerk) => hub.api('GET', p, { token });

/** CRC-16/CCITT-FALSE computed here with a table, independently of the builder's bit loop. */
function crcByTable(text: string): string {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
    return c & 0xffff;
  });
  let crc = 0xffff;
  for (const b of Buffer.from(text, 'utf8')) crc = ((crc << 8) ^ table[((crc >> 8) ^ b) & 0xff]!) & 0xffff;
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('the form settings (header and fee account)', () => {
  it('a bad account is refused with the field and changes nothing; a good one is kept', async () => {
    const before = (await hub.api('GET', '/admin/form-settings', { token: admin })).body;
    expect(before.header).toEqual(HEADER); // the demo office's header
    const bad = await hub.api('PUT', '/admin/form-settings', { token: admin, body: { header: HEADER, feeAccount: { ...ACCOUNT, bankBin: '12' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.error.details)).toContain('bankBin');
    const half = await hub.api('PUT', '/admin/form-settings', { token: admin, body: { header: HEADER, feeAccount: { ...ACCOUNT, accountName: '' } } });
    expect(half.status).toBe(400);
    expect((await hub.api('GET', '/admin/form-settings', { token: admin })).body).toEqual(before);
    expect((await hub.api('PUT', '/admin/form-settings', { token: clerk, body: { header: HEADER, feeAccount: ACCOUNT } })).status).toBe(403);
    const ok = await hub.api('PUT', '/admin/form-settings', { token: admin, body: { header: HEADER, feeAccount: ACCOUNT } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ header: HEADER, feeAccount: ACCOUNT });
  });
});

describe('forms 01–06 of a dossier', () => {
  let d: { code: string; secret: string; dueAt: number };

  it('01: the receipt of Circular 03 with the header from settings, its barcodes and the fee VietQR, decoded field by field', async () => {
    d = await register({ feeCollected: 50_000 });
    const { text, codes } = await fetchPdf(`/dossiers/${d.code}/forms/01`, 'form01');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Mẫu số 01 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH');
    expect(text).toContain('Ba Đình, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('7. Phí, lệ phí: 50.000 đồng');
    expect(text).toContain('quét mã VietQR');
    expect(text).toContain(`Nội dung: ${d.code}`);
    expect(text).toContain('Có thể nộp tiền mặt');
    expect(codes).toContain(d.code);
    expect(codes).toContain(receiptQrPayload(d.code, d.secret));
    const vietQr = codes.filter((c) => c.startsWith('000201'));
    expect(vietQr).toHaveLength(1); // the citizen's copy only
    const payload = vietQr[0]!;
    const fields = parseEmvTlv(payload);
    expect(fields.map((f) => f.id)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    const get = (id: string) => fields.find((f) => f.id === id)!.value;
    expect(get('00')).toBe('01');
    expect(get('01')).toBe('12');
    const merchant = parseEmvTlv(get('38'));
    expect(merchant).toEqual([
      { id: '00', value: 'A000000727' },
      { id: '01', value: `0006${ACCOUNT.bankBin}01${String(ACCOUNT.accountNumber.length).padStart(2, '0')}${ACCOUNT.accountNumber}` },
      { id: '02', value: 'QRIBFTTA' },
    ]);
    expect(parseEmvTlv(merchant[1]!.value)).toEqual([
      { id: '00', value: ACCOUNT.bankBin },
      { id: '01', value: ACCOUNT.accountNumber },
    ]);
    expect(get('53')).toBe('704');
    expect(get('54')).toBe('50000');
    expect(get('58')).toBe('VN');
    expect(parseEmvTlv(get('62'))).toEqual([{ id: '08', value: d.code }]);
    expect(get('63')).toBe(crcByTable(payload.slice(0, -4)));
    // The old receipt route is an alias of form 01.
    expect((await fetch(`${hub.url}/api/v1/dossiers/${d.code}/receipt.pdf`, { headers: { authorization: `Bearer ${clerk}` } })).status).toBe(200);
    // Paid or not is the district's to say: nothing said yet.
    expect((await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.paymentStatus).toBeNull();
  });

  it('no fee or no account: no VietQR, cash as before', async () => {
    const free = await register({ feeCollected: 0 });
    const { text, codes } = await fetchPdf(`/dossiers/${free.code}/forms/01`, 'form01-free');
    expect(text).toContain('Không thu phí, lệ phí');
    expect(text).not.toContain('VietQR');
    expect(codes.filter((c) => c.startsWith('000201'))).toHaveLength(0);
  });

  it('bad form numbers and forms that do not apply now: a clear 4xx, nothing printed', async () => {
    for (const form of ['07', '9', 'xx', '1']) {
      const r = await apiError(`/dossiers/${d.code}/forms/${form}`);
      expect(r.status, form).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await apiError(`/dossiers/${d.code}/forms/07`)).body.error.details[0].message).toContain('01–06');
    for (const [form, words] of [
      ['02', 'no supplement was requested'],
      ['03', 'not refused'],
      ['04', 'no extension was proposed'],
      ['05', 'not stopped'],
    ] as const) {
      const r = await apiError(`/dossiers/${d.code}/forms/${form}`);
      expect(r.status, form).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'INVALID_DOSSIER_STATE', details: { form } });
      expect(r.body.error.message).toContain(words);
    }
    expect((await apiError('/dossiers/000.00.15.H24-261123-0999/forms/01')).body.error.code).toBe('UNKNOWN_DOSSIER');
  });

  it('06: the control sheet lists each hand-over the district reports, and the paid fee comes back by sync', async () => {
    await hub.api('POST', '/sync/now', { token: admin });
    expect((await district.backOffice('POST', `/back-office/dossiers/${d.code}/move`, { stage: 'Thẩm định', department: 'Phòng Tư pháp', handler: 'Lê Văn Cường' })).status).toBe(200);
    await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.status === 4);
    clock.advance(3600_000);
    expect((await district.backOffice('POST', `/back-office/dossiers/${d.code}/move`, { stage: 'Trình ký', department: 'Lãnh đạo UBND phường', handler: 'Phạm Thu Hà' })).status).toBe(200);
    expect((await district.backOffice('POST', `/back-office/dossiers/${d.code}/payment`, { status: 'paid' })).status).toBe(200);
    await syncUntil(hub, admin, async () => (await hub.api('GET', `/dossiers/${d.code}`, { token: clerk })).body.paymentStatus === 'paid');
    const { text, codes } = await fetchPdf(`/dossiers/${d.code}/forms/06`, 'form06');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 06 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain(`Kèm theo hồ sơ của: Ông/Bà Nguyễn Văn An`);
    for (const w of ['Phòng Tư pháp', '(Thẩm định)', 'Lê Văn Cường', 'Lãnh đạo UBND phường', 'Phạm Thu Hà', 'Trước hạn', 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ']) expect(text).toContain(w);
    expect(text).toContain('3 lần giao, nhận');
    expect(codes).toContain(d.code);
  });

  it('04: the apology proposes an extension once, a day ahead; the district grants it through sync', async () => {
    const newDue = d.dueAt + 2 * 24 * 3600_000;
    const r = await hub.api('POST', `/dossiers/${d.code}/apology`, { token: clerk, body: { reason: 'Cần xác minh thêm tại nơi cư trú.', newDueAt: newDue } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const again = await hub.api('POST', `/dossiers/${d.code}/apology`, { token: clerk, body: { reason: 'Lần nữa', newDueAt: newDue + 24 * 3600_000 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXTENSION_NOT_ALLOWED');
    expect(again.body.error.message).toContain('only once');
    const { text } = await fetchPdf(`/dossiers/${d.code}/forms/04`, 'form04');
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Mẫu số 04 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Văn An');
    expect(text).toContain('Lý do: Cần xác minh thêm tại nơi cư trú.');
    expect(text).toContain(formatDueVi(d.dueAt));
    expect(text).toContain(`đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào: ${formatDueVi(newDue)}`);
    expect(text).toContain('Thời gian đề nghị gia hạn');
    expect(text).toContain('ĐẠI DIỆN CƠ QUAN, ĐƠN VỊ');
    await hub.api('POST', '/sync/now', { token: admin });
    expect((await district.backOffice('GET', `/back-office/dossiers/${d.code}`)).body).toMatchObject({ due_at: newDue, extensions: 1 });
    expect((await fetchPdf(`/dossiers/${d.code}/forms/04`, 'form04-granted')).text).toContain('đã được cơ quan có thẩm quyền chấp thuận');
  });

  it('an extension proposed on the due day is refused with the reason, nothing recorded', async () => {
    const late = await register();
    clock.advance(3 * 24 * 3600_000); // Thursday 09:00: the three working days end today
    clerk = await hub.login(...DEMO.clerk1);
    const r = await hub.api('POST', `/dossiers/${late.code}/apology`, { token: clerk, body: { reason: 'Trễ', newDueAt: clock.now() + 5 * 24 * 3600_000 } });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('at least 1 day before the due date');
    expect((await hub.api('GET', `/dossiers/${late.code}`, { token: clerk })).body.events).toHaveLength(1);
    clock.advance(-3 * 24 * 3600_000);
    clerk = await hub.login(...DEMO.clerk1);
    admin = await hub.login();
  });

  it('02: the supplement request', async () => {
    const s = await register();
    await hub.api('POST', `/dossiers/${s.code}/supplement-request`, { token: clerk, body: { items: ['Giấy chứng sinh (bản chính)'], reason: 'Hồ sơ còn thiếu giấy chứng sinh.' } });
    const { text, codes } = await fetchPdf(`/dossiers/${s.code}/forms/02`, 'form02');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Mẫu số 02 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('1. Giấy chứng sinh (bản chính)');
    expect(text).toContain('Lý do: Hồ sơ còn thiếu giấy chứng sinh.');
    expect(codes).toContain(s.code);
  });

  it('03: the refusal', async () => {
    const s = await register();
    await hub.api('POST', `/dossiers/${s.code}/refuse`, { token: clerk, body: { reason: 'Thủ tục không thuộc thẩm quyền của phường.' } });
    const { text } = await fetchPdf(`/dossiers/${s.code}/forms/03`, 'form03');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 03 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('Thủ tục không thuộc thẩm quyền của phường.');
  });

  it('05: stopped at the counter (status 8) with its reason; a stop without a reason is refused; the district takes the proposal', async () => {
    const s = await register();
    const empty = await hub.api('POST', `/dossiers/${s.code}/stop`, { token: clerk, body: { reason: '   ' } });
    expect(empty.status).toBe(400);
    expect((await hub.api('GET', `/dossiers/${s.code}`, { token: clerk })).body.status).toBe(2);
    const r = await hub.api('POST', `/dossiers/${s.code}/stop`, { token: clerk, body: { reason: 'Ông/Bà có đơn đề nghị dừng thực hiện thủ tục.' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 8, statusKey: 'stopped' });
    const { text } = await fetchPdf(`/dossiers/${s.code}/forms/05`, 'form05');
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 05 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('Lý do dừng giải quyết: Ông/Bà có đơn đề nghị dừng thực hiện thủ tục.');
    expect(text).toContain('Việc trả lại hồ sơ giấy và phí, lệ phí (nếu có) theo quy định của pháp luật chuyên ngành.');
    expect((await hub.api('POST', `/dossiers/${s.code}/stop`, { token: clerk, body: { reason: 'Lần nữa' } })).status).toBe(409);
    await hub.api('POST', '/sync/now', { token: admin });
    expect((await district.backOffice('GET', `/back-office/dossiers/${s.code}`)).body.status).toBe(8);
  });
});

describe('07: the tracking book over a period', () => {
  it('lists every dossier received in the period, one row each, as PDF and as a workbook with typed cells', async () => {
    const firstDay = hub.query<{ code: string }>("SELECT code FROM dossiers WHERE office_day = '2026-11-23' ORDER BY accepted_at, id").map((r) => r.code);
    expect(firstDay.length).toBeGreaterThanOrEqual(6);
    clock.advance(24 * 3600_000); // Tuesday
    clerk = await hub.login(...DEMO.clerk1);
    admin = await hub.login();
    const tuesday = await register();
    const { text } = await fetchPdf('/supervisor/tracking-book.pdf?from=23/11/2026&to=23/11/2026', 'form07', admin);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Mẫu số 07 — Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain(`Từ ngày 23/11/2026 đến ngày 23/11/2026 — ${firstDay.length} hồ sơ`);
    for (const code of firstDay) expect(text).toContain(code);
    expect(text).not.toContain(tuesday.code);
    expect(text).toMatch(/Trang 1\/\d/);
    expect(text).toContain('Dừng xử lý');

    const res = await fetch(`${hub.url}/api/v1/supervisor/tracking-book.xlsx?from=2026-11-23&to=24/11/2026`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const rows: { code: string; n: unknown; received: unknown; sets: unknown }[] = [];
    ws.eachRow((row, i) => {
      if (i > 4) rows.push({ n: row.getCell(1).value, code: String(row.getCell(2).value), sets: row.getCell(4).value, received: row.getCell(8).value });
    });
    expect(rows.map((r) => r.code)).toEqual([...firstDay, tuesday.code]);
    expect(rows[0]!.n).toBe(1);
    expect(typeof rows[0]!.sets).toBe('number');
    expect(rows[0]!.received).toBeInstanceOf(Date);
    // Office wall-clock time (09:00 Hà Nội) as Excel shows it.
    expect((rows[0]!.received as Date).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('bad periods: a clear 400 with the reason, and clerks may not export it', async () => {
    const bad = await apiError('/supervisor/tracking-book.pdf?from=31/02/2026&to=01/03/2026', admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('is not a date: write dd/mm/yyyy');
    const long = await apiError('/supervisor/tracking-book.xlsx?from=01/01/2025&to=02/01/2026', admin);
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('at most a year');
    const reversed = await apiError('/supervisor/tracking-book.pdf?from=24/11/2026&to=23/11/2026', admin);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('starts after it ends');
    expect((await apiError('/supervisor/tracking-book.pdf?from=23/11/2026', admin)).status).toBe(400);
    expect((await apiError('/supervisor/tracking-book.pdf?from=23/11/2026&to=23/11/2026', clerk)).status).toBe(403);
  });
});
