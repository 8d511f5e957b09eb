import {
  compareText,
  dayNumberOfDate,
  dayStartMs,
  meanAndP90,
  quarterOf,
  RATING_CRITERIA_KEYS,
  satisfactionPercent,
  unionLength,
  type RatingLevel,
} from '../../../shared/domain';
import type { Figures, OverdueDossier } from '../../../shared/api';
import type { SupervisorRepo, TicketEventRow, RatingRow } from '../../db/repos/supervisor';
import type { DossierRow } from '../../db/repos/dossiers';
import type { DossierService } from '../dossiers';
import type { Clock } from '../clock';

/**
 * The supervisor's figures over a range of office days, computed on read from
 * the event tables (see migration 0007 for why not rollups). Definitions:
 *
 * - A ticket is issued to its first service. Each time it enters a queue (issue,
 *   transfer, put back) a wait starts; the next call ends it. The wait belongs
 *   to the service it was spent in.
 * - Service time runs from "start serving" to "finish"; the ticket counts as
 *   served by the service, counter and clerk of that finish.
 * - A no-show or transfer counts for the service, counter and clerk it left.
 * - A clerk is active from a call until that ticket is finished, marked absent
 *   or transferred; idle is the rest of the span from their first call to their
 *   last such end, each office day (so breaks between tickets count, the time
 *   before the first citizen and after the last does not).
 * - Dossiers received: accepted in the range. Handed back: handed over in the
 *   range, on time or late as judged when the result was ready. Open dossiers
 *   (the clock runs, or a supplement is awaited) are counted by their due
 *   status NOW, whatever the range, and the overdue ones are listed.
 */
export function computeFigures(repo: SupervisorRepo, dossiers: DossierService, clock: Clock, from: string, to: string, openDossiers: () => OpenDossier[]): Figures {
  const now = clock.now();
  const tickets = ticketFigures(repo, from, to, now);
  const dossierPart = dossierFigures(repo, dossiers, from, to, now, openDossiers);
  const ratingPart = ratingFigures(repo, from, to);
  return { from, to, generatedAt: now, ...tickets, ...dossierPart, ...ratingPart };
}

// ---- tickets -------------------------------------------------------------------

interface Acc {
  issued: number;
  served: number;
  noShows: number;
  transfers: number;
  called: number;
  waits: number[];
  services: number[];
}
const newAcc = (): Acc => ({ issued: 0, served: 0, noShows: 0, transfers: 0, called: 0, waits: [], services: [] });
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const out = (a: Acc) => ({
  issued: a.issued,
  served: a.served,
  noShows: a.noShows,
  transfers: a.transfers,
  wait: roundDur(meanAndP90(a.waits)),
  service: roundDur(meanAndP90(a.services)),
});
const roundDur = (d: { n: number; mean: number | null; p90: number | null }) => ({
  n: d.n,
  mean: d.mean === null ? null : seconds(d.mean),
  p90: d.p90 === null ? null : seconds(d.p90),
});

