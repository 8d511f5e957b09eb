/**
 * `npm run restore -- FILE`: puts a backup in place of the office store of
 * MOTCUA_DATA_DIR (default ./data). Refuses while a hub runs on that folder;
 * keeps the replaced store in data/replaced-<time>/; verifies the backup before
 * and the store after; leaves the "restored from backup" marker for sync.
 * Exit codes: 0 restored, 1 failed (nothing changed), 2 the hub is running, 64 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restoreStore, runningHub } from './services/backup/restore';

function main(): number {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run restore -- <backup file>   (data folder: MOTCUA_DATA_DIR, default ./data)');
    return 64;
  }
  const dataDir = path.resolve(process.env.MOTCUA_DATA_DIR ?? 'data');
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) {
    console.error(`There is no file ${backup}.`);
    return 1;
  }
  const hub = runningHub(dataDir);
  if (hub) {
    console.error(`A hub is running on ${dataDir} (process ${hub.pid}${hub.url ? `, ${hub.url}` : ''}). Stop it first, or restore from /admin → Backups. Nothing was changed.`);
    return 2;
  }
  try {
    const r = restoreStore(dataDir, backup, { now: Date.now(), by: `npm run restore (${process.env.USER ?? process.env.USERNAME ?? 'operator'})` });
    console.log(`Restored ${path.basename(backup)} (taken ${new Date(r.backupTakenAt).toISOString()}) into ${dataDir}.`);
    if (r.keptIn) console.log(`The replaced store is kept in ${r.keptIn}.`);
    console.log('quick_check: ok. The hub will re-enrol with the district server when it next connects.');
    return 0;
  } catch (err) {
    console.error(`The restore failed; the store was not changed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = main();
