import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';
import { seedCatalogue } from '../../src/main/db/seed';
import type { Procedure } from '../../src/shared/api';
import file from '../../assets/catalogue/procedures.json';

let hub: TestHub;
let kiosk: string;
let clerk: string;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
  clerk = await hub.login(...DEMO.clerk1);
  kiosk = await hub.pairDevice('kiosk', 'Kiosk sảnh');
});
afterAll(async () => hub.close());

const search = async (q: string, extra = '') => {
  const r = await hub.api('GET', `/procedures?q=${encodeURIComponent(q)}${extra}`, { token: kiosk });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as { code: string; nameVi: string; fieldVi: string }[];
};
const codes = async (q: string, extra = '&limit=100') => (await search(q, extra)).map((i) => i.code);

describe('the seeded catalogue on a new hub', () => {
  it('holds every procedure of the seed file, its documents and one index row each', () => {
    const n = file.procedures.length;
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM procedures')[0]!.n).toBe(n);
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM procedure_search')[0]!.n).toBe(n);
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM procedure_documents')[0]!.n).toBe(file.procedures.reduce((s, p) => s + p.documents.length, 0));
  });
  it('lists the fields with their counts', async () => {
    const r = await hub.api('GET', '/procedure-fields', { token: kiosk });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThanOrEqual(8);
    expect(r.body.reduce((s: number, f: { count: number }) => s + f.count, 0)).toBe(file.procedures.length);
    expect(r.body).toContainEqual({ fieldVi: 'Hộ tịch', fieldEn: 'Civil status', count: expect.any(Number) });
  });
  it('gives one procedure in full, processing time in working hours', async () => {
    const r = await hub.api('GET', '/procedures/1.001193', { token: kiosk });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '1.001193', nationalCode: '1.001193', nameVi: 'Đăng ký khai sinh', fieldVi: 'Hộ tịch', level: 'commune', processing: { value: 0, hours: 0 } });
    expect(r.body.documents[0]).toMatchObject({ nameVi: expect.stringContaining('Tờ khai'), originals: 1 });
    const ht = await hub.api('GET', '/procedures/1.004884', { token: clerk });
    expect(ht.body.processing).toMatchObject({ value: 5, unit: 'working_days', hours: 40 });
    const local = await hub.api('GET', '/procedures/dp-ht-001', { token: admin });
    expect(local.status).toBe(200);
    expect(local.body.nationalCode).toBeNull();
  });
  it('an unknown code is a 404 UNKNOWN_PROCEDURE', async () => {
    const r = await hub.api('GET', '/procedures/9.999999', { token: kiosk });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('UNKNOWN_PROCEDURE');
  });
});

