import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/db/open';
import { migrations } from '../../src/main/db/migrations';

/**
 * Migration 20 on a real SQLite file written at schema 8 (before the forms of
 * Circular 03): the header the office printed until now (its place guessed from
 * the end of its name) becomes a setting once, and a store without an office
 * gets nothing guessed.
 */
function storeAt8(officeName: string | null): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-m20-')), 'motcua.sqlite');
  const db = new Database(file);
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version <= 8)) db.exec(m.sql);
    db.pragma('user_version = 8');
    if (officeName) db.prepare("INSERT INTO settings (key, value) VALUES ('office', ?)").run(JSON.stringify({ name: officeName, agencyCode: '000.00.15.H24' }));
  })();
  db.close();
  return file;
}

const headerOf = (file: string) => {
  const db = openStore(file);
  try {
    const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'formHeader'").get();
    return { header: row ? (JSON.parse(row.value) as unknown) : null, columns: db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'dossiers\')').all().map((c) => c.name) };
  } finally {
    db.close();
  }
};

describe('migration 20: the form header from the office name, once', () => {
  it.each([
    ['Trung tâm Phục vụ hành chính công phường Ba Đình', { agencyName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', parentAgency: 'Ủy ban nhân dân phường Ba Đình', place: 'Ba Đình' }],
    ['UBND Xã Tân Hiệp', { agencyName: 'UBND Xã Tân Hiệp', parentAgency: 'Ủy ban nhân dân xã Tân Hiệp', place: 'Tân Hiệp' }],
    ['Điểm tiếp nhận đặc khu Phú Quốc', { agencyName: 'Điểm tiếp nhận đặc khu Phú Quốc', parentAgency: 'Ủy ban nhân dân đặc khu Phú Quốc', place: 'Phú Quốc' }],
    ['Bộ phận Một cửa', { agencyName: 'Bộ phận Một cửa', parentAgency: '', place: '' }],
  ])('%s', (name, expected) => {
    const { header, columns } = headerOf(storeAt8(name));
    expect(header).toEqual(expected);
    expect(columns).toContain('payment_status');
  });

  it('a store without an office gets no header row (the repo then prints the office name and dots, never a guess)', () => {
    expect(headerOf(storeAt8(null)).header).toBeNull();
  });
});
