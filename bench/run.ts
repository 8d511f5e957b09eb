/**
 * `npm run bench`: every benchmark of the hub against a baseline measured on
 * the same machine in the same run. Each round runs the hub and its baseline
 * back to back, rotating which goes first; a figure quoted is the median of the
 * per-round figures, and a ratio is the median of the per-round hub/baseline
 * ratios. Prints tables and writes bench/results/latest.json.
 *
 * Options: --rounds=N (3), --only=calls|tickets|catalogue|receipt|supervisor|backup|decode|scan|sync|catalogue-import|roles
 * (sync: --sync-dossiers=N, default 500 000), --own-hub-build (bundle
 * src/main/hub-cli.ts here even when dist/main/hub-cli.cjs is up to date).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBaselines, resolveHub, RESULTS_DIR } from './lib/build';
import { median, round } from './lib/stats';
import { AGED_DAYS, AGED_TICKETS_PER_DAY, copyOffice, makeAgedOffice } from './lib/aged-store';
import { CALL_DEFAULTS, runEchoCalls, runHubCalls, type FanOutFigures } from './call-to-display';
import { CATALOGUE_DEFAULTS, runCatalogueBench } from './catalogue-search';
import { RECEIPT_DEFAULTS, RECEIPT_TARGET_P95_MS, runReceiptBench, type ReceiptBenchResult } from './receipt-pdf';
import { kioskBenches } from './kiosk';
import { runBaselineTickets, runHubTickets, TICKETS_DEFAULTS, type HubTicketsResult, type LoadFigures } from './tickets';
import { supervisorSection } from './supervisor-figures';
import { syncBench } from './sync-report';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Math.max(1, Number(arg('rounds') ?? 3));
const only = arg('only');
const ownHubBuild = process.argv.includes('--own-hub-build');

/** The aged-store variant: its extra cost is per query, not noise, so fewer calls do (and keep the run short). */
const AGED_CALLS = { ...CALL_DEFAULTS, calls: 100, warmup: 5 };
/** Call-to-display targets, on loopback: p95 ≤ 50 ms, and hub/baseline ≤ 3. */
const TARGETS = { callP95Ms: 50, callRatio: 3 };

type Figures = Record<string, number>;
const numeric = (o: object): Figures => Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number')) as Figures;

/** Per-round figures of one variant and its baseline; medians and median ratios by key. */
class Compared {
  readonly hub: Figures[] = [];
  readonly baseline: Figures[] = [];
  add(hub: object, baseline: object) {
    this.hub.push(numeric(hub));
    this.baseline.push(numeric(baseline));
  }
  h = (k: string) => median(this.hub.map((f) => f[k]!));
  b = (k: string) => median(this.baseline.map((f) => f[k]!));
  ratio = (k: string) => median(this.hub.map((f, i) => f[k]! / this.baseline[i]![k]!));
  medians(which: 'hub' | 'baseline'): Figures {
    const rows = this[which];
    return Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, median(rows.map((f) => f[k]!))]));
  }
}

interface Row {
  metric: string;
  hub: string;
  baseline: string;
  ratio: string;
  target: string;
}