describe('search', () => {
  // query → a code that must be among the answers (recall 100 % on every one)
  const RECALL: [string, string][] = [
    ['dang ky khai sinh', '1.001193'],
    ['Đăng ký khai sinh', '1.001193'],
    ['DANG KY KHAI SINH', '1.001193'],
    ['ĐĂNG KÝ KHAI SINH', '1.001193'],
    ['đăng ký kh', '1.001193'],
    ['dang ky ket hon', '1.000894'],
    ['đăng ký kết hôn', '1.000894'],
    ['khai tu', '1.000656'],
    ['khai tử lưu động', '1.000419'],
    ['nhan cha me con', '1.001022'],
    ['giam ho', '1.004837'],
    ['cham dut giam ho', '1.004845'],
    ['xac nhan tinh trang hon nhan', '1.004873'],
    ['trich luc', '2.000635'],
    ['chung thuc ban sao', '2.000815'],
    ['chứng thực chữ ký', '2.000884'],
    ['di chuc', '2.001019'],
    ['dat dai', '1.013978'],
    ['Đất đai', '1.012812'],
    ['giay phep xay dung', '1.013225'],
    ['hộ kinh doanh', '1.001612'],
    ['ho kinh doanh tam ngung', '1.001570'],
    ['tro cap xa hoi', '1.001776'],
    ['khuyet tat', '1.001699'],
    ['ho ngheo', 'DP-BT-001'],
    ['karaoke', 'DP-VH-001'],
    ['ton giao', 'DP-TG-001'],
    ['tín ngưỡng', 'DP-TG-002'],
    ['hoa giai', '2.000950'],
    ['giay khen', 'DP-TD-001'],
    ['nuoi con nuoi', '2.001263'],
    ['1.0011', '1.001193'],
    ['1001193', '1.001193'],
    ['DP-HT', 'DP-HT-001'],
    ['birth registration', '1.001193'],
    ['civil status', '1.004859'],
  ];
  it.each(RECALL)('"%s" finds %s', async (q, code) => {
    expect(await codes(q)).toContain(code);
  });
  it('the exact name ranks first', async () => {
    expect((await codes('dang ky khai sinh'))[0]).toBe('1.001193');
    expect((await codes('đăng ký kết hôn'))[0]).toBe('1.000894');
  });
  it('NFD input finds the same as NFC', async () => {
    const nfd = 'Đăng ký khai tử'.normalize('NFD');
    expect(nfd).not.toBe('Đăng ký khai tử');
    expect(await codes(nfd)).toEqual(await codes('Đăng ký khai tử'));
    expect(await codes(nfd)).toContain('1.000656');
  });
  it('narrows per keystroke: every prefix of "dang ky khai sinh" finds it, with fewer answers as it grows', async () => {
    const typed = 'dang ky khai sinh';
    let previous = Infinity;
    for (let i = 1; i <= typed.length; i++) {
      const prefix = typed.slice(0, i);
      if (prefix.endsWith(' ')) continue;
      const found = await codes(prefix);
      expect(found, prefix).toContain('1.001193');
      expect(found.length, prefix).toBeLessThanOrEqual(previous);
      previous = found.length;
    }
    expect(previous).toBeLessThan(10);
    expect((await codes('d')).length).toBeGreaterThan(previous);
  });
  it('every word must match (AND)', async () => {
    const both = await search('khai sinh luu dong');
    expect(both.map((i) => i.code)).toEqual(['DP-HT-001']);
  });
  it('FTS syntax, quotes, * , NEAR( and SQL text are answered 200 with sane results', async () => {
    for (const q of ['"', '""', '*', 'dang*', 'NEAR(', 'NEAR(khai sinh)', "'); DROP TABLE procedures; --", 'khai AND', 'OR', 'NOT sinh', '^khai', 'name:khai', '-sinh', '(((', '%', '_', '\\']) {
      const r = await hub.api('GET', `/procedures?q=${encodeURIComponent(q)}`, { token: kiosk });
      expect(r.status, q).toBe(200);
      expect(Array.isArray(r.body.items), q).toBe(true);
    }
    expect(await codes('"khai sinh"')).toContain('1.001193');
    expect(await codes('NEAR(khai sinh)')).toEqual([]);
    expect(hub.query<{ n: number }>('SELECT count(*) AS n FROM procedures')[0]!.n).toBe(file.procedures.length);
  });
  it('an empty query lists a field, or the first N', async () => {
    const all = await search('', '&limit=10');
    expect(all).toHaveLength(10);
    const civil = await search('', `&field=${encodeURIComponent('Hộ tịch')}&limit=100`);
    expect(civil.length).toBe(file.procedures.filter((p) => p.fieldVi === 'Hộ tịch').length);
    expect(civil.every((p) => p.fieldVi === 'Hộ tịch')).toBe(true);
    const inField = await search('dang ky', `&field=${encodeURIComponent('Hộ kinh doanh')}`);
    expect(inField.length).toBeGreaterThan(0);
    expect(inField.every((p) => p.fieldVi === 'Hộ kinh doanh')).toBe(true);
  });
  it('limit is bounded 1–100; a bad one is a 400', async () => {
    expect(await search('', '&limit=1')).toHaveLength(1);
    for (const bad of ['0', '101', '-1', 'ten', '1.5']) {
      const r = await hub.api('GET', `/procedures?limit=${bad}`, { token: kiosk });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    const long = await hub.api('GET', `/procedures?q=${'a'.repeat(201)}`, { token: kiosk });
    expect(long.status).toBe(400);
  });
});

describe('who may read the catalogue', () => {
  it('kiosk, clerk and admin may; the lobby display, a counter device and no token may not', async () => {
    for (const t of [kiosk, clerk, admin]) expect((await hub.api('GET', '/procedures', { token: t })).status).toBe(200);
    const display = await hub.pairDevice('display');
    const counter = await hub.pairDevice('counter');
    for (const p of ['/procedures', '/procedures/1.001193', '/procedure-fields']) {
      expect((await hub.api('GET', p, { token: display })).status, p).toBe(403);
      expect((await hub.api('GET', p, { token: counter })).status, p).toBe(403);
      expect((await hub.api('GET', p)).status, p).toBe(401);
    }
  });
});

describe('the store keeps the index in step with the rows', () => {
  it('"ha noi" finds "Hà Nội"; an update re-indexes; a rejected write leaves nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cat-'));
    const db = openStore(path.join(dir, 'x.sqlite'));
    try {
      const store = createStore(db);
      expect(seedCatalogue(store, 1)).toBe(file.procedures.length);
      const base = store.catalogue.get('1.001193')!;
      const p: Procedure = { ...base, level: 'commune', code: 'DP-HT-099', nationalCode: null, nameVi: 'Đăng ký khai sinh tại Hà Nội'.normalize('NFD'), steps: base.steps, legalBasis: base.legalBasis, resultMethods: base.resultMethods, documents: base.documents, processing: { value: 1, unit: 'working_days', noteVi: null, noteEn: null }, fee: base.fee };
      store.catalogue.upsert(p, 2);
      expect(store.catalogue.get('DP-HT-099')!.nameVi).toBe('Đăng ký khai sinh tại Hà Nội'.normalize('NFC'));
      for (const q of ['ha noi', 'HA NOI', 'Hà Nội', 'hà nội'.normalize('NFD')]) expect(store.catalogue.search({ q, limit: 10 }).map((i) => i.code), q).toEqual(['DP-HT-099']);
      expect(store.catalogue.search({ q: 'ha n', limit: 100 }).map((i) => i.code)).toContain('DP-HT-099');
      store.catalogue.upsert({ ...p, nameVi: 'Đăng ký khai sinh tại Đà Nẵng' }, 3);
      expect(store.catalogue.search({ q: 'ha noi', limit: 10 })).toEqual([]);
      expect(store.catalogue.search({ q: 'da nang', limit: 10 }).map((i) => i.code)).toEqual(['DP-HT-099']);
      const before = db.prepare('SELECT count(*) AS n FROM procedure_search').get();
      expect(() => store.catalogue.upsert({ ...p, code: 'DP-HT-098', level: 'nowhere' as never }, 4)).toThrow();
      expect(db.prepare('SELECT count(*) AS n FROM procedure_search').get()).toEqual(before);
      expect(store.catalogue.get('DP-HT-098')).toBeUndefined();
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the bundled catalogue', () => {
  it('is loaded for a new office without the demo too', async () => {
    const previous = process.env.MOTCUA_ADMIN_PIN;
    process.env.MOTCUA_ADMIN_PIN = '97531';
    const office = await startTestHub({ seedDemo: false });
    try {
      expect(office.query<{ n: number }>('SELECT count(*) AS n FROM procedures')[0]!.n).toBeGreaterThanOrEqual(60);
      expect(office.query('SELECT username FROM clerks')).toEqual([{ username: 'admin' }]);
      const admin = await office.login('admin', '97531');
      const found = await office.api('GET', '/procedures?q=dang%20ky%20khai%20sinh', { token: admin });
      expect(found.status).toBe(200);
    } finally {
      await office.close();
      if (previous === undefined) delete process.env.MOTCUA_ADMIN_PIN;
      else process.env.MOTCUA_ADMIN_PIN = previous;
    }
  });
});
