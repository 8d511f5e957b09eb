import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type BackupInfo, type BackupSettings, type BackupStatus } from '../../../shared/api';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { AuditActor, AuditService } from '../audit';
import { backupFileName, listBackups, sameDevice, verifyBackupFile } from './files';
import { backUpFiles } from './attachmentFiles';

export interface BackupOptions {
  dataDir: string;
  nativeBinding?: string;
  /** Called after a restore was checked and answered: the hub closes its store, restores, and starts again. */
  requestRestore?: (file: string, by: AuditActor) => void;
}

const CHECK_EVERY_MS = 60_000;

/**
 * Makes a folder level by level. Not `mkdirSync(…, { recursive: true })`: on a path under a
 * special filesystem (/proc) Node's recursive mkdir never returns, and a typo in /admin must
 * not hang the hub.
 */
function ensureDir(folder: string): void {
  const missing: string[] = [];
  let cur = path.resolve(folder);
  while (!fs.existsSync(cur)) {
    missing.unshift(cur);
    const up = path.dirname(cur);
    if (up === cur || missing.length > 32) break;
    cur = up;
  }
  for (const dir of missing) fs.mkdirSync(dir);
  if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
}

/**
 * Online backups of the office store to a second folder (meant for another disk), through
 * SQLite's backup API (better-sqlite3 `db.backup()`: page by page while the hub keeps serving;
 * never a file copy, which would miss the -wal). Each backup is written under a temporary name,
 * switched to a self-contained rollback-journal file, checked with quick_check, and only then
 * given its final name, so every file listed is one that passed. Retention runs after a good one.
 */
export function createBackupService(store: Store, clock: Clock, audit: AuditService, options: BackupOptions) {
  let running: Promise<BackupInfo> | null = null;
  let lastError: { at: number; message: string } | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const settings = (): BackupSettings => store.officeSettings.backups();
  const folderOf = (s: BackupSettings) => s.folder ?? path.join(options.dataDir, 'backups');

  /** Makes the folder and proves the hub can write there. */
  function checkFolder(folder: string): void {
    // "D:\\backups" is a full path on Windows but a relative name on Linux: refuse it there.
    if (!path.isAbsolute(folder)) throw new AppError(400, 'BACKUP_FOLDER_UNUSABLE', `${folder} is not a full path on the hub's computer.`);
    try {
      ensureDir(folder);
      const probe = path.join(folder, `.motcua-write-test-${process.pid}`);
      fs.writeFileSync(probe, 'ok');
      fs.rmSync(probe);
    } catch (err) {
      throw new AppError(400, 'BACKUP_FOLDER_UNUSABLE', `The hub cannot write to ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Check that the disk is connected and the folder is allowed.`);
    }
  }

  async function take(manual: boolean): Promise<BackupInfo> {
    const s = settings();
    const folder = folderOf(s);
    checkFolder(folder);
    const now = clock.now();
    const name = backupFileName(now, manual);
    const final = path.join(folder, name);
    if (fs.existsSync(final)) throw new AppError(409, 'BACKUP_BUSY', 'A backup was taken this very second; try again in a moment.');
    const partial = `${final}.partial`;
    try {
      await store.db.backup(partial);
      // A self-contained file: the backup must not depend on a -wal next to it.
      const copy = new Database(partial, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      verifyBackupFile(partial, options.nativeBinding);
      // The digitised files it names, beside it, before it counts as a backup.
      backUpFiles(partial, options.dataDir, options.nativeBinding);
      fs.renameSync(partial, final);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      if (err instanceof AppError) throw err;
      throw new AppError(500, 'BACKUP_FAILED', `The backup could not be written or did not verify: ${(err as Error).message}`);
    }
    prune(folder, s.keep);
    const info = listBackups(folder).find((b) => b.file === name);
    if (!info) throw new AppError(500, 'BACKUP_FAILED', 'The backup vanished right after it was written.');
    return info;
  }

  /** Keeps the newest `keep` backups; a manual one counts like any other. Leftover partial files go too. */
  function prune(folder: string, keep: number): void {
    for (const old of listBackups(folder).slice(keep)) fs.rmSync(path.join(folder, old.file), { force: true });
    for (const f of fs.readdirSync(folder)) if (f.startsWith('motcua-') && f.endsWith('.sqlite.partial') && !running) fs.rmSync(path.join(folder, f), { force: true });
  }

  function run(manual: boolean): Promise<BackupInfo> {
    if (running) throw new AppError(409, 'BACKUP_BUSY', 'A backup is being written right now; wait for it to finish.');
    const p = take(manual)
      .then((info) => {
        lastError = null;
        return info;
      })
      .catch((err: unknown) => {
        lastError = { at: clock.now(), message: err instanceof Error ? err.message : String(err) };
        throw err;
      })
      .finally(() => {
        running = null;
      });
    running = p;
    return p;
  }

  function nextDueAt(): number | null {
    const s = settings();
    if (!s.enabled) return null;
    const newest = listBackups(folderOf(s))[0];
    return newest ? newest.takenAt + s.intervalHours * 3600_000 : clock.now();
  }

  /** The scheduler's step: a backup when one is due. Returns what it took, if anything. */
  async function runIfDue(): Promise<BackupInfo | null> {
    const due = nextDueAt();
    if (due === null || due > clock.now() || running) return null;
    try {
      return await run(false);
    } catch {
      return null; // kept in lastError and shown in /admin
    }
  }

  function status(): BackupStatus {
      const s = settings();
      const folder = folderOf(s);
      return {
        settings: s,
        folder,
        sameDisk: sameDevice(folder, options.dataDir),
        running: running !== null,
        lastError,
        nextDueAt: nextDueAt(),
        backups: listBackups(folder),
        restoredFromBackup: store.officeSettings.restoreMarker(),
      };
  }

  return {
    status,
    setSettings(next: BackupSettings, by: AuditActor): BackupStatus {
      checkFolder(folderOf(next));
      const before = settings();
      audit.audited(by, 'settings.backups', 'settings:backups', () => store.officeSettings.setBackups(next), () => ({ before, after: next }));
      return status();
    },
    async backupNow(by: AuditActor): Promise<BackupInfo> {
      const info = await run(true);
      store.write(() => audit.record('backup.created', by, `backup:${info.file}`, { size: info.size }));
      return info;
    },
    runIfDue,
    /** Checks the chosen backup, then asks the hub to restore it once this answer is out. */
    prepareRestore(file: string, by: AuditActor): { backup: BackupInfo; start: () => void } {
      if (running) throw new AppError(409, 'BACKUP_BUSY', 'A backup is being written right now; restore when it has finished.');
      const folder = folderOf(settings());
      const backup = listBackups(folder).find((b) => b.file === file);
      if (!backup) throw new AppError(404, 'UNKNOWN_BACKUP', `There is no backup named ${file} in ${folder}.`);
      try {
        verifyBackupFile(path.join(folder, file), options.nativeBinding);
      } catch (err) {
        throw new AppError(422, 'BACKUP_INVALID', (err as Error).message);
      }
      if (!options.requestRestore) throw new AppError(409, 'BACKUP_BUSY', 'This hub cannot restart its store by itself; stop it and run npm run restore.');
      const request = options.requestRestore;
      return { backup, start: () => request(path.join(folder, file), by) };
    },
    start(): void {
      timer ??= setInterval(() => void runIfDue(), CHECK_EVERY_MS);
      timer.unref();
    },
    /** Stops the schedule and waits for a backup being written. */
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