function printTable(title: string, rows: Row[]): void {
  const head: Row = { metric: 'metric', hub: 'hub', baseline: 'baseline', ratio: 'hub/baseline', target: 'target' };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row) => `  ${r.metric.padEnd(w('metric'))}  ${r.hub.padStart(w('hub'))}  ${r.baseline.padStart(w('baseline'))}  ${r.ratio.padStart(w('ratio'))}  ${r.target}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(`  ${'-'.repeat(w('metric') + w('hub') + w('baseline') + w('ratio') + w('target') + 8)}`);
  for (const r of rows) console.log(line(r));
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
/**
 * Before each measured run: flush dirty pages (the previous run's WAL, the aged
 * store's copies) so their writeback does not land in the next run's fsyncs, and
 * let the machine go quiet for a moment.
 */
async function settle(): Promise<void> {
  try {
    execFileSync('sync', { stdio: 'ignore', timeout: 10_000 });
  } catch {
    // no `sync` here (Windows): the pause alone
  }
  await new Promise((r) => setTimeout(r, 500));
}

/** Runs the given steps in an order rotated by the round number, each after `settle`. */
async function rotated(r: number, steps: (() => Promise<void>)[]): Promise<void> {
  for (let k = 0; k < steps.length; k++) {
    await settle();
    await steps[(k + r) % steps.length]!();
  }
}

async function ticketsBench(hubScript: string, insertScript: string, out: Record<string, unknown>) {
  const c = new Compared();
  const checks: Pick<HubTicketsResult, 'duplicatesInAnswers' | 'duplicatesInStore' | 'storeCount' | 'ok' | 'consistent'>[] = [];
  for (let r = 0; r < rounds; r++) {
    let h: HubTicketsResult | undefined;
    let b: LoadFigures | undefined;
    await rotated(r, [async () => void (h = await runHubTickets(hubScript)), async () => void (b = await runBaselineTickets(insertScript))]);
    c.add(h!, b!);
    checks.push({ duplicatesInAnswers: h!.duplicatesInAnswers, duplicatesInStore: h!.duplicatesInStore, storeCount: h!.storeCount, ok: h!.ok, consistent: h!.consistent });
    console.log(
      `  tickets round ${r + 1}: hub ${h!.ticketsPerSecond.toFixed(0)}/s p99 ${ms(h!.p99)} (200 answers ${h!.ok}, in store ${h!.storeCount}, duplicates ${h!.duplicatesInAnswers}/${h!.duplicatesInStore}) | baseline ${b!.ticketsPerSecond.toFixed(0)}/s p99 ${ms(b!.p99)}`,
    );
  }
  const consistent = checks.every((k) => k.consistent);
  const n = TICKETS_DEFAULTS.clients * TICKETS_DEFAULTS.perClient;
  const row = (metric: string, k: string, f: (v: number) => string): Row => ({ metric, hub: f(c.h(k)), baseline: f(c.b(k)), ratio: x(c.ratio(k)), target: '' });
  const perSec = (v: number) => v.toFixed(0);
  printTable(`Tickets: ${TICKETS_DEFAULTS.clients} concurrent kiosks × ${TICKETS_DEFAULTS.perClient} = ${n} tickets over ${TICKETS_DEFAULTS.services} services (medians of ${rounds} rounds)`, [
    row('tickets/s', 'ticketsPerSecond', perSec),
    row('p50 latency', 'p50', ms),
    row('p95 latency', 'p95', ms),
    row('p99 latency', 'p99', ms),
    row('tickets/s, first 10 % to complete', 'firstTenthPerSecond', perSec),
    row('tickets/s, last 10 % to complete', 'lastTenthPerSecond', perSec),
    { metric: 'failed requests', hub: String(c.h('errors')), baseline: String(c.b('errors')), ratio: '', target: '0' },
    {
      metric: 'duplicate numbers (answers / store)',
      hub: `${Math.max(...checks.map((k) => k.duplicatesInAnswers))} / ${Math.max(...checks.map((k) => k.duplicatesInStore))}`,
      baseline: 'n/a',
      ratio: '',
      target: `0, and tickets in store = HTTP 200 answers, every round: ${verdict(consistent)}`,
    },
  ]);
  out.tickets = {
    config: TICKETS_DEFAULTS,
    hub: c.medians('hub'),
    baseline: c.medians('baseline'),
    ratio: { throughput: c.ratio('ticketsPerSecond'), p50: c.ratio('p50'), p99: c.ratio('p99') },
    checks,
    consistentEveryRound: consistent,
    rounds: c.hub.map((h, i) => ({ hub: h, baseline: c.baseline[i] })),
  };
  if (!consistent) process.exitCode = 1;
}

async function callsBench(hubScript: string, echoScript: string, out: Record<string, unknown>) {
  process.stdout.write(`  preparing the aged office (${AGED_DAYS} past days × ${AGED_TICKETS_PER_DAY} called tickets)… `);
  const aged = await makeAgedOffice(hubScript);
  console.log('done');
  const fresh = new Compared();
  const old = new Compared();
  try {
    for (let r = 0; r < rounds; r++) {
      let h: FanOutFigures | undefined;
      let a: FanOutFigures | undefined;
      let b: FanOutFigures | undefined;
      await rotated(r, [
        async () => void (h = await runHubCalls(hubScript)),
        async () => void (a = await runHubCalls(hubScript, AGED_CALLS, copyOffice(aged))),
        async () => void (b = await runEchoCalls(echoScript)),
      ]);
      fresh.add(h!, b!);
      old.add(a!, b!);
      console.log(`  call-to-display round ${r + 1}: hub p50 ${ms(h!.p50)} p95 ${ms(h!.p95)} | aged hub p50 ${ms(a!.p50)} p95 ${ms(a!.p95)} | echo p50 ${ms(b!.p50)} p95 ${ms(b!.p95)}`);
    }
  } finally {
    fs.rmSync(aged, { recursive: true, force: true });
  }
  const rows = (label: string, c: Compared): Row[] => {
    const row = (metric: string, k: string, target = ''): Row => ({ metric: label + metric, hub: ms(c.h(k)), baseline: ms(c.b(k)), ratio: x(c.ratio(k)), target });
    return [
      row('p50, every display', 'p50', `ratio ≤ ${TARGETS.callRatio}: ${verdict(c.ratio('p50') <= TARGETS.callRatio)}`),
      row('p95, every display', 'p95', `≤ ${TARGETS.callP95Ms} ms: ${verdict(c.h('p95') <= TARGETS.callP95Ms)}; ratio ≤ ${TARGETS.callRatio}: ${verdict(c.ratio('p95') <= TARGETS.callRatio)}`),
      row('p99, every display', 'p99'),
      row('p50, last display of a call', 'lastP50'),
      row('p95, last display of a call', 'lastP95'),
      row('p50, request round trip', 'responseP50'),
    ];
  };
  printTable(
    `Call-to-display: ${CALL_DEFAULTS.displays} SSE displays × ${CALL_DEFAULTS.calls} calls (aged store × ${AGED_CALLS.calls}); ms from sending call-next to the \`call\` event at a display (medians of ${rounds} rounds)`,
    [...rows('', fresh), ...rows('aged store: ', old)],
  );
  const summary = (c: Compared) => ({
    hub: c.medians('hub'),
    baseline: c.medians('baseline'),
    ratio: { p50: c.ratio('p50'), p95: c.ratio('p95'), p99: c.ratio('p99'), lastP95: c.ratio('lastP95') },
    targets: { p95Met: c.h('p95') <= TARGETS.callP95Ms, ratioP50Met: c.ratio('p50') <= TARGETS.callRatio, ratioP95Met: c.ratio('p95') <= TARGETS.callRatio },
    rounds: c.hub.map((h, i) => ({ hub: h, baseline: c.baseline[i] })),
  });
  out.callToDisplay = {
    config: CALL_DEFAULTS,
    targets: TARGETS,
    newOffice: summary(fresh),
    agedOffice: { pastDays: AGED_DAYS, ticketsPerDay: AGED_TICKETS_PER_DAY, config: AGED_CALLS, ...summary(old) },
  };
}