function ticketFigures(repo: SupervisorRepo, from: string, to: string, now: number) {
  const all = newAcc();
  const bySvc = new Map<number, Acc>();
  const byCtr = new Map<number, Acc>();
  const byClk = new Map<number, Acc>();
  const byDay = new Map<string, { issued: number; served: number; noShows: number }>();
  /** clerk → office day → active intervals */
  const active = new Map<number, Map<string, { from: number; to: number }[]>>();
  const get = <K>(m: Map<K, Acc>, k: K) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = newAcc()));
    return a;
  };
  const dayAcc = (d: string) => {
    let a = byDay.get(d);
    if (!a) byDay.set(d, (a = { issued: 0, served: 0, noShows: 0 }));
    return a;
  };
  const events = repo.ticketEvents(from, to);

  let i = 0;
  while (i < events.length) {
    const ticketId = events[i]!.ticket_id;
    let service = events[i]!.origin_service_id;
    let waitFrom: number | null = null;
    let serveFrom: number | null = null;
    let activeFrom: number | null = null;
    let activeClerk: number | null = null;
    const day = events[i]!.office_day;
    const endActive = (at: number) => {
      if (activeFrom !== null && activeClerk !== null) {
        let days = active.get(activeClerk);
        if (!days) active.set(activeClerk, (days = new Map()));
        let list = days.get(day);
        if (!list) days.set(day, (list = []));
        list.push({ from: activeFrom, to: at });
      }
      activeFrom = null;
      activeClerk = null;
    };
    const each = (e: TicketEventRow, f: (a: Acc) => void) => {
      f(all);
      f(get(bySvc, service));
      if (e.counter_id !== null) f(get(byCtr, e.counter_id));
      if (e.clerk_id !== null) f(get(byClk, e.clerk_id));
    };
    for (; i < events.length && events[i]!.ticket_id === ticketId; i++) {
      const e = events[i]!;
      switch (e.kind) {
        case 'issue':
          service = e.to_service_id ?? e.origin_service_id;
          waitFrom = e.at;
          all.issued++;
          get(bySvc, service).issued++;
          dayAcc(day).issued++;
          break;
        case 'call':
          if (waitFrom !== null) {
            const w = e.at - waitFrom;
            all.waits.push(w);
            get(bySvc, service).waits.push(w);
            waitFrom = null;
          }
          if (e.counter_id !== null) get(byCtr, e.counter_id).called++;
          if (e.clerk_id !== null) get(byClk, e.clerk_id).called++;
          all.called++;
          activeFrom = e.at;
          activeClerk = e.clerk_id;
          break;
        case 'start':
          serveFrom = e.at;
          break;
        case 'finish':
          each(e, (a) => {
            a.served++;
            if (serveFrom !== null) a.services.push(e.at - serveFrom);
          });
          dayAcc(day).served++;
          serveFrom = null;
          endActive(e.at);
          break;
        case 'no_show':
          each(e, (a) => a.noShows++);
          dayAcc(day).noShows++;
          endActive(e.at);
          break;
        case 'transfer':
          each(e, (a) => a.transfers++);
          service = e.to_service_id ?? service;
          serveFrom = null;
          waitFrom = e.at;
          endActive(e.at);
          break;
        case 'requeue':
          waitFrom = e.at;
          break;
        case 'recall':
          break;
      }
    }
    // Still with the clerk (today): active until now.
    if (activeFrom !== null) endActive(Math.max(activeFrom, now));
  }

  const names = {
    services: new Map(repo.services().map((s) => [s.id, s])),
    counters: new Map(repo.counters().map((c) => [c.id, c])),
    clerks: new Map(repo.clerks().map((c) => [c.id, c.full_name])),
  };
  const idle = (clerkId: number) => {
    let idleMs = 0;
    let activeMs = 0;
    for (const list of active.get(clerkId)?.values() ?? []) {
      const span = Math.max(...list.map((x) => x.to)) - Math.min(...list.map((x) => x.from));
      const busy = unionLength(list);
      activeMs += busy;
      idleMs += span - busy;
    }
    return { idleSeconds: seconds(idleMs), activeSeconds: seconds(activeMs) };
  };

  const days: { day: string; issued: number; served: number; noShows: number }[] = [];
  for (let d = dayNumberOfDate(from); d <= dayNumberOfDate(to); d++) {
    const day = new Date(d * 86_400_000).toISOString().slice(0, 10);
    days.push({ day, ...(byDay.get(day) ?? { issued: 0, served: 0, noShows: 0 }) });
  }

  return {
    tickets: out(all),
    byService: [...bySvc.entries()]
      .map(([id, a]) => ({ serviceId: id, nameVi: names.services.get(id)?.name_vi ?? `#${id}`, nameEn: names.services.get(id)?.name_en ?? `#${id}`, sort: names.services.get(id)?.sort ?? 0, ...out(a) }))
      .sort((a, b) => a.sort - b.sort || a.serviceId - b.serviceId)
      .map(({ sort: _s, ...r }) => r),
    byCounter: [...byCtr.entries()]
      .map(([id, a]) => ({ counterId: id, number: names.counters.get(id)?.number ?? 0, name: names.counters.get(id)?.name ?? `#${id}`, ...out(a), called: a.called }))
      .sort((a, b) => a.number - b.number),
    byClerk: [...byClk.entries()]
      .map(([id, a]) => ({ clerkId: id, fullName: names.clerks.get(id) ?? `#${id}`, ...out(a), called: a.called, ...idle(id) }))
      .sort((a, b) => compareText(a.fullName, b.fullName)),
    byDay: days,
  };
}

