import i18next, { type i18n } from 'i18next';
import { formatWorkingSpan, RATING_CRITERIA, workingSpan, type RatingLevel } from '../../../shared/domain';
import type { Figures } from '../../../shared/api';
import { resources } from '../../../shared/i18n';

/**
 * The tables the Excel workbook and the PDF report share, in the dashboard's own
 * words (the shared locale files, through an i18next instance of the hub's own so
 * plural forms and the lateness wording are the screens' ones).
 *
 * Cells are typed: a count, minutes, a percentage, a score or an instant stays a
 * number until the format decides how it reads (Excel: a number with a number
 * format; PDF: Vietnamese or English digits). Null = no data (Excel: empty; PDF: "—").
 */
export type Lang = 'vi' | 'en';

export type Cell =
  | string
  | number
  | null
  | { kind: 'minutes'; seconds: number | null }
  | { kind: 'pct'; value: number | null }
  | { kind: 'score'; value: number | null }
  | { kind: 'time'; ms: number };

export interface ReportTable {
  /** Also the sheet name in Excel (at most 31 characters there). */
  title: string;
  header: string[];
  rows: Cell[][];
}

const instances = new Map<Lang, i18n>();
/** i18next's `t` for the report's language (one instance per language, made once). */
export function translator(lang: Lang): (key: string, vars?: Record<string, unknown>) => string {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({ resources, lng: lang, fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
    instances.set(lang, inst);
  }
  const t = inst.t.bind(inst);
  return (key, vars) => {
    if (!inst.exists(key, vars)) throw new Error(`missing report string ${key}`);
    return String(t(key, vars));
  };
}

/** Minutes rounded to one decimal, as every screen shows them. */
export const minutesOf = (sec: number | null): number | null => (sec === null ? null : Math.round(sec / 6) / 10);
const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'unsatisfied'];

