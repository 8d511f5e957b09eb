/**
 * The supervisor's figures, computed on read from the event tables, on an
 * office that has run for a year: AGED working days × TICKETS_PER_DAY tickets
 * (issue, call, start, finish events; a few no-shows and transfers), dossiers
 * received and handed back, ratings. In-process, on a temporary store.
 *
 * Hub column: `computeFigures` (everything the dashboard shows) for today, the
 * last 30 days, a quarter and a year; today both cold and with the open-dossier
 * snapshot kept (reads within 10 s, as a live dashboard does). Baseline column: the bare indexed read of
 * the same range's ticket events (`SELECT … ORDER BY ticket, id`, rows
 * discarded) — the least any on-read design must pay — so the ratio is what
 * the aggregation itself costs on top. Today's figures must stay far below the
 * dashboard's 2 s live refresh however old the store is: that is what decides
 * on-read against maintained rollups (docs/supervisor.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/main/db/open';
import { createStore } from '../src/main/db/store';
import { seedCatalogue, seedDemoOffice } from '../src/main/db/seed';
import { createServices } from '../src/main/services';
import { createClock } from '../src/main/services/clock';
import { dateOfDayNumber, dayNumberOfDate, dayStartMs } from '../src/shared/domain';
import { summarise, type Summary } from './lib/stats';

export const SUPERVISOR_DEFAULTS = { days: 250, ticketsPerDay: 300, dossiersPerDay: 40, ratingsPerDay: 120, repeats: 15 };

const TODAY = '2026-11-24';
/** Range in days, and how far the clock moves between two reads: 11 s recomputes the open-dossier snapshot every time (cold), 1 s keeps it (a live dashboard). */
const RANGES: Record<string, { days: number; stepMs: number }> = {
  'today, cold': { days: 1, stepMs: 11_000 },
  'today, snapshot kept': { days: 1, stepMs: 1_000 },
  '30 days': { days: 30, stepMs: 11_000 },
  quarter: { days: 91, stepMs: 11_000 },
  year: { days: 365, stepMs: 11_000 },
};

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SupervisorBenchResult {
  rows: { tickets: number; ticketEvents: number; dossiers: number; ratings: number };
  hub: Record<string, Summary>;
  baseline: Record<string, Summary>;
}

