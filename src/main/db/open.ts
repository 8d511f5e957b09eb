import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenStoreOptions {
  /** better_sqlite3.node built for this runtime (Electron, DESIGN.md §6). */
  nativeBinding?: string;
  /** Refuse to create a new file (after first set-up, a missing file must fail loudly). */
  mustExist?: boolean;
}

export const STORE_FILE = 'motcua.sqlite';

/**
 * Opens the office store with the durability settings a power cut demands
 * (CHECKLISTS.md, SQLite): WAL, synchronous=FULL set explicitly (better-sqlite3
 * defaults to NORMAL under WAL, where a committed transaction can roll back
 * after power loss), foreign keys, a busy timeout, quick_check, then migrations.
 * The hub holds exactly one connection: the one writer.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (options.mustExist && !exists) {
    throw new StoreError(`The office store ${file} is missing. Restore it from a backup, or remove the hub's "initialised" marker to set up a new office.`);
  }
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    fileMustExist: Boolean(options.mustExist),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError(`The office store ${file} failed its integrity check (${String(check)}). Restore the latest backup.`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the pending migrations in one transaction; refuses a store from a newer version. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      `This office store was written by a newer MotCua Kiosk (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Install the newer version; the store was not changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    // PRAGMA takes no bound parameter; the value is an integer from our own list.
    db.pragma(`user_version = ${Math.trunc(LATEST_SCHEMA_VERSION)}`);
  }).immediate();
}
