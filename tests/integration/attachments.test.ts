import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { textPagePng } from '../helpers/pages';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';
import { createServices } from '../../src/main/services';
import { createClock } from '../../src/main/services/clock';

/**
 * Digitising at the counter through the real hub: pages become an A4 PDF stored beside the store under
 * its hash, the list says which components are digitised by the 766 rule, and every bad input is a clear
 * error that leaves the store and the files folder as they were. The scanner is SANE's `test` device.
 */
let hub: TestHub;
let tmp: string;
let page: Buffer;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-attach-'));
  page = await textPagePng(tmp);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(async () => hub?.close());

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function setup(options: Parameters<typeof startTestHub>[0] = {}) {
  hub = await startTestHub({ digitising: { scanner: { device: 'test:0', args: ['--test-picture', 'Grid', '-x', '190', '-y', '200'] } }, ...options });
  const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
  expect((await hub.api('POST', '/counters/2/open', { token })).status).toBe(200);
  const reg = await hub.api('POST', '/dossiers', {
    token,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: '', address: 'Số 1 phố Huế, Hà Nội' },
      documents: [
        { nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true },
        { nameVi: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true },
        { nameVi: 'Giấy tờ chưa nộp', originals: 1, certifiedCopies: 0, photocopies: 0, received: false },
      ],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
    },
  });
  expect(reg.status).toBe(200);
  return { token, code: reg.body.code as string };
}