export async function runSupervisorBench(opts = SUPERVISOR_DEFAULTS): Promise<SupervisorBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-supervisor-'));
  const db = openStore(path.join(dir, 'motcua.sqlite'));
  let now = dayStartMs(dayNumberOfDate(TODAY)) + 10 * 3600_000;
  const store = createStore(db);
  try {
    await seedDemoOffice(store, now);
    seedCatalogue(store, now);
    const codes = (db.prepare("SELECT code FROM procedures WHERE processing_unit = 'working_days' AND processing_value > 0 LIMIT 30").all() as { code: string }[]).map((r) => r.code);
    const proc = db.prepare('SELECT code, name_vi, name_en, processing_value, processing_unit, processing_hours FROM procedures WHERE code = ?');
    const insTicket = db.prepare(`INSERT INTO tickets (office_day, number, seq, origin_service_id, service_id, status, source, issued_at, queued_at, called_at, serving_started_at, finished_at, counter_id, clerk_id)
      VALUES (?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?)`);
    const insEvent = db.prepare('INSERT INTO ticket_events (ticket_id, at, kind, counter_id, clerk_id, to_service_id) VALUES (?, ?, ?, ?, ?, ?)');
    const insDossier = db.prepare(`INSERT INTO dossiers (code, secret, office_day, seq, procedure_code, procedure_name_vi, procedure_name_en, processing_value, processing_unit, processing_hours,
      applicant_name, applicant_name_folded, applicant_id_type, applicant_id_number, applicant_phone, applicant_address, sets, fee_collected, result_delivery, status, accepted_at, due_at,
      clerk_id, counter_id, book_year, book_number, created_at, updated_at)
      VALUES (?, 'ABCDEF', ?, ?, ?, ?, ?, ?, ?, ?, 'Nguyễn Văn A', 'nguyen van a', 'cccd', '001090012345', '0912345678', 'Hà Nội', 1, 0, 'counter', ?, ?, ?, 2, 1, ?, ?, ?, ?)`);
    const insDEvent = db.prepare("INSERT INTO dossier_events (dossier_id, at, actor, clerk_id, from_status, to_status) VALUES (?, ?, 'clerk', 2, ?, ?)");
    const insRating = db.prepare("INSERT INTO ratings (id, subject, office_day, ticket_id, clerk_id, counter_id, level, created_at) VALUES (?, 'ticket', ?, ?, ?, ?, ?, ?)");
    const random = rng(42);
    const levels = ['very_satisfied', 'satisfied', 'unsatisfied'];
    let book = 0;
    db.transaction(() => {
      let made = 0;
      for (let d = dayNumberOfDate(TODAY); made < opts.days; d--) {
        const day = dateOfDayNumber(d);
        const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (wd === 0 || wd === 6) continue;
        made++;
        const open = dayStartMs(d) + 7.5 * 3600_000;
        const ids: number[] = [];
        for (let i = 0; i < opts.ticketsPerDay; i++) {
          const service = (i % 5) + 1;
          const counter = (i % 5) + 1;
          const clerk = 2 + (i % 2);
          const issued = open + i * 60_000;
          const called = issued + Math.floor(random() * 30) * 60_000;
          const noShow = random() < 0.05;
          const started = called + 30_000;
          const finished = started + Math.floor(3 + random() * 12) * 60_000;
          const id = Number(insTicket.run(day, `${'ABCDE'[service - 1]}${String(i + 1).padStart(3, '0')}`, i + 1, service, service, noShow ? 'no_show' : 'done', issued, issued, called, noShow ? null : started, noShow ? called + 120_000 : finished, counter, clerk).lastInsertRowid);
          ids.push(id);
          insEvent.run(id, issued, 'issue', null, null, service);
          insEvent.run(id, called, 'call', counter, clerk, null);
          if (noShow) insEvent.run(id, called + 120_000, 'no_show', counter, clerk, null);
          else {
            insEvent.run(id, started, 'start', counter, clerk, null);
            insEvent.run(id, finished, 'finish', counter, clerk, null);
          }
        }
        for (let i = 0; i < opts.dossiersPerDay; i++) {
          const p = proc.get(codes[i % codes.length]) as { code: string; name_vi: string; name_en: string; processing_value: number; processing_unit: string; processing_hours: number };
          const at = open + i * 5 * 60_000;
          const code = `000.00.15.H24-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8)}-${String(i + 1).padStart(4, '0')}`;
          const old = d < dayNumberOfDate(TODAY) - 30;
          const status = old ? 10 : 2;
          const id = Number(insDossier.run(code, day, i + 1, p.code, p.name_vi, p.name_en, p.processing_value, p.processing_unit, p.processing_hours, status, at, at + p.processing_hours * 3600_000, Number(day.slice(0, 4)), ++book, at, at).lastInsertRowid);
          insDEvent.run(id, at, null, 2);
          if (old) insDEvent.run(id, at + 3 * 86_400_000, 2, 10);
        }
        for (let i = 0; i < opts.ratingsPerDay; i++) {
          const t = ids[i * 2]!;
          insRating.run(`00000000-0000-4000-8000-${String(t).padStart(12, '0')}`, day, t, 2 + (i % 2), (i % 5) + 1, levels[Math.floor(random() * 3)], open + i * 120_000);
        }
      }
    })();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const rows = { tickets: count('SELECT count(*) AS n FROM tickets'), ticketEvents: count('SELECT count(*) AS n FROM ticket_events'), dossiers: count('SELECT count(*) AS n FROM dossiers'), ratings: count('SELECT count(*) AS n FROM ratings') };
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');

    const hub = createServices(store, createClock(() => now), { version: 'bench' });
    hub.supervisor.stop();
    const bare = db.prepare('SELECT e.ticket_id, t.office_day, t.origin_service_id, e.at, e.kind, e.counter_id, e.clerk_id, e.to_service_id FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id WHERE t.office_day BETWEEN ? AND ? ORDER BY e.ticket_id, e.id');
    const hubTimes: Record<string, Summary> = {};
    const baseTimes: Record<string, Summary> = {};
    for (const [name, { days, stepMs }] of Object.entries(RANGES)) {
      const from = dateOfDayNumber(dayNumberOfDate(TODAY) - days + 1);
      const h: number[] = [];
      const b: number[] = [];
      const reps = days > 100 ? Math.max(3, Math.floor(opts.repeats / 3)) : opts.repeats;
      for (let r = 0; r < reps + 1; r++) {
        now += stepMs;
        let t = performance.now();
        const f = hub.supervisor.figures({ from, to: TODAY });
        const dt = performance.now() - t;
        if (f.byDay.length !== days) throw new Error('bad range');
        t = performance.now();
        let n = 0;
        for (const _ of bare.iterate(from, TODAY)) n++;
        const db2 = performance.now() - t;
        if (n === 0) throw new Error('no rows');
        // The first of each is a warm-up.
        if (r > 0) {
          h.push(dt);
          b.push(db2);
        }
      }
      hubTimes[name] = summarise(h);
      baseTimes[name] = summarise(b);
    }
    return { rows, hub: hubTimes, baseline: baseTimes };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const SUPERVISOR_RANGES = Object.keys(RANGES);

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** The section of `npm run bench` (`--only=supervisor`): a fresh aged store per round; medians of the per-round p50/p95 and ratios. */
export async function supervisorSection(rounds: number, out: Record<string, unknown>): Promise<void> {
  const runs: SupervisorBenchResult[] = [];
  for (let r = 0; r < rounds; r++) {
    const res = await runSupervisorBench();
    runs.push(res);
    console.log(`  supervisor round ${r + 1}: ${SUPERVISOR_RANGES.map((k) => `${k} p50 ${ms(res.hub[k]!.p50)} (bare read ${ms(res.baseline[k]!.p50)})`).join(' | ')}`);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rows = SUPERVISOR_RANGES.flatMap((k) =>
    (['p50', 'p95'] as const).map((p) => ({
      metric: `${k}, ${p}`,
      hub: ms(med(runs.map((x) => x.hub[k]![p]))),
      baseline: ms(med(runs.map((x) => x.baseline[k]![p]))),
      ratio: `${med(runs.map((x) => x.hub[k]![p] / x.baseline[k]![p])).toFixed(2)}×`,
    })),
  );
  const r0 = runs[0]!.rows;
  console.log(
    `\nSupervisor figures on read: ${SUPERVISOR_DEFAULTS.days} working days, ${r0.tickets} tickets, ${r0.ticketEvents} ticket events, ${r0.dossiers} dossiers, ${r0.ratings} ratings; whole figures vs the bare indexed read of the range's ticket events (medians of ${rounds} rounds)`,
  );
  const w = { metric: Math.max(6, ...rows.map((r) => r.metric.length)), hub: Math.max(3, ...rows.map((r) => r.hub.length)), baseline: Math.max(8, ...rows.map((r) => r.baseline.length)) };
  console.log(`  ${'metric'.padEnd(w.metric)}  ${'hub'.padStart(w.hub)}  ${'baseline'.padStart(w.baseline)}  hub/baseline`);
  for (const r of rows) console.log(`  ${r.metric.padEnd(w.metric)}  ${r.hub.padStart(w.hub)}  ${r.baseline.padStart(w.baseline)}  ${r.ratio}`);
  out.supervisor = { config: SUPERVISOR_DEFAULTS, rows: r0, table: rows, rounds: runs };
}
