import type { ReliabilityReport } from '../run';
import type { LoadFigures } from './load';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function routeTable(f: LoadFigures): string[] {
  return [
    row(['route', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...Object.entries(f.routes).map(([k, s]) => row([k, s.n, s.p50, s.p95, s.p99, s.max])),
    row(['**all**', f.all.n, f.all.p50, f.all.p95, f.all.p99, f.all.max]),
  ];
}

/** The report as Markdown (test-results/reliability-report.md). */
export function renderReport(r: ReliabilityReport): string {
  const out: string[] = [`# Reliability report`, '', `${r.startedAt}, seed ${r.seed}, ${r.machine}.`, ''];
  out.push(r.failures.length ? `**${r.failures.length} failure(s):**\n\n${r.failures.map((f) => `- ${f}`).join('\n')}\n` : '**All checks passed.**\n');
  if (r.crash) {
    const c = r.crash;
    const restarts = c.rounds.map((x) => x.restartMs).sort((a, b) => a - b);
    out.push(
      '## Power cuts (SIGKILL)',
      '',
      `${c.rounds.length} rounds in ${c.seconds} s. Acknowledged and checked after the restarts: ${c.totals.tickets} tickets, ${c.totals.calls} calls, ${c.totals.dossiers} dossiers, ${c.totals.moves} result-ready / hand-backs; ${c.totals.unknown} requests were cut mid-flight (outcome unknown, either is fine).`,
      `Restart to listening: median ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts.at(-1)} ms. Violations: ${c.violations.length}.`,
      '',
    );
  }
  if (r.fuzz) {
    const f = r.fuzz;
    const total = f.operations.reduce((s, o) => s + o.runs, 0);
    const byClass: Record<string, number> = {};
    for (const o of f.operations) for (const [st, n] of Object.entries(o.statuses)) byClass[`${st[0]}xx`] = (byClass[`${st[0]}xx`] ?? 0) + n;
    out.push(
      '## Fuzzing every OpenAPI operation',
      '',
      `${f.operations.length} operations × ${f.runsPerOperation} runs = ${total} requests in ${f.seconds} s; answers ${Object.entries(byClass).map(([k, n]) => `${k}: ${n}`).join(', ')}. Failures: ${f.failures.length}.`,
      '',
      row(['operation', 'answers (status: count)']),
      row(['---', '---']),
      ...f.operations.map((o) => row([o.operationId + (o.failure ? ' **FAILED**' : ''), Object.entries(o.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')])),
      '',
    );
  }
  if (r.load) {
    const l = r.load;
    const d = l.busyDay;
    out.push(
      '## Load: a busy office day',
      '',
      `${l.shape.kiosks} kiosks, ${l.shape.counters} counters, ${l.shape.displays} displays (live stream), ${l.shape.supervisors} supervisors; the day's ${l.day.tickets} tickets and ${l.day.dossiers} dossiers compressed into ${l.daySeconds} s.`,
      `Done: ${d.done.tickets} tickets, ${d.done.calls} calls, ${d.done.dossiers} dossiers, ${d.done.resultReady} results ready, ${d.done.handBacks} hand-backs; ${d.requests} requests (${d.requestsPerSecond}/s); **errors ${d.errors}**; hub CPU ${d.hubCpu} cores (load generator ${d.clientCpu}); RSS ${d.rssStartMiB} → ${d.rssEndMiB} MiB.`,
      `Display lag (call pressed → event at each display): p50 ${d.displayLag.p50} ms, **p95 ${d.displayLag.p95} ms**, p99 ${d.displayLag.p99} ms over ${d.displayLag.n} deliveries, ${d.displayLag.missing} missing.`,
      '',
      ...routeTable(d),
      '',
      '## Load: stepping up to 10× the day',
      '',
      row(['rate', 'req/s', 'tickets done/offered', 'errors', 'p50 ms', 'p99 ms', 'lag p95 ms', 'hub CPU', 'load generator CPU', 'RSS MiB']),
      row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
      ...l.steps.map((s) => row([s.label, s.requestsPerSecond, `${s.done.tickets}/${s.offered.tickets}`, s.errors, s.all.p50, s.all.p99, s.displayLag.p95, s.hubCpu, s.clientCpu, s.rssEndMiB])),
      '',
      `**${l.bend}.**`,
      '',
      ...l.steps.flatMap((s) => (s.errors ? [`- ${s.label} errors: ${s.errorSamples.join('; ')}`] : [])),
      '',
      '## Memory over a long run',
      '',
      `${l.soak.seconds} s at ${l.soak.rate}× the day's rate (${l.soak.figures.done.tickets} tickets, ${l.soak.figures.requests} requests, errors ${l.soak.figures.errors}): hub RSS **${l.soak.rssStartMiB} MiB after the first minute, ${l.soak.rssEndMiB} MiB at the end**, max ${l.soak.rssMaxMiB} MiB.`,
      '',
      `RSS samples (s: MiB): ${l.soak.samples.map((s) => `${s.t}: ${s.rssMiB}`).join(', ')}`,
      '',
    );
  }
  return out.join('\n');
}