/** Catalogue search per keystroke, in-process on a temporary store: target p95 ≤ 5 ms and 100 % recall. */
function catalogueBench(out: Record<string, unknown>) {
  const runs = Array.from({ length: rounds }, (_, r) => {
    const res = runCatalogueBench();
    console.log(`  catalogue round ${r + 1}: FTS5 p50 ${ms(res.fts.p50)} p95 ${ms(res.fts.p95)} | LIKE p50 ${ms(res.like.p50)} p95 ${ms(res.like.p95)}`);
    return res;
  });
  const c = new Compared();
  for (const r of runs) c.add(r.fts, r.like);
  const recallOk = runs.every((r) => r.fts.recall === 1);
  const row = (metric: string, k: string, target = ''): Row => ({ metric, hub: ms(c.h(k)), baseline: ms(c.b(k)), ratio: x(c.ratio(k)), target });
  printTable(`Catalogue search: ${CATALOGUE_DEFAULTS.procedures} procedures, ${runs[0]!.fts.keystrokes} keystrokes × ${CATALOGUE_DEFAULTS.repeats}, LIMIT ${CATALOGUE_DEFAULTS.limit}; FTS5 vs LIKE '%word%' on a folded column (medians of ${rounds} rounds)`, [
    row('p50 per keystroke', 'p50'),
    row('p95 per keystroke', 'p95', `≤ 5 ms: ${verdict(c.h('p95') <= 5)}`),
    row('p99 per keystroke', 'p99'),
    { metric: 'recall on the expected sets', hub: `${(runs[0]!.fts.recall * 100).toFixed(1)} %`, baseline: `${(runs[0]!.like.recall * 100).toFixed(1)} %`, ratio: '', target: `100 %: ${verdict(recallOk)}` },
    { metric: 'answers outside the expected set', hub: String(runs[0]!.fts.extra), baseline: String(runs[0]!.like.extra), ratio: '', target: '' },
  ]);
  out.catalogue = { config: CATALOGUE_DEFAULTS, hub: c.medians('hub'), baseline: c.medians('baseline'), ratio: { p50: c.ratio('p50'), p95: c.ratio('p95') }, recallMet: recallOk, perQueryRecall: runs[0]!.perQueryRecall };
  if (!recallOk) process.exitCode = 1;
}

