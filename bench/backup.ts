/**
 * Backups (issue 6): what an online backup costs an office that keeps serving.
 *
 * - backup time: the hub's whole backup (SQLite backup API, switch to a self-contained file,
 *   quick_check) of a store holding a year of tickets, against the baseline of a plain copy
 *   of the same checkpointed file (what a backup could cost at the least, and unsafe while serving);
 * - ticket issuing while a backup runs: in-process `queue.issue` latencies with a backup in
 *   progress, against the same calls with none (the baseline).
 * `npm run bench -- --only=backup`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/main/db/open';
import { createStore } from '../src/main/db/store';
import { createServices } from '../src/main/services';
import { createClock } from '../src/main/services/clock';
import { seedDemoOffice } from '../src/main/db/seed';
import { median, summarise } from './lib/stats';

export const BACKUP_DEFAULTS = { pastTickets: 100_000, issues: 300 };

async function makeOffice(dir: string) {
  const db = openStore(path.join(dir, 'motcua.sqlite'));
  const store = createStore(db);
  await seedDemoOffice(store, Date.now());
  // A year of history, written directly: what the backup has to copy.
  const insert = db.prepare(
    "INSERT INTO tickets (office_day, number, seq, origin_service_id, service_id, status, source, issued_at, queued_at, finished_at) VALUES (?, ?, ?, 1, 1, 'done', 'kiosk', ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < BACKUP_DEFAULTS.pastTickets; i++) {
      const day = `2025-${String(1 + Math.floor(i / 40_000)).padStart(2, '0')}-${String(1 + (Math.floor(i / 400) % 28)).padStart(2, '0')}`;
      const t = Date.parse(`${day}T09:00:00+07:00`) + (i % 400) * 60_000;
      insert.run(day, `A${String(i % 400).padStart(3, '0')}-${Math.floor(i / 400)}`, (i % 400) + 1, t, t, t + 300_000);
    }
  })();
  return { db, store };
}

export async function backupBench(out: Record<string, unknown>, rounds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-backup-'));
  const backups = path.join(dir, 'second-disk');
  try {
    const { db, store } = await makeOffice(dir);
    let now = Date.parse('2026-12-01T02:00:00Z');
    const services = createServices(store, createClock(() => now), { version: 'bench' });
    store.officeSettings.setBackups({ enabled: false, folder: backups, intervalHours: 4, keep: 3 });
    const sizeMb = fs.statSync(path.join(dir, 'motcua.sqlite')).size / 1048576;
    const per: { backupMs: number; copyMs: number; idleP50: number; idleP95: number; busyP50: number; busyP95: number; busyN: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      now += 1000;
      const t0 = performance.now();
      await services.backups.backupNow({ kind: 'system', name: 'bench' });
      const backupMs = performance.now() - t0;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const t1 = performance.now();
      fs.copyFileSync(path.join(dir, 'motcua.sqlite'), path.join(dir, 'plain-copy.sqlite'));
      const copyMs = performance.now() - t1;
      // Issuing with nothing else going on (baseline), then with a backup in progress.
      const issueLoop = async (until: () => boolean, max: number) => {
        const lat: number[] = [];
        while (lat.length < max && !until()) {
          const s = performance.now();
          services.queue.issue({ serviceId: 2, priority: null, source: 'kiosk' });
          lat.push(performance.now() - s);
          await new Promise((res) => setImmediate(res));
        }
        return lat;
      };
      const idle = summarise(await issueLoop(() => false, BACKUP_DEFAULTS.issues));
      now += 1000;
      let done = false;
      const running = services.backups.backupNow({ kind: 'system', name: 'bench' }).finally(() => (done = true));
      const busyLat = await issueLoop(() => done, 100_000);
      await running;
      const busy = summarise(busyLat);
      per.push({ backupMs, copyMs, idleP50: idle.p50, idleP95: idle.p95, busyP50: busy.p50, busyP95: busy.p95, busyN: busy.n });
      console.log(`  backup round ${r + 1}: backup ${backupMs.toFixed(0)} ms, plain copy ${copyMs.toFixed(0)} ms | issue p50 ${idle.p50.toFixed(2)} / ${busy.p50.toFixed(2)} ms, p95 ${idle.p95.toFixed(2)} / ${busy.p95.toFixed(2)} ms (idle / during a backup, ${busy.n} issued meanwhile)`);
    }
    db.close();
    const m = (k: keyof (typeof per)[number]) => median(per.map((p) => p[k]));
    const ratio = (a: keyof (typeof per)[number], b: keyof (typeof per)[number]) => median(per.map((p) => p[a] / p[b]));
    console.log(`\nBackups: a ${sizeMb.toFixed(1)} MB store (${BACKUP_DEFAULTS.pastTickets} past tickets), medians of ${rounds} rounds`);
    console.log(`| metric | hub | baseline | ratio |\n|---|---|---|---|`);
    console.log(`| whole backup (backup API + journal switch + quick_check) vs plain file copy | ${m('backupMs').toFixed(0)} ms | ${m('copyMs').toFixed(0)} ms | ${ratio('backupMs', 'copyMs').toFixed(1)}× |`);
    console.log(`| issue a ticket p50, during a backup vs idle | ${m('busyP50').toFixed(2)} ms | ${m('idleP50').toFixed(2)} ms | ${ratio('busyP50', 'idleP50').toFixed(2)}× |`);
    console.log(`| issue a ticket p95, during a backup vs idle | ${m('busyP95').toFixed(2)} ms | ${m('idleP95').toFixed(2)} ms | ${ratio('busyP95', 'idleP95').toFixed(2)}× |`);
    out.backup = { config: BACKUP_DEFAULTS, sizeMb, rounds: per, medians: { backupMs: m('backupMs'), copyMs: m('copyMs'), idleP95: m('idleP95'), busyP95: m('busyP95') } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
