/**
 * `npm run test:reliability`: the long runs of issue 7, with a report.
 *
 *  - crash: 50 seeded rounds of SIGKILL under a mixed load (lib/crash.ts);
 *  - fuzz: every OpenAPI operation with many more runs than `npm test` (lib/fuzz.ts);
 *  - load: a busy office day compressed (5 kiosks, 30 counters, 10 displays,
 *    2 supervisors; 3 000 tickets, 800 dossiers), then the rate stepped up to
 *    10× to see where it bends, then a soak that reads the hub's RSS.
 *
 * Writes test-results/reliability-report.json and .md; exits 1 when a check failed.
 * Options: --only=crash,fuzz,load  --rounds=50  --seed=N  --fuzz-runs=300
 *          --day-seconds=120  --step-seconds=30  --soak-seconds=300
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashRounds, type CrashRunReport } from './lib/crash';
import { fuzzOperation, type FuzzOpResult } from './lib/fuzz';
import { makeFuzzOffice, startFuzzHub } from './lib/fuzzOffice';
import { startHubProcess, tempDataDir, type HubProcess } from './lib/hubProcess';
import { BUSY_DAY, BUSY_OFFICE, runOfficeLoad, setUpOffice, type LoadFigures, type Office } from './lib/load';
import { operationsOf } from './lib/openapi';
import { renderReport } from './lib/report';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const num = (name: string, dflt: number) => Number(arg(name) ?? dflt);
const only = new Set((arg('only') ?? 'crash,fuzz,load').split(','));
const seed = num('seed', 20261201);
const OUT = path.resolve('test-results');

export interface ReliabilityReport {
  startedAt: string;
  machine: string;
  seed: number;
  crash?: CrashRunReport & { seconds: number };
  fuzz?: { runsPerOperation: number; operations: FuzzOpResult[]; failures: string[]; seconds: number };
  load?: { shape: typeof BUSY_OFFICE; day: typeof BUSY_DAY; daySeconds: number; busyDay: LoadFigures; steps: LoadFigures[]; bend: string; soak: Soak };
  failures: string[];
}

export interface Soak {
  seconds: number;
  rate: number;
  samples: { t: number; rssMiB: number }[];
  rssStartMiB: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  figures: LoadFigures;
}

const log = (s: string) => console.log(`[reliability] ${s}`);
const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

async function crashPart(report: ReliabilityReport) {
  const rounds = num('rounds', 50);
  log(`crash: ${rounds} rounds, seed ${seed}`);
  const dir = tempDataDir();
  const t0 = performance.now();
  try {
    const r = await runCrashRounds({ seed, rounds, dataDir: dir, onRound: (x) => log(`  round ${x.round}: kill after ${x.killAfterMs} ms, ${x.acknowledged} acknowledged, ${x.unknown} cut, restart ${x.restartMs} ms${x.violations.length ? `, VIOLATIONS: ${x.violations.join('; ')}` : ''}`) });
    report.crash = { ...r, seconds: seconds(t0) };
    report.failures.push(...r.violations.map((v) => `crash ${v}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function fuzzPart(report: ReliabilityReport) {
  process.env.CUPS_SERVER = '/nonexistent/motcua-fuzz.sock'; // see fuzz.test.ts
  const runs = num('fuzz-runs', 300);
  const t0 = performance.now();
  const office = await makeFuzzOffice();
  try {
    const hub = await startFuzzHub(office);
    const doc = (await hub.api('GET', '/openapi.json')).body;
    await hub.dispose();
    const operations: FuzzOpResult[] = [];
    for (const op of operationsOf(doc)) {
      const r = await fuzzOperation(op, office, { numRuns: runs, seed });
      operations.push(r);
      log(`fuzz ${op.operationId}: ${JSON.stringify(r.statuses)}${r.failure ? ` FAILED: ${r.failure}` : ''}`);
    }
    const failures = operations.filter((o) => o.failure).map((o) => `fuzz ${o.operationId}: ${o.failure}`);
    report.fuzz = { runsPerOperation: runs, operations, failures, seconds: seconds(t0) };
    report.failures.push(...failures);
  } finally {
    office.dispose();
  }
}

/**
 * The big office is set up once (30 clerks' PINs, pairings) and its store copied for each part of
 * the load, so each part starts from the same office on a fresh hub process.
 */
interface OfficeTemplate {
  dir: string;
  office: Office;
}

async function prepareOffice(): Promise<OfficeTemplate> {
  const dir = tempDataDir();
  const hub = await startHubProcess(dir);
  try {
    return { dir, office: await setUpOffice(hub) };
  } finally {
    await hub.stop();
  }
}