/** Receipt PDF in-process: with barcodes (hub column) against `barcodes: false` (baseline column); target warm p95 ≤ 50 ms. */
async function receiptBench(out: Record<string, unknown>) {
  const runs: ReceiptBenchResult[] = [];
  for (let r = 0; r < rounds; r++) {
    runs.push(await runReceiptBench());
    const l = runs[r]!;
    console.log(`  receipt round ${r + 1}: p50 ${ms(l.withBarcodes.p50)} p95 ${ms(l.withBarcodes.p95)} | no barcodes p50 ${ms(l.withoutBarcodes.p50)} p95 ${ms(l.withoutBarcodes.p95)} | cold ${ms(l.cold.firstWithBarcodes)}`);
  }
  const c = new Compared();
  for (const r of runs) c.add({ ...r.withBarcodes, cold: r.cold.firstWithBarcodes, reprintP50: r.reprint.p50, a5P50: r.a5.p50 }, { ...r.withoutBarcodes, cold: r.cold.firstWithoutBarcodes, reprintP50: r.withoutBarcodes.p50, a5P50: r.withoutBarcodes.p50 });
  const row = (metric: string, k: string, target = ''): Row => ({ metric, hub: ms(c.h(k)), baseline: ms(c.b(k)), ratio: x(c.ratio(k)), target });
  const importMs = median(runs.map((r) => r.cold.importMs));
  printTable(`Receipt PDF (A4 landscape, two copies, ${RECEIPT_DEFAULTS.documents} documents), ${RECEIPT_DEFAULTS.runs} runs, a new dossier code each; with barcodes vs barcodes: false (medians of ${rounds} rounds)`, [
    row('warm p50', 'p50'),
    row('warm p95', 'p95', `≤ ${RECEIPT_TARGET_P95_MS} ms: ${verdict(c.h('p95') <= RECEIPT_TARGET_P95_MS)}`),
    row('warm p99', 'p99'),
    row(`cold: first receipt in a fresh process (after ${importMs.toFixed(0)} ms import)`, 'cold'),
    { metric: 'reprint of one dossier (barcodes cached), p50', hub: ms(c.h('reprintP50')), baseline: '', ratio: '', target: '' },
    { metric: 'A5 (two pages), p50', hub: ms(c.h('a5P50')), baseline: '', ratio: '', target: '' },
    { metric: 'PDF size', hub: `${(c.h('bytes') / 1024).toFixed(1)} KiB`, baseline: `${(c.b('bytes') / 1024).toFixed(1)} KiB`, ratio: '', target: '' },
  ]);
  out.receipt = { config: RECEIPT_DEFAULTS, target: { p95Ms: RECEIPT_TARGET_P95_MS, met: c.h('p95') <= RECEIPT_TARGET_P95_MS }, hub: c.medians('hub'), baseline: c.medians('baseline'), ratio: { p50: c.ratio('p50'), p95: c.ratio('p95'), cold: c.ratio('cold') }, importMs, rounds: runs };
}