export function reportTables(f: Figures, lang: Lang) {
  const t = translator(lang);
  const name = (r: { nameVi: string; nameEn: string }) => (lang === 'vi' ? r.nameVi : r.nameEn);
  const unit = (label: string, u: string) => `${label} (${u})`;
  const min = (k: string) => unit(t(k), t('supervisor.report.minutesUnit'));
  /** An open-dossier figure is as of now, not of the period: its header says so. */
  const now = (k: string) => `${t(k)} ${t('supervisor.report.nowSuffix')}`;
  const m = (seconds: number | null): Cell => ({ kind: 'minutes', seconds });
  const pct = (value: number | null): Cell => ({ kind: 'pct', value });

  const tk = [t('supervisor.kpi.issued'), t('supervisor.kpi.served'), t('supervisor.kpi.noShows'), t('supervisor.kpi.transfers'), min('supervisor.kpi.waitMean'), min('supervisor.kpi.waitP90'), min('supervisor.kpi.serviceMean'), min('supervisor.kpi.serviceP90')];
  const tkRow = (r: Figures['tickets']): Cell[] => [r.issued, r.served, r.noShows, r.transfers, m(r.wait.mean), m(r.wait.p90), m(r.service.mean), m(r.service.p90)];
  const dk = [t('supervisor.kpi.received'), t('supervisor.kpi.handedBack'), t('supervisor.kpi.onTime'), t('supervisor.kpi.late'), now('supervisor.kpi.openOverdue'), now('supervisor.kpi.openNearlyDue')];
  const dkRow = (r: Figures['dossiers']): Cell[] => [r.received, r.handedBack, r.handedBackOnTime, r.handedBackLate, r.openOverdue, r.openNearlyDue];
  const rk = [t('supervisor.kpi.ratings'), ...LEVELS.map((l) => t(`supervisor.levels.${l}`)), unit(t('supervisor.kpi.satisfaction'), '%')];
  const rkRow = (r: { total: number; verySatisfied: number; satisfied: number; unsatisfied: number; satisfactionPct: number | null }): Cell[] => [r.total, r.verySatisfied, r.satisfied, r.unsatisfied, pct(r.satisfactionPct)];
  const total = t('supervisor.report.total');

  const summary: ReportTable = {
    title: t('supervisor.report.sheetSummary'),
    header: [t('supervisor.report.item'), t('supervisor.report.value')],
    rows: [
      ...tk.map((h, i): Cell[] => [h, tkRow(f.tickets)[i]!]),
      ...dk.map((h, i): Cell[] => [h, dkRow(f.dossiers)[i]!]),
      [t('supervisor.kpi.ratings'), f.ratings.total],
      [unit(t('supervisor.kpi.satisfaction'), '%'), pct(f.ratings.satisfactionPct)],
    ],
  };
  const tickets: ReportTable[] = [
    { title: t('supervisor.tables.byService'), header: [t('supervisor.col.service'), ...tk], rows: [...f.byService.map((r) => [name(r), ...tkRow(r)]), [total, ...tkRow(f.tickets)]] },
    // Waits belong to services (a citizen waits for a service, not a counter): the counter table has none.
    {
      title: t('supervisor.tables.byCounter'),
      header: [t('supervisor.col.counter'), t('supervisor.col.called'), tk[1]!, tk[2]!, tk[3]!, tk[6]!, tk[7]!],
      rows: f.byCounter.map((r) => [r.name, r.called, r.served, r.noShows, r.transfers, m(r.service.mean), m(r.service.p90)]),
    },
    {
      title: t('supervisor.tables.byClerk'),
      header: [t('supervisor.col.clerk'), t('supervisor.col.called'), tk[1]!, tk[2]!, tk[3]!, tk[6]!, tk[7]!, min('supervisor.col.active'), min('supervisor.col.idle')],
      rows: f.byClerk.map((r) => [r.fullName, r.called, r.served, r.noShows, r.transfers, m(r.service.mean), m(r.service.p90), m(r.activeSeconds), m(r.idleSeconds)]),
    },
  ];
  const dossiers: ReportTable[] = [
    { title: t('supervisor.tables.dossiersByField'), header: [t('supervisor.col.field'), ...dk], rows: [...f.dossiersByField.map((r) => [lang === 'vi' ? r.fieldVi : r.fieldEn, ...dkRow(r)]), [total, ...dkRow(f.dossiers)]] },
    { title: t('supervisor.tables.dossiersByClerk'), header: [t('supervisor.col.clerk'), ...dk], rows: f.dossiersByClerk.map((r) => [r.fullName, ...dkRow(r)]) },
  ];
  const ratings: ReportTable[] = [
    { title: t('supervisor.tables.ratingsByClerk'), header: [t('supervisor.col.clerk'), ...rk], rows: [...f.ratingsByClerk.map((r) => [r.fullName, ...rkRow(r)]), [total, ...rkRow(f.ratings)]] },
    { title: t('supervisor.tables.ratingsByQuarter'), header: [t('supervisor.col.quarter'), ...rk], rows: f.ratingsByQuarter.map((r) => [r.quarter, ...rkRow(r)]) },
    {
      title: t('supervisor.tables.criteria'),
      header: [t('supervisor.col.criterion'), t('supervisor.col.count'), t('supervisor.col.score')],
      rows: f.ratings.criteria.map((c): Cell[] => {
        const crit = RATING_CRITERIA.find((x) => x.key === c.key);
        return [crit ? crit[lang] : c.key, c.n, { kind: 'score', value: c.mean }];
      }),
    },
  ];
  const overdue: ReportTable = {
    title: t('supervisor.tables.overdue'),
    header: [t('supervisor.col.code'), t('supervisor.col.procedure'), t('supervisor.col.field'), t('supervisor.col.clerk'), t('supervisor.col.acceptedAt'), t('supervisor.col.dueAt'), t('supervisor.col.late')],
    rows: f.overdue.map((o) => [
      o.code,
      lang === 'vi' ? o.procedureNameVi : o.procedureNameEn,
      lang === 'vi' ? o.fieldVi : o.fieldEn,
      o.clerkName ?? '—',
      { kind: 'time', ms: o.acceptedAt },
      { kind: 'time', ms: o.dueAt },
      formatWorkingSpan(workingSpan(-o.lateWorkingHours), t),
    ]),
  };
  return { summary, tickets, dossiers, ratings, overdue };
}
