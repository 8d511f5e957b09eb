/** The sync section of `npm run bench` (one round: the 500 000-dossier set-up dominates): prints the table, stores the figures. */
import { runSyncBench, SYNC_DEFAULTS } from './sync';

const fmt = (v: number, d = 0) => v.toFixed(d);

export async function syncBench(out: Record<string, unknown>): Promise<void> {
  const n = Number(process.argv.find((a) => a.startsWith('--sync-dossiers='))?.slice(16) ?? SYNC_DEFAULTS.bigDossiers);
  const r = await runSyncBench({ ...SYNC_DEFAULTS, bigDossiers: n }, (s) => console.log(s));
  const rows: [string, string, string, string, string][] = [
    ['metric', 'hub', 'baseline', 'hub/baseline', 'target'],
    [`first pull, ${r.firstPull.rows} dossiers: rows/s`, fmt(r.firstPull.rowsPerSecond), fmt(r.firstPull.baselineRowsPerSecond), `${fmt(r.firstPull.ratio, 2)}×`, `≥ 20 000/s: ${r.firstPull.rowsPerSecond >= 20_000 ? 'met' : 'NOT met'}`],
    ['first pull: peak RSS of the hub process', `${fmt(r.firstPull.peakRssMb)} MiB`, `${fmt(r.firstPull.rssBeforeMb)} MiB before`, '', ''],
    ['first pull: peak JS heap', `${fmt(r.firstPull.peakHeapMb)} MiB`, '', '', ''],
    [`one change, p50 (${r.oneChange.localBig} vs ${r.oneChange.localSmall} local)`, `${fmt(r.oneChange.big.p50, 2)} ms`, `${fmt(r.oneChange.small.p50, 2)} ms`, `${fmt(r.oneChange.ratioP50, 2)}×`, `≤ 1.5: ${r.oneChange.ratioP50 <= 1.5 ? 'met' : 'NOT met'}`],
    ['one change, p95', `${fmt(r.oneChange.big.p95, 2)} ms`, `${fmt(r.oneChange.small.p95, 2)} ms`, `${fmt(r.oneChange.ratioP95, 2)}×`, ''],
    [`push ${r.push.rows} outbox rows: rows/s`, fmt(r.push.rowsPerSecond), fmt(r.push.baselineRowsPerSecond), `${fmt(r.push.ratio, 2)}×`, ''],
  ];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)));
  console.log('\nSync (baselines: the same pages into a bare table; the same change at 5 000 local dossiers; plain one-row transactions on the same database)');
  for (const row of rows) console.log(`  ${row.map((c, i) => (i === 0 || i === 4 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')}`.trimEnd());
  out.sync = { config: { ...SYNC_DEFAULTS, bigDossiers: n, database: process.env.DATABASE_URL ? 'postgres' : 'pglite' }, ...r };
}
