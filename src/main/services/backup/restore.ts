import fs from 'node:fs';
import path from 'node:path';
import { openStore, STORE_FILE } from '../../db/open';
import { createStore } from '../../db/store';
import { RESTORE_MARKER_KEY } from '../../db/repos/officeSettings';
import { backupTakenAt, verifyBackupFile } from './files';
import { restoreFiles } from './attachmentFiles';
import type { AuditRecord } from '../../db/repos/audit';

export { RESTORE_MARKER_KEY };

/** While a hub runs on a data folder it keeps this file there (pid, url); `npm run restore` refuses while it is alive. */
export const HUB_PID_FILE = 'hub.pid';

export interface RestoreResult {
  backupTakenAt: number;
  /** The folder the replaced store (with its -wal/-shm) was moved to. */
  keptIn: string | null;
  restoredAt: number;
}

/** The running hub on a data folder, if its pid file names a live process. */
export function runningHub(dataDir: string): { pid: number; url?: string } | null {
  let info: { pid?: unknown; url?: unknown };
  try {
    info = JSON.parse(fs.readFileSync(path.join(dataDir, HUB_PID_FILE), 'utf8')) as { pid?: unknown; url?: unknown };
  } catch {
    return null;
  }
  if (typeof info.pid !== 'number') return null;
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user; still running.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid: info.pid, ...(typeof info.url === 'string' ? { url: info.url } : {}) };
}

const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Puts a backup in place of the store of `dataDir`. The hub must not have the
 * store open (the CLI checks the pid file; the hub closes its store first).
 *
 * 1. the backup is verified (quick_check, a MotCua store, not newer than us);
 * 2. the current store and its -wal/-shm are moved, together, to `replaced-<time>/`;
 * 3. the backup is copied in (to a temporary name, fsynced, then renamed);
 * 4. the store is opened the usual way (quick_check, migrations for an older backup), and the
 *    restore marker for sync and the audit entry are written in one transaction.
 * If 3 or 4 fails the replaced store is put back, so a failed restore leaves the office as it was.
 */
export function restoreStore(
  dataDir: string,
  backupFile: string,
  options: { now: number; by?: string | null; actor?: AuditRecord['actor']; nativeBinding?: string },
): RestoreResult {
  verifyBackupFile(backupFile, options.nativeBinding);
  // The restore drill: every digitised file the backup names, found and hash-checked, before anything is replaced.
  restoreFiles(backupFile, dataDir, options.nativeBinding);
  const takenAt = backupTakenAt(backupFile) ?? fs.statSync(backupFile).mtimeMs;
  const live = path.join(dataDir, STORE_FILE);
  const parts = [live, `${live}-wal`, `${live}-shm`].filter((f) => fs.existsSync(f));
  let keptIn: string | null = null;
  if (parts.length > 0) {
    keptIn = path.join(dataDir, `replaced-${stamp(options.now)}`);
    fs.mkdirSync(keptIn, { recursive: true });
    for (const f of parts) fs.renameSync(f, path.join(keptIn, path.basename(f)));
  }
  const putBack = () => {
    for (const f of [live, `${live}-wal`, `${live}-shm`]) fs.rmSync(f, { force: true });
    if (keptIn) for (const f of parts) fs.renameSync(path.join(keptIn, path.basename(f)), f);
    if (keptIn) fs.rmSync(keptIn, { recursive: true, force: true });
  };
  try {
    const partial = `${live}.restoring`;
    fs.copyFileSync(backupFile, partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, live);
    const db = openStore(live, { mustExist: true, nativeBinding: options.nativeBinding });
    try {
      const store = createStore(db);
      store.write(() => {
        store.officeSettings.setRestoreMarker({ restoredAt: options.now, backupTakenAt: takenAt, backupFile: path.basename(backupFile), replacedStoreKeptIn: keptIn, by: options.by ?? null });
        store.audit.record({
          at: options.now,
          action: 'backup.restored',
          actor: options.actor ?? { kind: 'system', name: options.by ?? 'npm run restore' },
          target: `backup:${path.basename(backupFile)}`,
          detail: { backupTakenAt: new Date(takenAt).toISOString(), replacedStoreKeptIn: keptIn ? path.basename(keptIn) : null },
        });
      });
    } finally {
      db.close();
    }
  } catch (err) {
    putBack();
    throw err;
  }
  return { backupTakenAt: takenAt, keptIn, restoredAt: options.now };
}