// ---- dossiers ------------------------------------------------------------------

export interface OpenDossier {
  row: DossierRow;
  s: { dueAt: number | null; dueStatus: 'overdue' | 'nearly_due' | 'on_time'; remainingWorkingHours: number | null };
}

/**
 * The open dossiers with their due status, the part of the figures that does not depend on the
 * range and costs most (due computed per dossier). Kept for OPEN_SNAPSHOT_MS while no open dossier
 * changed and the calendar and the nearly-due threshold are the same, so a live dashboard refreshing every few seconds does not
 * recompute a backlog of a thousand dossiers each time; a dossier that turns overdue shows within
 * that time, and its lateness is always counted to now.
 */
export const OPEN_SNAPSHOT_MS = 10_000;
export function openDossierSnapshot(repo: SupervisorRepo, dossiers: DossierService, clock: Clock, calendar: () => unknown) {
  let key = '';
  let cal: unknown;
  let value: OpenDossier[] = [];
  return (): OpenDossier[] => {
    // The nearly-due threshold is part of the key: a changed setting shows at once.
    const k = `${Math.floor(clock.now() / OPEN_SNAPSHOT_MS)}|${repo.openVersion()}|${repo.settings().nearlyDueWorkingHours}`;
    const c = calendar();
    if (k !== key || c !== cal) {
      value = [];
      for (const row of repo.open()) {
        const s = dossiers.summaryOf(row);
        // A dossier waiting for a supplement has no due status (its clock is paused): counted nowhere.
        if (s.dueStatus !== null) value.push({ row, s: { dueAt: s.dueAt, dueStatus: s.dueStatus, remainingWorkingHours: s.remainingWorkingHours } });
      }
      key = k;
      cal = c;
    }
    return value;
  };
}

interface DAcc {
  received: number;
  handedBack: number;
  handedBackOnTime: number;
  handedBackLate: number;
  openOnTime: number;
  openNearlyDue: number;
  openOverdue: number;
}
const newDAcc = (): DAcc => ({ received: 0, handedBack: 0, handedBackOnTime: 0, handedBackLate: 0, openOnTime: 0, openNearlyDue: 0, openOverdue: 0 });

