/**
 * Sync benchmarks (issue 5), each with a baseline measured in the same run:
 * - first pull of N dossiers (500 000) into a new hub store: rows/s (target
 *   ≥ 20 000/s) and the hub process's peak memory; baseline: the same pages
 *   fetched with the same signed client and written to a bare table, no
 *   mirror and no projection.
 * - one district change applied at 5 000 vs 500 000 dossiers in the hub
 *   (mirror rows and local dossiers alike): time of the pull that brings it
 *   (target: big/small ≤ 1.5).
 * - pushing 10 000 outbox rows: rows/s; baseline: the same 10 000 payloads
 *   inserted one transaction each into a plain PostgreSQL table on the same
 *   database engine (the floor the server's per-mutation transaction sits on).
 * The district server runs as its own process (PGlite on disk, or DATABASE_URL).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/main/db/open';
import { createStore, type Store } from '../src/main/db/store';
import { seedCatalogue, seedDemoOffice } from '../src/main/db/seed';
import { createServices } from '../src/main/services';
import { createClock } from '../src/main/services/clock';
import { enqueueMutation } from '../src/main/sync/outbox';
import { pullResponse } from '../src/shared/api/sync';
import { summarise } from './lib/stats';

export const SYNC_DEFAULTS = { bigDossiers: 500_000, smallDossiers: 5_000, changes: 60, pushRows: 10_000 };

const tsxArgs = (script: string) => ['--import', 'tsx', script];

async function startDistrict(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, tsxArgs('src/district/main.ts'), {
    env: { ...process.env, DISTRICT_PORT: '0', DISTRICT_DATA_DIR: dataDir, DISTRICT_BACKOFFICE_TOKEN: 'bench', DISTRICT_DEMO_OFFICE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"district":"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`district exited ${c}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

async function newHub(agencyCode: string, district: string, code: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-sync-'));
  const store = createStore(openStore(path.join(dir, 'motcua.sqlite')));
  await seedDemoOffice(store, Date.now());
  seedCatalogue(store, Date.now());
  store.settings.setOffice({ name: 'Bench office', agencyCode });
  const hub = createServices(store, createClock(), { version: 'bench', sync: { autoStart: false } });
  await hub.sync.enrol(district, code);
  return { dir, store, hub, close: () => (store.db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** Local dossiers with the district's codes, so applying a change touches a real local row (not only the mirror). */
function fillLocalDossiers(store: Store): number {
  const template = `INSERT INTO dossiers (code, secret, office_day, seq, procedure_code, procedure_name_vi, procedure_name_en, processing_value, processing_unit,
      processing_hours, applicant_name, applicant_name_folded, applicant_id_type, applicant_id_number, applicant_phone, applicant_email, applicant_address,
      owner, sets, fee_collected, result_delivery, postal_address, notes, status, accepted_at, due_at, book_year, book_number, created_at, updated_at)
    SELECT key, 'ABCDEF', 'd' || (rowid / 9999), 1 + (rowid % 9999), '1.001022', 'Thủ tục', 'Procedure', 3, 'working_days', 24, 'Nguyễn Văn An', 'nguyen van an', 'cccd',
      '001090012345', '0912345678', NULL, 'Hà Nội', NULL, 1, 0, 'counter', NULL, '', 4, 0, 0, 1000 + (rowid / 1000000), 1 + rowid, 0, 0
    FROM (SELECT key, row_number() OVER (ORDER BY key) AS rowid FROM sync_rows WHERE collection = 'dossier')`;
  store.db.exec('DROP INDEX IF EXISTS dossiers_accepted');
  const r = store.db.prepare(template).run();
  store.db.exec('CREATE INDEX dossiers_accepted ON dossiers (accepted_at)');
  return r.changes;
}

function sampleMemory() {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const t = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  return { stop: () => (clearInterval(t), { peakRss, peakHeap }) };
}

export interface SyncBenchResult {
  firstPull: { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number; rssBeforeMb: number; peakHeapMb: number; baselineRowsPerSecond: number; ratio: number };
  oneChange: { small: ReturnType<typeof summarise>; big: ReturnType<typeof summarise>; ratioP50: number; ratioP95: number; localSmall: number; localBig: number };
  push: { rows: number; seconds: number; rowsPerSecond: number; baselineRowsPerSecond: number; ratio: number };
}

