import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { FILES_DIR, blobPath, createFileStore } from '../attachments/fileStore';
import { BackupCheckError } from './files';

/**
 * The digitised files travel with the store's backups. Beside the backups, `files/` holds every file
 * any backup names, under its hash like the hub's own folder: a file is copied once, however many
 * backups name it. A backup is only given its final name once each file it names is there and hashes
 * right; a restore copies them back and refuses (leaving the office as it was) if one is missing or damaged.
 */
function referencedHashes(sqliteFile: string, nativeBinding?: string): string[] {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'dossier_attachments'").get();
    if (!has) return []; // a store from before digitising
    return db.prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM dossier_attachments ORDER BY sha256').all().map((r) => r.sha256);
  } finally {
    db.close();
  }
}

/** Copies the files a backup names next to it (missing ones only), each checked against its hash. */
export function backUpFiles(backupSqlite: string, dataDir: string, nativeBinding?: string): { files: number; copied: number } {
  const from = createFileStore(path.join(dataDir, FILES_DIR));
  const to = createFileStore(path.join(path.dirname(backupSqlite), FILES_DIR));
  let copied = 0;
  const hashes = referencedHashes(backupSqlite, nativeBinding);
  for (const sha of hashes) {
    if (to.verify(sha) === 'ok') continue;
    if (from.verify(sha) !== 'ok') throw new BackupCheckError(`The digitised file ${sha.slice(0, 12)}… is missing or damaged on the hub: the backup was not taken.`);
    to.put(from.read(sha));
    copied++;
  }
  return { files: hashes.length, copied };
}

/**
 * The restore drill: every file the backup names must be found (beside the backup, or already on the
 * hub) with the right hash, then is put in the hub's files folder. Throws before anything is replaced.
 */
export function restoreFiles(backupSqlite: string, dataDir: string, nativeBinding?: string): { files: number; copied: number } {
  const hub = createFileStore(path.join(dataDir, FILES_DIR));
  const beside = createFileStore(path.join(path.dirname(backupSqlite), FILES_DIR));
  const hashes = referencedHashes(backupSqlite, nativeBinding);
  const bad: string[] = [];
  const toCopy: string[] = [];
  for (const sha of hashes) {
    if (hub.verify(sha) === 'ok') continue;
    if (beside.verify(sha) === 'ok') toCopy.push(sha);
    else bad.push(sha);
  }
  if (bad.length > 0) {
    throw new BackupCheckError(
      `${bad.length} digitised file(s) named by the backup are missing or damaged (first: ${path.relative(path.dirname(backupSqlite), blobPath(path.join(path.dirname(backupSqlite), FILES_DIR), bad[0]!))}); nothing was restored.`,
    );
  }
  for (const sha of toCopy) hub.put(beside.read(sha));
  return { files: hashes.length, copied: toCopy.length };
}

/** Whether a folder of content-addressed files exists beside a backup (for /admin and the docs). */
export const hasFilesBeside = (backupSqlite: string): boolean => fs.existsSync(path.join(path.dirname(backupSqlite), FILES_DIR));
