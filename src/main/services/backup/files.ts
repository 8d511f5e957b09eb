import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_PATTERN, type BackupInfo } from '../../../shared/api/settingsAudit';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';

/** motcua-20261201-154500Z.sqlite: the UTC second the backup was taken. */
export function backupFileName(at: number, manual: boolean): string {
  const iso = new Date(at).toISOString(); // 2026-12-01T15:45:00.000Z
  return `motcua-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}Z${manual ? '-manual' : ''}.sqlite`;
}

/** When a backup was taken, from its name; null for a name that is not ours. */
export function backupTakenAt(file: string): number | null {
  const m = BACKUP_FILE_PATTERN.exec(path.basename(file));
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  const at = Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
  return Number.isNaN(at) ? null : at;
}

/** The backups in a folder, newest first; a missing folder has none. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const takenAt = backupTakenAt(name);
    if (takenAt === null) continue;
    try {
      const st = fs.statSync(path.join(folder, name));
      if (st.isFile()) out.push({ file: name, takenAt, size: st.size, manual: name.endsWith('-manual.sqlite') });
    } catch {
      // Deleted meanwhile (retention of another run): skip it.
    }
  }
  return out.sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
}

export class BackupCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

/**
 * Checks that a file is a whole MotCua store this version can open: SQLite's
 * quick_check says ok, it has the office's tables, and its schema is not newer
 * than ours. Opened read-only: verifying never changes the file.
 */
export function verifyBackupFile(file: string, nativeBinding?: string): { schemaVersion: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new BackupCheckError(`The backup ${path.basename(file)} cannot be opened: ${(err as Error).message}`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('quick_check', { simple: true });
    } catch (err) {
      throw new BackupCheckError(`The backup ${path.basename(file)} is not a readable SQLite database: ${(err as Error).message}`);
    }
    if (check !== 'ok') throw new BackupCheckError(`The backup ${path.basename(file)} failed its integrity check (${String(check)}).`);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'tickets', 'clerks')").all();
    if (tables.length < 3) throw new BackupCheckError(`${path.basename(file)} is a SQLite database but not a MotCua office store.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new BackupCheckError(`The backup ${path.basename(file)} was written by a newer MotCua Kiosk (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}).`);
    }
    return { schemaVersion: version };
  } finally {
    db.close();
  }
}

/** Whether two paths sit on the same disk (device id); a folder not made yet counts by its nearest existing parent. */
export function sameDevice(a: string, b: string): boolean {
  const dev = (p: string): number | null => {
    let cur = path.resolve(p);
    for (;;) {
      try {
        return fs.statSync(cur).dev;
      } catch {
        const up = path.dirname(cur);
        if (up === cur) return null;
        cur = up;
      }
    }
  };
  const da = dev(a);
  return da !== null && da === dev(b);
}
