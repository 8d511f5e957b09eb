import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';
import { createServices } from '../../src/main/services';
import { createClock } from '../../src/main/services/clock';
import { listBackups } from '../../src/main/services/backup/files';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});
/** Runs a command without blocking the test worker (a blocked worker misses the runner's heartbeats). */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `motcua-${name}-`));

/** Opens a file on its own, read-only, to look at it the way an operator would. */
function look<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function waitForHub(h: TestHub, check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    try {
      if (await check()) return;
    } catch {
      // restarting: connection refused for a moment
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the hub at ${h.url} did not come back`);
}

describe('backups', () => {
  it('the drill: back up, change things, restore from /admin; the data is the backup’s, quick_check ok, the log shows the restore', async () => {
    const clock = fakeClock('2026-12-01T08:00:00+07:00');
    hub = await startTestHub({ clock: clock.now });
    const h = hub;
    const folder = tmp('second-disk');
    const admin = await h.login();
    const settings = await h.api('PUT', '/admin/backup-settings', { token: admin, body: { enabled: true, folder, intervalHours: 4, keep: 10 } });
    expect(settings.status).toBe(200);
    expect(settings.body.folder).toBe(folder);

    const kiosk = await h.pairDevice('kiosk');
    await h.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
    const backup = await h.api('POST', '/admin/backups', { token: admin });
    expect(backup.status).toBe(200);
    expect(backup.body).toMatchObject({ file: 'motcua-20261201-010000Z-manual.sqlite', manual: true, takenAt: Date.parse('2026-12-01T01:00:00Z') });
    const file = path.join(folder, backup.body.file);
    // A self-contained file (no -wal beside it) that passes quick_check on its own.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(look(file, (db) => [db.pragma('quick_check', { simple: true }), db.pragma('journal_mode', { simple: true })])).toEqual(['ok', 'delete']);
    expect(look(file, (db) => db.prepare('SELECT count(*) AS n FROM tickets').get())).toEqual({ n: 1 });

    // After the backup: a new clerk, a new office name, two more tickets.
    clock.advance(3600_000);
    await h.api('POST', '/admin/clerks', { token: admin, body: { username: 'saubackup', fullName: 'Sau Sao Lưu', pin: '2468', role: 'clerk' } });
    await h.api('PUT', '/admin/office', { token: admin, body: { name: 'Tên mới sau sao lưu', agencyCode: '000.00.15.H24' } });
    await h.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
    await h.api('POST', '/tickets', { token: kiosk, body: { serviceId: 2 } });

    const listed = (await h.api('GET', '/admin/backups', { token: admin })).body;
    expect(listed.backups.map((b: { file: string }) => b.file)).toEqual([backup.body.file]);
    expect(listed.sameDisk).toBe(true); // both in the test machine's tmp

    const restore = await h.api('POST', '/admin/backups/restore', { token: admin, body: { file: backup.body.file } });
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({ ok: true, restarting: true, backup: { file: backup.body.file } });
    // The hub restarts on the same address with the backup's data.
    await waitForHub(h, async () => (await h.api('GET', '/office', { token: admin })).body?.name !== 'Tên mới sau sao lưu');
    const token = await h.login();
    expect((await h.api('GET', '/office', { token })).body.name).not.toBe('Tên mới sau sao lưu');
    expect((await h.api('GET', '/admin/clerks', { token })).body.map((c: { username: string }) => c.username)).not.toContain('saubackup');
    const store = path.join(h.dataDir, 'motcua.sqlite');
    expect(look(store, (db) => db.prepare('SELECT count(*) AS n FROM tickets').get())).toEqual({ n: 1 });
    expect(look(store, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    // The replaced store is kept aside, whole.
    const kept = fs.readdirSync(h.dataDir).filter((f) => f.startsWith('replaced-'));
    expect(kept).toHaveLength(1);
    expect(look(path.join(h.dataDir, kept[0]!, 'motcua.sqlite'), (db) => db.prepare('SELECT count(*) AS n FROM tickets').get())).toEqual({ n: 3 });
    // The log shows the restore; the marker tells sync to re-enrol.
    const log = (await h.api('GET', '/admin/audit?action=backup', { token })).body.entries;
    expect(log[0]).toMatchObject({ action: 'backup.restored', actorKind: 'clerk', actorName: 'admin', target: `backup:${backup.body.file}` });
    const status = (await h.api('GET', '/admin/backups', { token })).body;
    expect(status.restoredFromBackup).toMatchObject({ backupFile: backup.body.file, backupTakenAt: backup.body.takenAt, by: 'admin', restoredAt: clock.now() });
    expect(look(store, (db) => JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'restoredFromBackup'").get() as { value: string }).value))).toMatchObject({ backupFile: backup.body.file });
  });

  it('keeps the newest N, and refuses a bad restore or folder with a clear 4xx, changing nothing', async () => {
    const clock = fakeClock('2026-12-01T08:00:00+07:00');
    hub = await startTestHub({ clock: clock.now });
    const h = hub;
    const folder = tmp('keep');
    const admin = await h.login();
    await h.api('PUT', '/admin/backup-settings', { token: admin, body: { enabled: false, folder, intervalHours: 1, keep: 2 } });
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      files.push((await h.api('POST', '/admin/backups', { token: admin })).body.file);
      clock.advance(1000);
    }
    expect(listBackups(folder).map((b) => b.file)).toEqual([files[2], files[1]]);
    expect(fs.readdirSync(folder).filter((f) => !f.startsWith('.')).sort()).toEqual([files[1], files[2]].sort());
    expect((await h.api('GET', '/admin/backups', { token: admin })).body.nextDueAt).toBeNull();

    const display = await h.pairDevice('display');
    const settingsBefore = h.query('SELECT * FROM settings ORDER BY key');
    const auditBefore = h.query('SELECT count(*) AS n FROM audit_log')[0].n;
    const reject = async (method: string, p: string, body: unknown, status: number, code: string) => {
      const r = await h.api(method, p, { token: admin, body });
      expect(r.status, `${p} ${JSON.stringify(body)}`).toBe(status);
      expect(r.body.error.code).toBe(code);
    };
    const good = { enabled: true, folder, intervalHours: 4, keep: 30 };
    await reject('PUT', '/admin/backup-settings', { ...good, folder: 'relative/path' }, 400, 'VALIDATION_FAILED');
    await reject('PUT', '/admin/backup-settings', { ...good, folder: '/tmp/a\u0000b' }, 400, 'VALIDATION_FAILED');
    await reject('PUT', '/admin/backup-settings', { ...good, intervalHours: 0 }, 400, 'VALIDATION_FAILED');
    await reject('PUT', '/admin/backup-settings', { ...good, keep: 366 }, 400, 'VALIDATION_FAILED');
    await reject('PUT', '/admin/backup-settings', { ...good, folder: '/proc/motcua-cannot-write' }, 400, 'BACKUP_FOLDER_UNUSABLE');
    if (process.platform !== 'win32') await reject('PUT', '/admin/backup-settings', { ...good, folder: 'D:\\MotCua' }, 400, 'BACKUP_FOLDER_UNUSABLE');
    await reject('POST', '/admin/backups/restore', { file: '../../etc/passwd' }, 400, 'VALIDATION_FAILED');
    await reject('POST', '/admin/backups/restore', { file: '/tmp/motcua-20261201-010000Z.sqlite' }, 400, 'VALIDATION_FAILED');
    await reject('POST', '/admin/backups/restore', {}, 400, 'VALIDATION_FAILED');
    await reject('POST', '/admin/backups/restore', { file: 'motcua-20200101-000000Z.sqlite' }, 404, 'UNKNOWN_BACKUP');
    // A damaged backup with a good name: checked before anything is touched.
    const damaged = 'motcua-20261201-020000Z.sqlite';
    fs.writeFileSync(path.join(folder, damaged), Buffer.alloc(8192, 7));
    await reject('POST', '/admin/backups/restore', { file: damaged }, 422, 'BACKUP_INVALID');
    const notOurs = 'motcua-20261201-030000Z.sqlite';
    const other = new Database(path.join(folder, notOurs));
    other.exec('CREATE TABLE x (a)');
    other.close();
    await reject('POST', '/admin/backups/restore', { file: notOurs }, 422, 'BACKUP_INVALID');
    expect((await h.api('POST', '/admin/backups', { token: display })).status).toBe(403);
    expect((await h.api('GET', '/health')).body.ok).toBe(true);
    expect(h.query('SELECT * FROM settings ORDER BY key')).toEqual(settingsBefore);
    expect(h.query('SELECT count(*) AS n FROM audit_log')[0].n).toBe(auditBefore);
    expect(fs.readdirSync(h.dataDir).some((f) => f.startsWith('replaced-'))).toBe(false);
  });

  it('the schedule takes a backup when one is due, never two at once, and reports a failing folder', async () => {
    const dataDir = tmp('schedule');
    const db = openStore(path.join(dataDir, 'motcua.sqlite'));
    const clock = fakeClock('2026-12-01T08:00:00+07:00');
    try {
      const store = createStore(db);
      const services = createServices(store, createClock(clock.now), { version: 'test' });
      const folder = tmp('schedule-backups');
      store.officeSettings.setBackups({ enabled: true, folder, intervalHours: 4, keep: 5 });
      const first = services.backups.runIfDue();
      expect(await services.backups.runIfDue()).toBeNull(); // one is being written
      expect((await first)?.file).toBe('motcua-20261201-010000Z.sqlite');
      expect(await services.backups.runIfDue()).toBeNull(); // not due
      clock.advance(4 * 3600_000 - 1000);
      expect(await services.backups.runIfDue()).toBeNull();
      clock.advance(1000);
      expect((await services.backups.runIfDue())?.file).toBe('motcua-20261201-050000Z.sqlite');
      expect(services.backups.status().nextDueAt).toBe(Date.parse('2026-12-01T09:00:00Z'));
      // The disk goes away: the next run fails, and /admin says so.
      fs.rmSync(folder, { recursive: true });
      fs.writeFileSync(folder, 'not a folder');
      clock.advance(4 * 3600_000);
      expect(await services.backups.runIfDue()).toBeNull();
      expect(services.backups.status().lastError?.message).toContain('cannot write');
    } finally {
      db.close();
    }
  });

  it('npm run restore: refuses while the hub runs on the folder, then restores with the replaced store kept', async () => {
    hub = await startTestHub();
    const h = hub;
    const admin = await h.login();
    const folder = tmp('cli');
    await h.api('PUT', '/admin/backup-settings', { token: admin, body: { enabled: false, folder, intervalHours: 4, keep: 5 } });
    const file = path.join(folder, (await h.api('POST', '/admin/backups', { token: admin })).body.file);
    await h.api('POST', '/admin/clerks', { token: admin, body: { username: 'sauCLI'.toLowerCase(), fullName: 'Sau CLI', pin: '1357', role: 'clerk' } });
    const cli = () => run(['--import', 'tsx', 'src/main/restore-cli.ts', file], { ...process.env, MOTCUA_DATA_DIR: h.dataDir });
    const refused = await cli();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('A hub is running on');
    expect(fs.readdirSync(h.dataDir).some((f) => f.startsWith('replaced-'))).toBe(false);
    await h.close();
    hub = undefined;
    const done = await cli();
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('quick_check: ok');
    const store = path.join(h.dataDir, 'motcua.sqlite');
    expect(look(store, (db) => db.prepare("SELECT count(*) AS n FROM clerks WHERE username = 'saucli'").get())).toEqual({ n: 0 });
    expect(look(store, (db) => db.prepare("SELECT action, actor_kind FROM audit_log ORDER BY id DESC LIMIT 1").get())).toEqual({ action: 'backup.restored', actor_kind: 'system' });
    // The hub starts on the restored store as usual.
    hub = await startTestHub({ dataDir: h.dataDir });
    const t2 = await hub.login(...DEMO.admin);
    expect((await hub.api('GET', '/admin/backups', { token: t2 })).body.restoredFromBackup.backupFile).toBe(path.basename(file));
    const usage = await run(['--import', 'tsx', 'src/main/restore-cli.ts']);
    expect(usage.status).toBe(64);
  });
});