function dossierFigures(repo: SupervisorRepo, dossiers: DossierService, from: string, to: string, now: number, openDossiers: () => OpenDossier[]) {
  const fromMs = dayStartMs(dayNumberOfDate(from));
  const toMs = dayStartMs(dayNumberOfDate(to) + 1);
  const all = newDAcc();
  const byField = new Map<string, DAcc & { fieldVi: string; fieldEn: string }>();
  const byClerk = new Map<number | null, DAcc & { fullName: string }>();
  const fields = new Map<string, { field_vi: string; field_en: string }>();
  const overdue: OverdueDossier[] = [];

  const add = (row: DossierRow, f: (a: DAcc) => void) => {
    let field = fields.get(row.procedure_code);
    if (!field) fields.set(row.procedure_code, (field = repo.fieldOf(row.procedure_code) ?? { field_vi: 'Khác', field_en: 'Other' }));
    let fa = byField.get(field.field_vi);
    if (!fa) byField.set(field.field_vi, (fa = { fieldVi: field.field_vi, fieldEn: field.field_en, ...newDAcc() }));
    let ca = byClerk.get(row.clerk_id);
    if (!ca) byClerk.set(row.clerk_id, (ca = { fullName: row.clerk_name ?? '—', ...newDAcc() }));
    f(all);
    f(fa);
    f(ca);
    return field;
  };

  for (const row of repo.received(fromMs, toMs)) add(row, (a) => a.received++);
  for (const row of repo.handedBack(fromMs, toMs)) {
    const late = dossiers.summaryOf(row).dueStatus === 'overdue';
    add(row, (a) => {
      a.handedBack++;
      if (late) a.handedBackLate++;
      else a.handedBackOnTime++;
    });
  }
  for (const { row, s } of openDossiers()) {
    const field = add(row, (a) => {
      if (s.dueStatus === 'overdue') a.openOverdue++;
      else if (s.dueStatus === 'nearly_due') a.openNearlyDue++;
      else a.openOnTime++;
    });
    if (s.dueStatus === 'overdue' && s.dueAt !== null) {
      overdue.push({
        code: row.code,
        procedureNameVi: row.procedure_name_vi,
        procedureNameEn: row.procedure_name_en,
        fieldVi: field.field_vi,
        fieldEn: field.field_en,
        clerkName: row.clerk_name,
        acceptedAt: row.accepted_at,
        dueAt: s.dueAt,
        lateMs: now - s.dueAt,
        // As of the snapshot (at most OPEN_SNAPSHOT_MS old): working time moves by minutes, the wording shows minutes at best.
        lateWorkingHours: Math.max(0, -(s.remainingWorkingHours ?? 0)),
      });
    }
  }
  overdue.sort((a, b) => b.lateMs - a.lateMs || a.code.localeCompare(b.code));
  return {
    dossiers: all,
    dossiersByField: [...byField.values()].sort((a, b) => compareText(a.fieldVi, b.fieldVi)),
    dossiersByClerk: [...byClerk.entries()].map(([clerkId, a]) => ({ clerkId, ...a })).sort((a, b) => compareText(a.fullName, b.fullName)),
    overdue,
  };
}

// ---- ratings ------------------------------------------------------------------------

interface RAcc {
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
}
const LEVEL_FIELD: Record<RatingLevel, keyof RAcc> = { very_satisfied: 'verySatisfied', satisfied: 'satisfied', unsatisfied: 'unsatisfied' };
const rOut = (a: RAcc) => ({ total: a.verySatisfied + a.satisfied + a.unsatisfied, ...a, satisfactionPct: satisfactionPercent(a) });

function ratingFigures(repo: SupervisorRepo, from: string, to: string) {
  const all: RAcc = { verySatisfied: 0, satisfied: 0, unsatisfied: 0 };
  const byClerk = new Map<number | null, RAcc>();
  const byQuarter = new Map<string, RAcc>();
  const criteria = new Map<string, number[]>(RATING_CRITERIA_KEYS.map((k) => [k, []]));
  const clerkNames = new Map(repo.clerks().map((c) => [c.id, c.full_name]));
  const bump = <K>(m: Map<K, RAcc>, k: K, r: RatingRow) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = { verySatisfied: 0, satisfied: 0, unsatisfied: 0 }));
    a[LEVEL_FIELD[r.level]]++;
  };
  for (const r of repo.ratings(from, to)) {
    all[LEVEL_FIELD[r.level]]++;
    bump(byClerk, r.clerk_id, r);
    bump(byQuarter, quarterOf(r.office_day), r);
    if (r.criteria) {
      for (const [k, v] of Object.entries(JSON.parse(r.criteria) as Record<string, number>)) criteria.get(k)?.push(v);
    }
  }
  return {
    ratings: {
      ...rOut(all),
      criteria: [...criteria.entries()].map(([key, v]) => ({ key, n: v.length, mean: v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : null })),
    },
    ratingsByClerk: [...byClerk.entries()]
      .map(([clerkId, a]) => ({ clerkId, fullName: clerkId === null ? '—' : (clerkNames.get(clerkId) ?? `#${clerkId}`), ...rOut(a) }))
      .sort((a, b) => compareText(a.fullName, b.fullName)),
    ratingsByQuarter: [...byQuarter.entries()].map(([quarter, a]) => ({ quarter, ...rOut(a) })).sort((a, b) => a.quarter.localeCompare(b.quarter)),
  };
}