async function withOffice<T>(template: OfficeTemplate, fn: (office: Office, hub: HubProcess) => Promise<T>): Promise<T> {
  const dir = tempDataDir();
  fs.cpSync(template.dir, dir, { recursive: true });
  const hub = await startHubProcess(dir);
  try {
    template.office.rebind(hub);
    return await fn(template.office, hub);
  } finally {
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function loadPart(report: ReliabilityReport) {
  const daySeconds = num('day-seconds', 120);
  const stepSeconds = num('step-seconds', 30);
  const soakSeconds = num('soak-seconds', 300);
  log(`load: setting up the office, then the busy day in ${daySeconds} s`);
  const template = await prepareOffice();
  const busyDay = await withOffice(template, (office) => runOfficeLoad(office, { label: 'busy day', rate: 1, seconds: daySeconds, daySeconds, seed }));
  log(`  ${busyDay.done.tickets} tickets, ${busyDay.done.dossiers} dossiers, ${busyDay.errors} errors, p99 ${busyDay.all.p99} ms, display lag p95 ${busyDay.displayLag.p95} ms, hub CPU ${busyDay.hubCpu}, load generator CPU ${busyDay.clientCpu}${busyDay.errors ? ` (${busyDay.errorSamples.slice(0, 3).join('; ')})` : ''}`);

  const steps: LoadFigures[] = [];
  await withOffice(template, async (office) => {
    for (const rate of [1, 2, 4, 7, 10]) {
      const f = await runOfficeLoad(office, { label: `${rate}×`, rate, seconds: stepSeconds, daySeconds, seed: seed + rate });
      steps.push(f);
      log(`  step ${rate}×: ${f.requestsPerSecond} req/s, ${f.done.tickets}/${f.offered.tickets} tickets, p50 ${f.all.p50} p99 ${f.all.p99} ms, lag p95 ${f.displayLag.p95} ms, hub CPU ${f.hubCpu}, load generator CPU ${f.clientCpu}, errors ${f.errors}${f.errors ? ` (${f.errorSamples.slice(0, 3).join('; ')})` : ''}`);
    }
  });
  const base = steps[0]!;
  const bent = steps.find((s) => s.done.tickets < 0.95 * s.offered.tickets || s.all.p99 > 5 * base.all.p99 || s.errors > 0);
  const bend = bent
    ? `bends at ${bent.label} the busy day's rate: ${bent.done.tickets} of ${bent.offered.tickets} tickets in time, p99 ${bent.all.p99} ms (${round1(bent.all.p99 / base.all.p99)}× the 1× step), hub CPU ${bent.hubCpu}`
    : `no bend up to 10×: p99 at 10× is ${round1(steps.at(-1)!.all.p99 / base.all.p99)}× the 1× step`;

  log(`soak: ${soakSeconds} s at 2× the day's rate, RSS every 5 s`);
  const soak = await withOffice(template, async (office, hub) => {
    const samples: Soak['samples'] = [];
    const t0 = performance.now();
    const timer = setInterval(() => samples.push({ t: seconds(t0), rssMiB: Math.round((hub.rss() / 2 ** 20) * 10) / 10 }), 5000);
    samples.push({ t: 0, rssMiB: Math.round((hub.rss() / 2 ** 20) * 10) / 10 });
    const figures = await runOfficeLoad(office, { label: 'soak', rate: 2, seconds: soakSeconds, daySeconds, seed: seed + 99 });
    clearInterval(timer);
    samples.push({ t: seconds(t0), rssMiB: Math.round((hub.rss() / 2 ** 20) * 10) / 10 });
    // "Start" is after the first minute (the JIT and caches warm up); the end is the last sample.
    const warm = samples.find((s) => s.t >= 60) ?? samples[0]!;
    return { seconds: soakSeconds, rate: 2, samples, rssStartMiB: warm.rssMiB, rssEndMiB: samples.at(-1)!.rssMiB, rssMaxMiB: Math.max(...samples.map((s) => s.rssMiB)), figures };
  });
  log(`  RSS ${soak.rssStartMiB} → ${soak.rssEndMiB} MiB (max ${soak.rssMaxMiB}), ${soak.figures.errors} errors`);

  template.office.close();
  fs.rmSync(template.dir, { recursive: true, force: true });
  report.load = { shape: BUSY_OFFICE, day: BUSY_DAY, daySeconds, busyDay, steps, bend, soak };
  for (const f of [busyDay, ...steps.filter((s) => s.rate <= 1), soak.figures]) if (f.errors) report.failures.push(`load ${f.label}: ${f.errors} errors (${f.errorSamples.join('; ')})`);
  if (busyDay.displayLag.missing) report.failures.push(`load busy day: ${busyDay.displayLag.missing} calls never reached a display`);
  if (soak.rssEndMiB > soak.rssStartMiB * 1.25 + 10) report.failures.push(`soak: RSS grew from ${soak.rssStartMiB} to ${soak.rssEndMiB} MiB`);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

async function main() {
  const report: ReliabilityReport = { startedAt: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map(round1).join(' ')}`, seed, failures: [] };
  // A partial run (--only=fuzz) replaces its own parts of the last report and keeps the others.
  const previous = path.join(OUT, 'reliability-report.json');
  if (only.size < 3 && fs.existsSync(previous)) {
    const last = JSON.parse(fs.readFileSync(previous, 'utf8')) as ReliabilityReport;
    for (const part of ['crash', 'fuzz', 'load'] as const) {
      if (only.has(part) || !last[part]) continue;
      (report as unknown as Record<string, unknown>)[part] = last[part];
      report.failures.push(...last.failures.filter((f) => f.startsWith(part) || (part === 'load' && f.startsWith('soak'))));
    }
  }
  if (only.has('crash')) await crashPart(report);
  if (only.has('fuzz')) await fuzzPart(report);
  if (only.has('load')) await loadPart(report);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'reliability-report.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(OUT, 'reliability-report.md'), renderReport(report));
  log(`report: ${path.join('test-results', 'reliability-report.md')}`);
  if (report.failures.length) {
    console.error(`[reliability] ${report.failures.length} failure(s):\n  ${report.failures.join('\n  ')}`);
    process.exit(1);
  }
  process.exit(0);
}

// Ctrl-C or a CI timeout: exit through 'exit', where the hub processes this run started are killed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