/** Every role's page with the CPU slowed 6×, against a blank page on the same hub (bench/role-load.ts). */
async function rolesBench(out: Record<string, unknown>) {
  const { runRoleLoadBench, roleLoadRows, ROLE_LOAD_DEFAULTS, ROLE_LOAD_HEAD } = await import('./role-load');
  const hub = await resolveHub(ownHubBuild);
  const r = await runRoleLoadBench(hub.script, { ...ROLE_LOAD_DEFAULTS, runs: Math.max(rounds, 3) });
  const { rows, met } = roleLoadRows(r);
  const all = [ROLE_LOAD_HEAD, ...rows];
  const w = ROLE_LOAD_HEAD.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  console.log(`\nRole pages, CPU slowed ${r.config.cpuSlowdown}×: first content cold and warm, medians of ${r.config.runs} runs; ratios to a blank page on the same hub`);
  for (const row of all) console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')}`.trimEnd());
  out.roleLoad = { ...r, met };
}

async function main() {
  const started = new Date();
  const t0 = performance.now();
  const needsHub = !only || only === 'calls' || only === 'tickets';
  const hub = needsHub ? await resolveHub(ownHubBuild) : { how: `not needed (${only} only)`, script: '' };
  const baselines = needsHub ? await buildBaselines() : { sseEcho: '', sqliteInsert: '' };
  const cpu = os.cpus();
  console.log(`MotCua hub benchmarks: ${rounds} round(s), ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}, Node ${process.version}`);
  console.log(`hub: ${hub.how}`);
  const load = () => os.loadavg().map((v) => round(v, 2));
  const loadBefore = load();
  // Other work on the machine inflates the hub's figures more than the baselines' (it needs more CPU per request).
  console.log(`load average before: ${loadBefore.join(' ')}`);
  const out: Record<string, unknown> = {
    startedAt: started.toISOString(),
    loadAverageBefore: loadBefore,
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model, totalMemGb: round(os.totalmem() / 2 ** 30, 1), platform: `${os.platform()} ${os.release()}`, node: process.version },
    hub: hub.how,
    rounds,
    method: 'Each round runs the hub and its baseline back to back, rotating the order. Figures are medians of the per-round figures; ratios are medians of the per-round hub/baseline ratios. Times in ms.',
  };
  if (!only || only === 'calls') await callsBench(hub.script, baselines.sseEcho, out);
  if (!only || only === 'tickets') await ticketsBench(hub.script, baselines.sqliteInsert, out);
  if (!only || only === 'catalogue') catalogueBench(out);
  if (!only || only === 'receipt') await receiptBench(out);
  if (!only || only === 'supervisor') await supervisorSection(rounds, out);
  if (!only || only === 'backup') await (await import('./backup')).backupBench(out, rounds);
  if (!only || only === 'decode' || only === 'scan') await kioskBenches(only, rounds, out);
  if (!only || only === 'sync') await syncBench(out);
  if (!only || only === 'catalogue-import') await (await import('./catalogue-import')).catalogueImportBench(out, rounds);
  if (!only || only === 'roles') await rolesBench(out);

  out.loadAverageAfter = load();
  out.durationSeconds = round((performance.now() - t0) / 1000, 1);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nload average after: ${(out.loadAverageAfter as number[]).join(' ')}; ${out.durationSeconds} s; results in ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