const filesDir = () => path.join(hub.dataDir, 'files');
const storedFiles = (): string[] => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);
const snapshot = () => ({
  attachments: hub.query('SELECT * FROM dossier_attachments ORDER BY id'),
  dossiers: hub.query('SELECT id, status, updated_at FROM dossiers ORDER BY id'),
  audit: hub.query("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'attachment.%'"),
  files: storedFiles(),
});
const pdfinfo = (bytes: Buffer) => {
  const f = path.join(tmp, `${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(f, bytes);
  return execFileSync('pdfinfo', [f], { encoding: 'utf8' });
};

describe('attaching captured pages', () => {
  it('makes one A4 PDF of the pages, stored under its hash and fsynced, listed as the component digitised', async () => {
    const { token, code } = await setup();
    const added = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: [b64(page), b64(page)] } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ kind: 'component', position: 1, pages: 2, source: 'camera', name: '01 Tờ khai đăng ký nhận cha, mẹ, con.pdf', removedAt: null, uploaded: false });

    const file = await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${added.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(added.body.sha256);
    expect(bytes.length).toBe(added.body.size);
    // On disk under its own hash, beside the store.
    expect(fs.readFileSync(path.join(filesDir(), added.body.sha256.slice(0, 2), added.body.sha256)).equals(bytes)).toBe(true);
    const info = pdfinfo(bytes);
    expect(info).toMatch(/Pages:\s+2/);
    // The receipt is an A4 landscape sheet: a landscape page gets a landscape A4.
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    // A page of text weighs tens of kilobytes, not megabytes.
    expect(bytes.length / 2).toBeLessThan(150 * 1024);
    console.log(`text page: ${Math.round(bytes.length / 2 / 1024)} kB per page`);

    const list = await hub.api('GET', `/dossiers/${code}/attachments`, { token });
    expect(list.status).toBe(200);
    expect(list.body.components.map((c: { attachmentId: number | null }) => c.attachmentId)).toEqual([added.body.id, null, null]);
    expect(list.body.digitisation).toEqual({ digitised: false, missingComponents: [2], resultMissing: false, componentsWithFile: 1, componentsReceived: 2, resultExists: false });
    const audit = hub.query("SELECT action, actor_name, target FROM audit_log WHERE action LIKE 'attachment.%'");
    expect(audit).toEqual([{ action: 'attachment.add', actor_name: 'canbo1', target: `dossier:${code}` }]);
  });

  it('counts the dossier digitised once each received component has a file and the result has one', async () => {
    const { token, code } = await setup();
    for (const position of [1, 2]) {
      const r = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position }, source: 'file', file: { name: `trang-${position}.png`, data: b64(page) } } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect((await hub.api('GET', `/dossiers/${code}/attachments`, { token })).body.digitisation.digitised).toBe(true);
    // A result before there is one: refused, nothing changes.
    const before = snapshot();
    const early = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'result' }, source: 'scanner', pages: [b64(page)] } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NO_RESULT_YET');
    expect(snapshot()).toEqual(before);

    expect((await hub.api('POST', `/dossiers/${code}/result-ready`, { token, body: {} })).status).toBe(200);
    const now = await hub.api('GET', `/dossiers/${code}/attachments`, { token });
    expect(now.body.digitisation).toMatchObject({ digitised: false, resultExists: true, resultMissing: true });
    const result = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'result' }, source: 'scanner', pages: [b64(page)] } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ kind: 'result', position: null });
    expect((await hub.api('GET', `/dossiers/${code}/attachments`, { token })).body.digitisation.digitised).toBe(true);

    // The service the supervisor's 766 tab reads: per dossier, by the same rule (a second connection; WAL).
    const db = openStore(path.join(hub.dataDir, 'motcua.sqlite'), { mustExist: true });
    try {
      const services = createServices(createStore(db), createClock(), { version: 'test', sync: { autoStart: false } });
      const states = services.attachments.digitisationOf(0, Date.now() + 86_400_000);
      expect(states).toEqual([{ code, state: { digitised: true, missingComponents: [], resultMissing: false, componentsWithFile: 2, componentsReceived: 2, resultExists: true } }]);
      expect(services.attachments.digitisationOf(0, 1)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('replaces or removes a file only when asked, audited, and keeps the old file', async () => {
    const { token, code } = await setup();
    const target = { kind: 'component', position: 1 };
    const first = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target, source: 'camera', pages: [b64(page)] } });
    const before = snapshot();
    const again = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target, source: 'camera', pages: [b64(page), b64(page)] } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ATTACHMENT_EXISTS', details: { attachmentId: first.body.id } });
    expect(snapshot().attachments).toEqual(before.attachments);

    const second = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target, source: 'camera', pages: [b64(page), b64(page)], replaces: first.body.id } });
    expect(second.status).toBe(200);
    const list = await hub.api('GET', `/dossiers/${code}/attachments`, { token });
    expect(list.body.attachments.map((a: { id: number; replacedBy: number | null }) => [a.id, a.replacedBy])).toEqual([
      [second.body.id, null],
      [first.body.id, second.body.id],
    ]);
    // The replaced file is still there and still served.
    const old = await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${first.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(old.status).toBe(200);

    const removed = await hub.api('POST', `/dossiers/${code}/attachments/${second.body.id}/remove`, { token, body: { reason: 'Chụp nhầm hồ sơ' } });
    expect(removed.status).toBe(200);
    expect(removed.body.removedAt).not.toBeNull();
    expect((await hub.api('POST', `/dossiers/${code}/attachments/${second.body.id}/remove`, { token, body: { reason: 'lần nữa' } })).body.error.code).toBe('ATTACHMENT_ALREADY_REMOVED');
    expect(hub.query("SELECT action FROM audit_log WHERE action LIKE 'attachment.%' ORDER BY id").map((r: { action: string }) => r.action)).toEqual([
      'attachment.add',
      'attachment.replace',
      'attachment.remove',
    ]);
    expect(hub.query("SELECT detail FROM audit_log WHERE action = 'attachment.remove'")[0].detail).toContain('Chụp nhầm hồ sơ');
    expect(storedFiles().length).toBe(2);
  });
});

describe('bad input: a clear error, the dossier and the files folder unchanged', () => {
  async function refusedPdf(make: (doc: PDFDocument) => void | Promise<void>): Promise<Buffer> {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('To khai');
    await make(doc);
    return Buffer.from(await doc.save());
  }

  it('refuses each bad file', async () => {
    const { token, code } = await setup({ digitising: { limits: { maxFileBytes: 5 * 1024 * 1024, maxPages: 100 } } });
    const attach = (file: { name: string; data: string }) => hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'file', file } });
    const fivehundred = await refusedPdf(async (doc) => {
      for (let i = 1; i < 500; i++) doc.addPage([595, 842]);
    });
    const script = await refusedPdf((doc) => {
      const js = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js));
    });
    const embedded = await refusedPdf(async (doc) => {
      await doc.attach(Buffer.from('secret'), 'x.txt', { mimeType: 'text/plain' });
    });
    const cases: [string, { name: string; data: string }, number, string][] = [
      ['a PNG named .pdf', { name: 'to-khai.pdf', data: b64(page) }, 400, 'FILE_TYPE_MISMATCH'],
      ['text named .jpg', { name: 'anh.jpg', data: b64(Buffer.from('hello')) }, 400, 'FILE_TYPE_MISMATCH'],
      ['a zero-byte file', { name: 'rong.pdf', data: '' }, 400, 'EMPTY_FILE'],
      ['a 500-page PDF', { name: 'dai.pdf', data: b64(fivehundred) }, 400, 'TOO_MANY_PAGES'],
      ['a PDF with a script', { name: 'js.pdf', data: b64(script) }, 400, 'PDF_ACTIVE_CONTENT'],
      ['a PDF with an attached file', { name: 'kem.pdf', data: b64(embedded) }, 400, 'PDF_ACTIVE_CONTENT'],
      ['a truncated PDF', { name: 'hong.pdf', data: b64(Buffer.from('%PDF-1.7\n1 0 obj <<')) }, 400, 'PDF_UNREADABLE'],
      ['a Word file', { name: 'don.docx', data: b64(Buffer.from('PK\u0003\u0004')) }, 400, 'UNSUPPORTED_FILE'],
      ['a file over the limit', { name: 'lon.png', data: b64(Buffer.concat([page, Buffer.alloc(5 * 1024 * 1024)])) }, 400, 'FILE_TOO_LARGE'],
    ];
    const before = snapshot();
    for (const [what, file, status, errorCode] of cases) {
      const r = await attach(file);
      expect(r.status, what).toBe(status);
      expect(r.body.error.code, what).toBe(errorCode);
      expect(r.body.error.message.length, what).toBeGreaterThan(10);
    }
    // A corrupt image among captured pages.
    const broken = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: [b64(page), b64(page.subarray(0, 200))] } });
    expect(broken.body.error.code).toBe('UNREADABLE_IMAGE');
    const unknown = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 9 }, source: 'camera', pages: [b64(page)] } });
    expect(unknown.body.error.code).toBe('UNKNOWN_COMPONENT');
    const neither = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'camera' } });
    expect(neither.body.error.code).toBe('VALIDATION_FAILED');
    expect(snapshot()).toEqual(before);
    // The counter still works.
    expect((await hub.api('GET', `/dossiers/${code}`, { token })).status).toBe(200);
  });

  it('says when the wrong dossier or file is asked for', async () => {
    const { token, code } = await setup();
    expect((await hub.api('GET', `/dossiers/NOPE-1/attachments`, { token })).body.error.code).toBe('UNKNOWN_DOSSIER');
    expect((await hub.api('GET', `/dossiers/${code}/attachments/99`, { token })).body.error.code).toBe('UNKNOWN_ATTACHMENT');
    const kiosk = await hub.pairDevice('kiosk');
    expect((await hub.api('GET', `/dossiers/${code}/attachments`, { token: kiosk })).status).toBe(403);
  });

  it('will not serve a file whose bytes no longer match its hash', async () => {
    const { token, code } = await setup();
    const a = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: [b64(page)] } });
    fs.appendFileSync(path.join(filesDir(), a.body.sha256.slice(0, 2), a.body.sha256), 'x');
    const r = await hub.api('GET', `/dossiers/${code}/attachments/${a.body.id}`, { token });
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('ATTACHMENT_DAMAGED');
  });
});

describe("the hub's scanner (SANE test device)", () => {
  it('scans a page, shown to the clerk as an A4 page at 150 dpi', async () => {
    const { token } = await setup();
    const r = await hub.api('POST', '/scanner/scan', { token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // A black-and-white grid is kept as a two-colour PNG, like text.
    const png = Buffer.from(r.body.image, 'base64');
    expect(png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    // 190 × 200 mm at 150 dpi, inside A4 at 150 dpi: kept as scanned.
    expect(r.body.width).toBe(1122);
    expect(r.body.height).toBe(1181);
  });

  it('keeps a colour page in colour (JPEG)', async () => {
    hub = await startTestHub({ digitising: { scanner: { device: 'test:0', args: ['--mode', 'Color', '--test-picture', 'Color pattern'] } } });
    const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const r = await hub.api('POST', '/scanner/scan', { token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(Buffer.from(r.body.image, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it.each([
    ['busy', ['--read-return-value', 'SANE_STATUS_DEVICE_BUSY'], 'test:0', 409, 'SCANNER_BUSY'],
    ['unplugged mid-page', ['--read-return-value', 'SANE_STATUS_IO_ERROR'], 'test:0', 502, 'SCANNER_FAILED'],
    ['jammed', ['--read-return-value', 'SANE_STATUS_JAMMED'], 'test:0', 409, 'SCANNER_JAMMED'],
    ['not there', [], 'test:9', 503, 'SCANNER_NOT_FOUND'],
  ])('a scanner that is %s: a clear message, the counter still works', async (_what, args, device, status, errorCode) => {
    hub = await startTestHub({ digitising: { scanner: { device, args } } });
    const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const r = await hub.api('POST', '/scanner/scan', { token });
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(errorCode);
    expect((await hub.api('GET', '/counters', { token })).status).toBe(200);
    // The next scan is not refused as busy: the failed one let go.
    expect((await hub.api('POST', '/scanner/scan', { token })).body.error.code).toBe(errorCode);
  });
});

describe('the 766 digitisation items (Decision 766, 4.2) read the attachments', () => {
  it('a dossier counts under 4.2 (1) once every received component has a file, not before', async () => {
    const { token, code } = await setup();
    const admin = await hub.login();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const index = async () => (await hub.api('GET', `/supervisor/index-766?from=${today}&to=${today}`, { token: admin })).body;
    const partOf = (r: { dossiers: { code: string; parts: Record<string, string | null> }[] }) => r.dossiers.find((d) => d.code === code)?.parts.digitisedComponents;

    const before = await index();
    expect(before.attachmentsStored).toBe(true);
    expect(partOf(before)).toBe('den');
    // One of the two received components: still not digitised.
    const one = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'file', file: { name: 'trang-1.png', data: b64(page) } } });
    expect(one.status).toBe(200);
    expect(partOf(await index())).toBe('den');
    const two = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 2 }, source: 'file', file: { name: 'trang-2.png', data: b64(page) } } });
    expect(two.status).toBe(200);
    const after = await index();
    expect(partOf(after)).toBe('num');
    expect(after.office.digitisedComponents.numerator).toBe(before.office.digitisedComponents.numerator + 1);
  });
});
