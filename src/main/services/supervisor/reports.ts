import ExcelJS from 'exceljs';
import { officeDateVi, officeTimeOf, ratingCriterionByKey, type RatingLevel } from '../../../shared/domain';
import type { Figures } from '../../../shared/api';
import vi from '../../../shared/i18n/supervisor.vi.json';
import en from '../../../shared/i18n/supervisor.en.json';
import { createDocument, Frame, toBuffer } from '../documents/layout';

/**
 * The figures as an Excel workbook (exceljs) and as a PDF report (the layout
 * module's pdfkit frames, Be Vietnam Pro embedded). Their words are the
 * dashboard's own (src/shared/i18n/supervisor.*.json), so screen, sheet and
 * paper say the same thing.
 */
type Lang = 'vi' | 'en';
const CATALOGUES = { vi, en } as const;

function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing report string ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const dateOf = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};
const minutes = (sec: number | null) => (sec === null ? '—' : (Math.round(sec / 6) / 10).toLocaleString('vi-VN'));
const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN')} %`);
const whenVi = (ms: number) => `${officeTimeOf(ms)} ${officeDateVi(ms)}`;
const lateText = (lang: Lang, ms: number) => {
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 24
    ? tr(lang, 'supervisor.col.lateDays', { days: Math.floor(hours / 24), hours: hours % 24 })
    : tr(lang, 'supervisor.col.lateHours', { hours, minutes: Math.floor((ms % 3_600_000) / 60_000) });
};
const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'unsatisfied'];

/** The tables both formats share: [title, header, rows]. Numbers stay numbers for Excel. */
function tables(f: Figures, lang: Lang) {
  const t = (k: string) => tr(lang, k);
  const name = (r: { nameVi: string; nameEn: string }) => (lang === 'vi' ? r.nameVi : r.nameEn);
  const tk = ['supervisor.kpi.issued', 'supervisor.kpi.served', 'supervisor.kpi.noShows', 'supervisor.kpi.transfers', 'supervisor.kpi.waitMean', 'supervisor.kpi.waitP90', 'supervisor.kpi.serviceMean', 'supervisor.kpi.serviceP90'].map(t);
  const tkRow = (r: Figures['tickets']) => [r.issued, r.served, r.noShows, r.transfers, minutes(r.wait.mean), minutes(r.wait.p90), minutes(r.service.mean), minutes(r.service.p90)];
  const dk = ['supervisor.kpi.received', 'supervisor.kpi.handedBack', 'supervisor.kpi.onTime', 'supervisor.kpi.late', 'supervisor.kpi.openOverdue', 'supervisor.kpi.openNearlyDue'].map(t);
  const dkRow = (r: Figures['dossiers']) => [r.received, r.handedBack, r.handedBackOnTime, r.handedBackLate, r.openOverdue, r.openNearlyDue];
  const rk = [t('supervisor.kpi.ratings'), ...LEVELS.map((l) => t(`supervisor.levels.${l}`)), t('supervisor.kpi.satisfaction')];
  const rkRow = (r: { total: number; verySatisfied: number; satisfied: number; unsatisfied: number; satisfactionPct: number | null }) => [r.total, r.verySatisfied, r.satisfied, r.unsatisfied, pct(r.satisfactionPct)];
  return {
    tickets: [
      { title: t('supervisor.tables.byService'), header: [t('supervisor.col.service'), ...tk], rows: [...f.byService.map((r) => [name(r), ...tkRow(r)]), [t('supervisor.report.total'), ...tkRow(f.tickets)]] },
      // Waits belong to services (a citizen waits for a service, not a counter): the counter table has none.
      {
        title: t('supervisor.tables.byCounter'),
        header: [t('supervisor.col.counter'), t('supervisor.col.called'), tk[1]!, tk[2]!, tk[3]!, tk[6]!, tk[7]!],
        rows: f.byCounter.map((r) => [r.name, r.called, r.served, r.noShows, r.transfers, minutes(r.service.mean), minutes(r.service.p90)]),
      },
      {
        title: t('supervisor.tables.byClerk'),
        header: [t('supervisor.col.clerk'), t('supervisor.col.called'), tk[1]!, tk[2]!, tk[3]!, tk[6]!, tk[7]!, `${t('supervisor.col.active')} (${t('supervisor.report.minutesUnit')})`, `${t('supervisor.col.idle')} (${t('supervisor.report.minutesUnit')})`],
        rows: f.byClerk.map((r) => [r.fullName, r.called, r.served, r.noShows, r.transfers, minutes(r.service.mean), minutes(r.service.p90), minutes(r.activeSeconds), minutes(r.idleSeconds)]),
      },
    ],
    dossiers: [
      { title: t('supervisor.tables.dossiersByField'), header: [t('supervisor.col.field'), ...dk], rows: [...f.dossiersByField.map((r) => [lang === 'vi' ? r.fieldVi : r.fieldEn, ...dkRow(r)]), [t('supervisor.report.total'), ...dkRow(f.dossiers)]] },
      { title: t('supervisor.tables.dossiersByClerk'), header: [t('supervisor.col.clerk'), ...dk], rows: f.dossiersByClerk.map((r) => [r.fullName, ...dkRow(r)]) },
    ],
    ratings: [
      { title: t('supervisor.tables.ratingsByClerk'), header: [t('supervisor.col.clerk'), ...rk], rows: [...f.ratingsByClerk.map((r) => [r.fullName, ...rkRow(r)]), [t('supervisor.report.total'), ...rkRow(f.ratings)]] },
      { title: t('supervisor.tables.ratingsByQuarter'), header: [t('supervisor.col.quarter'), ...rk], rows: f.ratingsByQuarter.map((r) => [r.quarter, ...rkRow(r)]) },
      {
        title: t('supervisor.tables.criteria'),
        header: [t('supervisor.col.criterion'), t('supervisor.col.count'), t('supervisor.col.score')],
        rows: f.ratings.criteria.map((c) => {
          const crit = ratingCriterionByKey(c.key);
          return [crit ? crit[lang] : c.key, c.n, c.mean === null ? '—' : c.mean.toLocaleString('vi-VN')];
        }),
      },
    ],
    overdue: {
      title: t('supervisor.tables.overdue'),
      header: [t('supervisor.col.code'), t('supervisor.col.procedure'), t('supervisor.col.field'), t('supervisor.col.clerk'), t('supervisor.col.dueAt'), t('supervisor.col.late')],
      rows: f.overdue.map((o) => [o.code, lang === 'vi' ? o.procedureNameVi : o.procedureNameEn, lang === 'vi' ? o.fieldVi : o.fieldEn, o.clerkName ?? '—', whenVi(o.dueAt), lateText(lang, o.lateMs)]),
    },
  };
}