export async function runSyncBench(opts = SYNC_DEFAULTS, log: (s: string) => void = console.log): Promise<SyncBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-district-'));
  log(`  seeding the district: ${opts.bigDossiers} + ${opts.smallDossiers} dossiers…`);
  let t = performance.now();
  const codes = JSON.parse(execFileSync(process.execPath, [...tsxArgs('bench/servers/district-seed.ts'), dataDir, String(opts.bigDossiers), String(opts.smallDossiers)], { maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n').at(-1)!) as { big: string; small: string; push: string };
  log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const district = await startDistrict(dataDir);
  try {
    // ---- first pull ----
    const big = await newHub('000.00.91.H24', district.url, codes.big);
    global.gc?.();
    const mem = sampleMemory();
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    for (;;) {
      const r = await big.hub.sync.puller.pullPage(5000);
      if (!r.more) break;
    }
    const seconds = (performance.now() - t) / 1000;
    const peak = mem.stop();
    const rows = (big.store.db.prepare("SELECT count(*) AS n FROM sync_rows WHERE collection = 'dossier'").get() as { n: number }).n;
    log(`  first pull: ${rows} rows in ${seconds.toFixed(1)} s = ${(rows / seconds).toFixed(0)} rows/s, peak RSS ${(peak.peakRss / 2 ** 20).toFixed(0)} MiB`);

    // Baseline: the same pages, same client, into a bare table.
    big.store.db.exec('CREATE TABLE bench_rows (collection TEXT, key TEXT, seq INTEGER, data TEXT, PRIMARY KEY (collection, key)) WITHOUT ROWID');
    const ins = big.store.db.prepare('INSERT OR REPLACE INTO bench_rows VALUES (?, ?, ?, ?)');
    const client = big.hub.sync.client()!;
    t = performance.now();
    let cursor = 0;
    for (;;) {
      const page = pullResponse.parse(await client.signed('GET', `/pull?cursor=${cursor}&limit=5000`));
      if (page.kind !== 'changes') throw new Error('unexpected reset');
      big.store.db.transaction(() => {
        for (const c of page.changes) ins.run(c.collection, c.key, c.seq, JSON.stringify(c.data));
      })();
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const baseSeconds = (performance.now() - t) / 1000;
    log(`  baseline pull: ${(rows / baseSeconds).toFixed(0)} rows/s`);

    // ---- one change at 5 000 vs 500 000 ----
    const small = await newHub('000.00.92.H24', district.url, codes.small);
    for (;;) if (!(await small.hub.sync.puller.pullPage(5000)).more) break;
    const localSmall = fillLocalDossiers(small.store);
    const localBig = fillLocalDossiers(big.store);
    const oneChange = async (h: typeof big, office: string) => {
      const codesOf = h.store.db.prepare<[number], { key: string }>("SELECT key FROM sync_rows WHERE collection = 'dossier' ORDER BY random() LIMIT ?").all(opts.changes);
      const times: number[] = [];
      for (const [i, c] of codesOf.entries()) {
        const res = await fetch(`${district.url}/back-office/dossiers/${encodeURIComponent(c.key)}/move`, { method: 'POST', headers: { authorization: 'Bearer bench', 'content-type': 'application/json' }, body: JSON.stringify({ stage: `Bước ${i}` }) });
        if (!res.ok) throw new Error(`move ${office}: ${res.status}`);
        const s = performance.now();
        const r = await h.hub.sync.puller.pullPage();
        times.push(performance.now() - s);
        if (r.applied !== 1) throw new Error(`${office}: expected one change, got ${r.applied} (cursor ${h.hub.sync.state.get("cursor")})`);
      }
      return summarise(times.slice(5));
    };
    const s1 = await oneChange(small, 'small');
    const b1 = await oneChange(big, 'big');
    log(`  one change: ${localSmall} local dossiers p50 ${s1.p50.toFixed(2)} ms | ${localBig} p50 ${b1.p50.toFixed(2)} ms`);

    // ---- push 10 000 ----
    const pusher = await newHub('000.00.92.H24', district.url, codes.push);
    pusher.store.write(() => {
      for (let i = 0; i < opts.pushRows; i++) {
        enqueueMutation(pusher.store.db, 'ticket.issued', { id: randomUUID(), officeDay: '2026-12-01', number: `A${String(i % 1000).padStart(3, '0')}`, serviceCode: 'A', priority: null, source: 'kiosk', issuedAt: Date.now() });
      }
    });
    t = performance.now();
    for (;;) if (!(await pusher.hub.sync.pusher.pushBatch()).more) break;
    const pushSeconds = (performance.now() - t) / 1000;
    const pending = (pusher.store.db.prepare("SELECT count(*) AS n FROM sync_outbox WHERE status <> 'applied'").get() as { n: number }).n;
    if (pending !== 0) throw new Error(`${pending} rows not applied`);
    log(`  push: ${opts.pushRows} rows in ${pushSeconds.toFixed(1)} s = ${(opts.pushRows / pushSeconds).toFixed(0)} rows/s`);
    big.close();
    small.close();
    pusher.close();
    await district.stop();

    // Baseline for push: the same payloads, one transaction each, into a plain table of the same engine.
    const { openDatabase } = await import('../src/district/db');
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
    await db.exec('CREATE TABLE IF NOT EXISTS bench_plain (id uuid PRIMARY KEY, data jsonb)');
    t = performance.now();
    for (let i = 0; i < opts.pushRows; i++) {
      await db.transaction((tx) => tx.query('INSERT INTO bench_plain VALUES ($1, $2)', [randomUUID(), JSON.stringify({ i, number: `A${i}` })]));
    }
    const basePush = (performance.now() - t) / 1000;
    await db.close();
    log(`  baseline push: ${(opts.pushRows / basePush).toFixed(0)} rows/s`);
    return {
      firstPull: {
        rows,
        seconds,
        rowsPerSecond: rows / seconds,
        rssBeforeMb: rssBefore / 2 ** 20,
        peakRssMb: peak.peakRss / 2 ** 20,
        peakHeapMb: peak.peakHeap / 2 ** 20,
        baselineRowsPerSecond: rows / baseSeconds,
        ratio: baseSeconds / seconds,
      },
      oneChange: { small: s1, big: b1, ratioP50: b1.p50 / s1.p50, ratioP95: b1.p95 / s1.p95, localSmall, localBig },
      push: { rows: opts.pushRows, seconds: pushSeconds, rowsPerSecond: opts.pushRows / pushSeconds, baselineRowsPerSecond: opts.pushRows / basePush, ratio: basePush / pushSeconds },
    };
  } finally {
    await district.stop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('sync.ts') && process.argv.includes('--standalone')) {
  const n = Number(process.argv.find((a) => a.startsWith('--dossiers='))?.slice(11) ?? SYNC_DEFAULTS.bigDossiers);
  runSyncBench({ ...SYNC_DEFAULTS, bigDossiers: n })
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
