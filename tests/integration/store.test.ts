import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/main/db/open';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { createStore } from '../../src/main/db/store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-store-'));
  dirs.push(dir);
  return path.join(dir, 'motcua.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the office store', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and the latest schema', () => {
    const db = openStore(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('uses STRICT tables: a wrong type is refused', () => {
    const db = openStore(tempFile());
    expect(() => db.prepare("INSERT INTO services (name_vi, name_en, prefix, active, sort) VALUES ('a', 'b', 'A', 1, 'first')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('refuses a store written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer MotCua Kiosk/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    after.close();
  });

  it('fails loudly when a set-up office has lost its store', () => {
    expect(() => openStore(tempFile(), { mustExist: true })).toThrow(/missing/);
  });

  it('re-opens an existing store without migrating twice', () => {
    const file = tempFile();
    const a = createStore(openStore(file));
    a.services.insert({ nameVi: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A', active: true, sort: 0 });
    a.db.close();
    const b = createStore(openStore(file));
    expect(b.services.list().map((s) => s.prefix)).toEqual(['A']);
    b.db.close();
  });

  it('rolls back a whole write when any part fails', () => {
    const store = createStore(openStore(tempFile()));
    expect(() =>
      store.write(() => {
        store.services.insert({ nameVi: 'Một', nameEn: 'One', prefix: 'A', active: true, sort: 0 });
        store.services.insert({ nameVi: 'Hai', nameEn: 'Two', prefix: 'A', active: true, sort: 1 });
      }),
    ).toThrow(/UNIQUE/);
    expect(store.services.list()).toEqual([]);
    store.db.close();
  });
});