export interface ReportInput {
  figures: Figures;
  officeName: string;
  lang: Lang;
}

export async function renderFiguresXlsx({ figures, officeName, lang }: ReportInput): Promise<Buffer> {
  const t = (k: string, v?: Record<string, string | number>) => tr(lang, k, v);
  const tb = tables(figures, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Kiosk';
  wb.created = new Date(figures.generatedAt);
  const title = (ws: ExcelJS.Worksheet) => {
    ws.addRow([officeName]).font = { bold: true };
    ws.addRow([t('supervisor.report.title')]).font = { bold: true, size: 13 };
    ws.addRow([t('supervisor.report.period', { from: dateOf(figures.from), to: dateOf(figures.to) })]);
    ws.addRow([]);
  };
  const put = (ws: ExcelJS.Worksheet, table: { title: string; header: string[]; rows: (string | number)[][] }) => {
    ws.addRow([table.title]).font = { bold: true };
    const h = ws.addRow(table.header);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of table.rows) ws.addRow(r);
    ws.addRow([]);
  };
  const sheet = (key: string) => {
    const ws = wb.addWorksheet(t(`supervisor.report.${key}`));
    ws.getColumn(1).width = 38;
    for (let c = 2; c <= 10; c++) ws.getColumn(c).width = 16;
    title(ws);
    return ws;
  };

  const summary = sheet('sheetSummary');
  summary.addRow([t('supervisor.report.item'), t('supervisor.report.value')]).font = { bold: true };
  const k = figures.tickets;
  const d = figures.dossiers;
  const rows: [string, string | number][] = [
    [t('supervisor.kpi.issued'), k.issued],
    [t('supervisor.kpi.served'), k.served],
    [t('supervisor.kpi.noShows'), k.noShows],
    [t('supervisor.kpi.transfers'), k.transfers],
    [`${t('supervisor.kpi.waitMean')} (${t('supervisor.report.minutesUnit')})`, minutes(k.wait.mean)],
    [`${t('supervisor.kpi.waitP90')} (${t('supervisor.report.minutesUnit')})`, minutes(k.wait.p90)],
    [`${t('supervisor.kpi.serviceMean')} (${t('supervisor.report.minutesUnit')})`, minutes(k.service.mean)],
    [`${t('supervisor.kpi.serviceP90')} (${t('supervisor.report.minutesUnit')})`, minutes(k.service.p90)],
    [t('supervisor.kpi.received'), d.received],
    [t('supervisor.kpi.handedBack'), d.handedBack],
    [t('supervisor.kpi.onTime'), d.handedBackOnTime],
    [t('supervisor.kpi.late'), d.handedBackLate],
    [t('supervisor.kpi.openOverdue'), d.openOverdue],
    [t('supervisor.kpi.openNearlyDue'), d.openNearlyDue],
    [t('supervisor.kpi.ratings'), figures.ratings.total],
    [t('supervisor.kpi.satisfaction'), pct(figures.ratings.satisfactionPct)],
  ];
  for (const r of rows) summary.addRow(r);

  const tickets = sheet('sheetTickets');
  tb.tickets.forEach((x) => put(tickets, x));
  const dossiers = sheet('sheetDossiers');
  tb.dossiers.forEach((x) => put(dossiers, x));
  const ratings = sheet('sheetRatings');
  tb.ratings.forEach((x) => put(ratings, x));
  const overdue = sheet('sheetOverdue');
  put(overdue, tb.overdue);
  // Overdue in red, as on the dashboard.
  overdue.eachRow((row, n) => {
    if (n > 6 && row.getCell(1).value) row.font = { color: { argb: 'FFC62828' } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderFiguresPdf({ figures, officeName, lang }: ReportInput): Promise<Buffer> {
  const t = (k: string, v?: Record<string, string | number>) => tr(lang, k, v);
  const tb = tables(figures, lang);
  const doc = createDocument({ widthMm: 297, heightMm: 210, marginMm: 12, title: t('supervisor.report.title'), lang });
  const f = Frame.page(doc);
  f.text(officeName.toUpperCase(), { size: 10, bold: true });
  f.text(t('supervisor.report.title'), { size: 14, bold: true, align: 'center', gapMm: 1 });
  f.text(t('supervisor.report.period', { from: dateOf(figures.from), to: dateOf(figures.to) }), { size: 10, align: 'center' });
  f.text(t('supervisor.report.generated', { time: whenVi(figures.generatedAt) }), { size: 8, align: 'center', oblique: true, gapMm: 4 });
  const section = (title: string, list: { title: string; header: string[]; rows: (string | number)[][] }[]) => {
    f.ensure(60);
    f.text(title, { size: 11, bold: true, gapMm: 2 });
    for (const x of list) {
      f.ensure(40);
      f.text(x.title, { size: 9, bold: true, gapMm: 1 });
      const rows = x.rows.length ? x.rows.map((r) => r.map(String)) : [[t('supervisor.none'), ...x.header.slice(1).map(() => '')]];
      f.table(
        x.header.map((h, i) => ({ header: h, share: i === 0 ? 3 : 1, align: i === 0 ? 'left' : 'right' })),
        rows,
        { size: 8, headerSize: 8, gapMm: 4 },
      );
    }
  };
  section(t('supervisor.report.tickets'), tb.tickets);
  section(t('supervisor.report.dossiers'), tb.dossiers);
  section(t('supervisor.report.ratings'), tb.ratings);
  f.ensure(40);
  f.text(t('supervisor.report.overdue'), { size: 11, bold: true, gapMm: 2 });
  if (tb.overdue.rows.length === 0) f.text(t('supervisor.tables.overdueEmpty'), { size: 9 });
  else {
    doc.fillColor('#c62828');
    f.table(
      tb.overdue.header.map((h, i) => ({ header: h, share: [2.2, 3, 1.8, 1.6, 1.3, 1.1][i]!, align: 'left' as const })),
      tb.overdue.rows,
      { size: 8, headerSize: 8 },
    );
    doc.fillColor('black');
  }
  return toBuffer(doc);
}
