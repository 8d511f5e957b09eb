import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { catalogueCsv, catalogueXlsx, type CatalogueRow } from '../helpers/catalogueFiles';

/** 1.001022 "Đăng ký nhận cha, mẹ, con": 3 working days in the seed. */
const CODE = '1.001022';
const BIRTH: CatalogueRow = { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã', processing: 'Trong ngày', fee: 'Miễn lệ phí khi đăng ký đúng hạn', legal: 'Luật Hộ tịch số 60/2014/QH13' };
const PARENT: CatalogueRow = {
  code: CODE,
  name: 'Đăng ký nhận cha, mẹ, con',
  field: 'Hộ tịch',
  level: 'Cấp xã',
  agency: 'Ủy ban nhân dân cấp xã',
  processing: '10 ngày làm việc',
  fee: '25.000 đồng',
  documents: 'Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)\nChứng cứ chứng minh quan hệ cha, mẹ, con',
  legal: 'Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP',
};
const NEW: CatalogueRow = { code: 'DP-HT-050', name: 'Đăng ký giám hộ cử (thử nghiệm)', field: 'Hộ tịch', level: 'Cấp tỉnh', processing: '05 ngày làm việc', fee: 'Không', legal: 'Luật Hộ tịch số 60/2014/QH13' };

let hub: TestHub;
let admin: string;
let clerk: string;
const clock = fakeClock('2026-12-01T09:00:00+07:00');
beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
});
afterAll(async () => hub.close());

