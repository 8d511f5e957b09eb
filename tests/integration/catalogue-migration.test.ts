import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';

/** A store as version 8 left it: a district-level procedure with documents, and a dossier received under it. */
function storeAtVersion8(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version <= 8)) db.exec(m.sql);
    db.pragma('user_version = 8');
    db.prepare(`INSERT INTO procedures (id, code, national_code, name_vi, name_en, field_vi, field_en, level, processing_value, processing_unit, processing_hours,
        fee_text_vi, fee_text_en, fee_amount, legal_basis, result_methods, steps, sort_key, active, updated_at)
      VALUES (7, 'DP-XD-001', NULL, 'Cấp giấy phép xây dựng', 'Construction permit', 'Xây dựng', 'Construction', 'district', 15, 'working_days', 120,
        'Theo quy định', 'As set', NULL, '["Luật Xây dựng"]', '["counter"]', '[{"vi":"Nộp","en":"Submit"}]', 'cap giay phep xay dung', 1, 1)`).run();
    db.prepare("INSERT INTO procedure_documents VALUES (7, 1, 'Đơn đề nghị', 'Application', 1, 0, 0), (7, 2, 'Bản vẽ', 'Drawings', 0, 0, 2)").run();
    db.prepare("INSERT INTO procedure_search (rowid, code, name, field) VALUES (7, 'dp-xd-001', 'cap giay phep xay dung', 'xay dung')").run();
    db.prepare(`INSERT INTO dossiers (code, secret, office_day, seq, procedure_code, procedure_name_vi, procedure_name_en, processing_value, processing_unit, processing_hours,
        applicant_name, applicant_name_folded, applicant_id_type, applicant_id_number, applicant_phone, applicant_address, sets, fee_collected, result_delivery,
        status, accepted_at, due_at, book_year, book_number, created_at, updated_at)
      VALUES ('000.00.15.H24-250601-0001', 'ABCDEF', '2025-06-01', 1, 'DP-XD-001', 'Cấp giấy phép xây dựng', 'Construction permit', 15, 'working_days', 120,
        'Lê Văn C', 'le van c', 'cccd', '001090012345', '0912345678', 'Hà Nội', 1, 0, 'counter', 2, 1, 2, 2025, 1, 1, 1)`).run();
  })();
  db.close();
}

describe('migration 21 on a store from before the two-tier reform', () => {
  it('keeps every procedure, document and index row; writes version 1; labels the old dossier with its district level', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-m21-')), 'motcua.sqlite');
    storeAtVersion8(file);
    const db = openStore(file);
    try {
      const store = createStore(db);
      const p = store.catalogue.get('DP-XD-001')!;
      expect(p).toMatchObject({ level: 'district', version: 1, implementingAgency: null, processing: { value: 15, hours: 120 } });
      expect(p.documents.map((d) => d.nameVi)).toEqual(['Đơn đề nghị', 'Bản vẽ']);
      expect(store.catalogue.search({ q: 'giay phep', limit: 5 }).map((i) => i.code)).toEqual(['DP-XD-001']);
      const v1 = store.catalogue.versions.list('DP-XD-001');
      expect(v1).toHaveLength(1);
      expect(v1[0]).toMatchObject({ version: 1, source: 'migration', procedure: { documents: [{ nameVi: 'Đơn đề nghị', photocopies: 0 }, { nameVi: 'Bản vẽ', photocopies: 2 }], steps: [{ vi: 'Nộp' }] } });
      expect(db.prepare('SELECT procedure_version, procedure_level FROM dossiers').all()).toEqual([{ procedure_version: null, procedure_level: 'district' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'procedure_documents'").get()).toMatchObject({ sql: expect.stringContaining('REFERENCES "procedures"') });
    } finally {
      db.close();
    }
  });
});