async function upload(bytes: Uint8Array, fileName = 'danh-muc.xlsx', token = admin) {
  const res = await fetch(`${hub.url}/api/v1/admin/catalogue/import?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const apply = (previewId: string, hash: string) => hub.api('POST', '/admin/catalogue/import', { token: admin, body: { previewId, hash } });

/** The catalogue tables, whole: what a preview or a refused apply must leave as it was. */
const catalogueTables = () => ({
  procedures: hub.query('SELECT * FROM procedures ORDER BY id'),
  documents: hub.query('SELECT * FROM procedure_documents ORDER BY procedure_id, position'),
  versions: hub.query('SELECT * FROM procedure_versions ORDER BY procedure_code, version'),
  index: hub.query('SELECT rowid, * FROM procedure_search ORDER BY rowid'),
});

const register = async () => {
  const r = await hub.api('POST', '/dossiers', {
    token: clerk,
    body: {
      procedureCode: CODE,
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', address: 'Số 1 phố Huế, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 15000,
      resultDelivery: 'counter',
      notes: '',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { code: string; dueAt: number };
};
async function receiptText(code: string) {
  const res = await fetch(`${hub.url}/api/v1/dossiers/${code}/receipt.pdf`, { headers: { authorization: `Bearer ${clerk}` } });
  expect(res.status).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-rcpt-')), 'r.pdf');
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('import: preview changes nothing, apply applies that preview, versions keep old dossiers as they were', () => {
  let old: { code: string; dueAt: number };
  let oldReceipt: string;
  let preview: any;
  it('a dossier received under version 1', async () => {
    old = await register();
    oldReceipt = await receiptText(old.code);
    expect(hub.query('SELECT procedure_version, procedure_level FROM dossiers WHERE code = ?', old.code)).toEqual([{ procedure_version: 1, procedure_level: 'commune' }]);
  });
  it('the preview lists added, changed (with what changed) and removed, and writes nothing', async () => {
    const before = catalogueTables();
    const r = await upload(await catalogueXlsx([BIRTH, PARENT, NEW]));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    preview = r.body;
    expect(preview).toMatchObject({ kind: 'preview', format: 'xlsx', rows: 3, errors: [], errorCount: 0, previewId: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(preview.columns).toMatchObject({ code: 'Mã thủ tục', fee: 'Phí, lệ phí', legalBasis: 'Căn cứ pháp lý' });
    expect(preview.ignoredColumns).toEqual(['STT']);
    expect(preview.added).toEqual([{ code: 'DP-HT-050', nameVi: NEW.name, row: 5, changes: [] }]);
    const changed = preview.changed.find((c: any) => c.code === CODE);
    expect(changed.row).toBe(4);
    expect(changed.changes.map((c: any) => c.field)).toEqual(expect.arrayContaining(['processing', 'fee', 'feeText', 'implementingAgency', 'documents']));
    expect(changed.changes.find((c: any) => c.field === 'processing')).toEqual({ field: 'processing', before: '3 working_days', after: '10 working_days' });
    const seeded = hub.query<{ n: number }>('SELECT count(*) AS n FROM procedures WHERE active = 1')[0]!.n;
    expect(preview.removed.length + preview.changed.length + preview.unchanged).toBe(seeded - 0);
    expect(preview.removed.map((x: any) => x.code)).not.toContain(CODE);
    expect(catalogueTables()).toEqual(before);
  });
  it('a wrong hash is refused and changes nothing', async () => {
    const before = catalogueTables();
    const r = await apply(preview.previewId, '0'.repeat(64));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('PREVIEW_MISMATCH');
    expect(catalogueTables()).toEqual(before);
  });
  it('apply writes new versions, takes the removed off the lists, and audits it', async () => {
    clock.advance(60_000);
    const r = await apply(preview.previewId, preview.hash);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ kind: 'applied', added: 1, changed: preview.changed.length, removed: preview.removed.length });
    const p = await hub.api('GET', `/procedures/${CODE}`, { token: clerk });
    expect(p.body).toMatchObject({ version: 2, processing: { value: 10, unit: 'working_days' }, fee: { amount: 25000, textVi: '25.000 đồng' }, implementingAgency: 'Ủy ban nhân dân cấp xã', nameEn: 'Registration of recognition of father, mother or child' });
    const versions = await hub.api('GET', `/procedures/${CODE}/versions`, { token: clerk });
    expect(versions.body.map((v: any) => [v.version, v.source, v.procedure.processing.value])).toEqual([[2, 'import', 10], [1, 'seed', 3]]);
    expect((await hub.api('GET', '/procedures/DP-HT-050', { token: clerk })).body).toMatchObject({ level: 'province', version: 1 });
    const removed = preview.removed[0].code;
    expect((await hub.api('GET', `/procedures/${removed}`, { token: clerk })).body.active).toBe(false);
    const listed = await hub.api('GET', '/procedures?limit=100', { token: clerk });
    expect(listed.body.items.map((i: any) => i.code).sort()).toEqual([BIRTH.code, CODE, NEW.code].sort());
    expect(hub.query('SELECT action, target FROM audit_log WHERE action = ?', 'settings.catalogue')).toEqual([{ action: 'settings.catalogue', target: 'danh-muc.xlsx' }]);
  });
  it('the old dossier keeps its receipt and due time; a new one is received under version 2', async () => {
    const again = await hub.api('GET', `/dossiers/${old.code}`, { token: clerk });
    expect(again.body.dueAt).toBe(old.dueAt);
    expect(again.body.procedure).toMatchObject({ processingValue: 3, level: 'commune', version: 1 });
    expect(await receiptText(old.code)).toBe(oldReceipt);
    const fresh = await register();
    expect(fresh.dueAt).toBeGreaterThan(old.dueAt);
    expect(hub.query('SELECT code, procedure_version FROM dossiers ORDER BY id')).toEqual([
      { code: old.code, procedure_version: 1 },
      { code: fresh.code, procedure_version: 2 },
    ]);
  });
  it('a preview is applied once; the same file again changes nothing', async () => {
    expect((await apply(preview.previewId, preview.hash)).body.error.code).toBe('UNKNOWN_PREVIEW');
    const r = await upload(await catalogueXlsx([BIRTH, PARENT, NEW]));
    expect(r.body).toMatchObject({ added: [], changed: [], removed: [], unchanged: 3 });
  });
  it('a preview made before another import is refused: the catalogue changed since', async () => {
    const first = (await upload(catalogueCsv([BIRTH, { ...PARENT, processing: '12 ngày làm việc' }, NEW]), 'a.csv')).body;
    const second = (await upload(catalogueCsv([BIRTH, { ...PARENT, processing: '8 ngày làm việc' }, NEW]), 'b.csv')).body;
    expect(first.format).toBe('csv');
    expect((await apply(second.previewId, second.hash)).status).toBe(200);
    const before = catalogueTables();
    const stale = await apply(first.previewId, first.hash);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CATALOGUE_CHANGED');
    expect(catalogueTables()).toEqual(before);
  });
});

describe('bad files: a clear message, nothing applied, the hub still answers', () => {
  let before: ReturnType<typeof catalogueTables>;
  beforeAll(() => {
    before = catalogueTables();
  });
  const expectUntouched = async () => {
    expect(catalogueTables()).toEqual(before);
    expect((await hub.api('GET', '/health')).status).toBe(200);
  };
  it('not a spreadsheet: binary, an old .xls, a zip that is no xlsx, text that is not UTF-8', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const latin1 = new Uint8Array([...new TextEncoder().encode('Mã thủ tục,Tên\n'), 0xe0, 0x2c, 0x41, 0x0a]);
    for (const [bytes, want] of [[png, 'neither an xlsx'], [xls, '.xls'], [zip, 'cannot be read'], [latin1, 'UTF-8']] as const) {
      const r = await upload(bytes, 'x.bin');
      expect(r.status, want).toBe(415);
      expect(r.body.error).toMatchObject({ code: 'NOT_A_SPREADSHEET', message: expect.stringContaining(want) });
    }
    expect((await upload(new Uint8Array(0))).body.error.code).toBe('EMPTY_FILE');
    await expectUntouched();
  });
  it('missing columns are named', async () => {
    const r = await upload(catalogueCsv([BIRTH], ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Ghi chú']), 'thieu-cot.csv');
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'CATALOGUE_COLUMNS', details: { missing: ['Cấp thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí'] } });
    expect(r.body.error.message).toContain('"Cấp thực hiện"');
    await expectUntouched();
  });
  it('duplicate codes and broken fees: each bad row with its number, column and why; no preview to apply', async () => {
    const r = await upload(await catalogueXlsx([BIRTH, PARENT, { ...PARENT, name: 'Trùng mã' }, { ...NEW, fee: '5O.000 đồng' }, { ...NEW, code: 'DP-HT-051', fee: '-20.000' }, { ...NEW, code: 'DP-HT-052', level: 'Cấp huyện' }]));
    expect(r.status).toBe(200);
    expect(r.body.previewId).toBeNull();
    expect(r.body.errors).toEqual([
      { row: 5, column: 'Mã thủ tục', reason: 'The code 1.001022 is already on row 4.', rule: 'code.duplicate', values: { code: '1.001022', row: 4 } },
      { row: 6, column: 'Phí, lệ phí', reason: expect.stringContaining('letters'), rule: 'fee.letters', values: { text: '5O.000 đồng' } },
      { row: 7, column: 'Phí, lệ phí', reason: expect.stringContaining('negative'), rule: 'fee.negative', values: { text: '-20.000' } },
      { row: 8, column: 'Cấp thực hiện', reason: expect.stringContaining('1 July 2025'), rule: 'level.district' },
    ]);
    expect(r.body.errorCount).toBe(4);
    await expectUntouched();
  });
  it('100 000 rows are refused at the row limit', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...NEW, code: `DP-HT-${String(i % 1000).padStart(3, '0')}`, name: `Thủ tục ${i}` }));
    const r = await upload(catalogueCsv(rows), 'lon.csv');
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'TOO_MANY_ROWS', message: expect.stringContaining('20,000'), details: { maxRows: 20000 } });
    await expectUntouched();
  });
  it('only an administrator may import; an apply body of the wrong shape is a 400', async () => {
    expect((await upload(catalogueCsv([BIRTH]), 'x.csv', clerk)).status).toBe(403);
    const bad = await hub.api('POST', '/admin/catalogue/import', { token: admin, body: { previewId: 'x', hash: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    await expectUntouched();
  });
});
