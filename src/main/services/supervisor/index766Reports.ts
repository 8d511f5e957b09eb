import ExcelJS from 'exceljs';
import { FIGURE_GROUP, FIGURE_KEYS, GROUP_POINTS, officeDateVi, officeTimeOf, type FigureKey } from '../../../shared/domain';
import type { Index766, Index766Dossier } from '../../../shared/api';
import vi from '../../../shared/i18n/index766.vi.json';
import en from '../../../shared/i18n/index766.en.json';
import { createDocument, Frame, toBuffer } from '../documents/layout';

/**
 * The 766 index as an Excel workbook and a PDF report, in the tab's own words
 * (src/shared/i18n/index766.*.json), so screen, sheet and paper say the same.
 * The workbook lists every dossier with its part in each figure: the sheet is
 * the trace the province can check.
 */
type Lang = 'vi' | 'en';
const CATALOGUES = { vi, en } as const;

function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`missing report string ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}
const dateOf = (day: string) => day.split('-').reverse().join('/');
const when = (ms: number | null) => (ms === null ? '—' : `${officeTimeOf(ms)} ${officeDateVi(ms)}`);
const pct = (v: number | null, lang: Lang) => (v === null ? tr(lang, 'index766.na') : v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));

export interface Index766ReportInput {
  index: Index766;
  officeName: string;
  lang: Lang;
}

/** [scope, figure, numerator, denominator, percent] for the office, each field, each clerk. */
function figureRows(index: Index766, lang: Lang): (string | number)[][] {
  const t = (k: string) => tr(lang, `index766.${k}`);
  const scopes: [string, Index766['office']][] = [
    [t('office'), index.office],
    ...index.byField.map((f): [string, Index766['office']] => [`${t('col.field')}: ${lang === 'vi' ? f.fieldVi : f.fieldEn}`, f.figures]),
    ...index.byClerk.map((c): [string, Index766['office']] => [`${t('col.clerk')}: ${c.fullName ?? t('portal')}`, c.figures]),
  ];
  return scopes.flatMap(([scope, f]) => FIGURE_KEYS.map((k) => [scope, `${FIGURE_GROUP[k].item} ${t(`figures.${k}`)}`, f[k].numerator, f[k].denominator, pct(f[k].percent, lang)]));
}

function dossierRow(d: Index766Dossier, lang: Lang): string[] {
  const t = (k: string) => tr(lang, `index766.${k}`);
  const result = d.onTime === null ? '—' : d.onTime ? t('result.onTime') : t(`result.${d.lateReason ?? 'late'}`);
  // The numerators it is in (the channel column already says which share); satisfaction's numerator is what is subtracted.
  const counts = FIGURE_KEYS.filter((k: FigureKey) => d.parts[k] === 'num' && k !== 'postalShare' && k !== 'inPersonShare').map((k) => FIGURE_GROUP[k].item);
  return [
    d.code,
    lang === 'vi' ? d.procedureNameVi : d.procedureNameEn,
    t(`channel.${d.channel}`),
    when(d.receivedAt),
    when(d.appointmentAt),
    when(d.legalDueAt),
    d.endKind ? `${t(`end.${d.endKind}`)} ${when(d.endAt)}` : '—',
    d.supplementRequests === 0 ? '—' : `${d.supplementRequests} × / ${tr(lang, 'index766.hours', { hours: Math.round(d.supplementMs / 3_600_000) })}`,
    d.complaint ? `${result} · ${t('complaint')}` : result,
    counts.join(' '),
  ];
}

const dossierHeader = (lang: Lang) => ['code', 'procedure', 'channel', 'received', 'appointment', 'legalDue', 'end', 'supplement', 'result', 'counts'].map((k) => tr(lang, `index766.col.${k}`));

export async function renderIndex766Xlsx({ index, officeName, lang }: Index766ReportInput): Promise<Buffer> {
  const t = (k: string, v?: Record<string, string | number>) => tr(lang, `index766.${k}`, v);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Kiosk';
  wb.created = new Date(index.generatedAt);
  const head = (ws: ExcelJS.Worksheet) => {
    ws.addRow([officeName]).font = { bold: true };
    ws.addRow([t('title')]).font = { bold: true, size: 13 };
    ws.addRow([t('range', { from: dateOf(index.from), to: dateOf(index.to) }), t('asOf', { time: when(index.asOf) })]);
    ws.addRow([]);
  };
  const summary = wb.addWorksheet(t('report.sheetSummary'));
  head(summary);
  [36, 70, 12, 12, 12].forEach((w, i) => (summary.getColumn(i + 1).width = w));
  summary.addRow(['scope', 'figure', 'numerator', 'denominator', 'percent'].map((k) => t(`report.${k}`))).font = { bold: true };
  for (const r of figureRows(index, lang)) summary.addRow(r);
  summary.addRow([]);
  for (const k of ['progress', 'satisfaction', 'payment', 'digitisation'] as const) summary.addRow([t(`notes.${k}`)]).font = { italic: true };

  const list = wb.addWorksheet(t('report.sheetDossiers'));
  head(list);
  [30, 40, 16, 18, 18, 18, 30, 16, 24, 30].forEach((w, i) => (list.getColumn(i + 1).width = w));
  list.addRow(dossierHeader(lang)).font = { bold: true };
  for (const d of index.dossiers) {
    const row = list.addRow(dossierRow(d, lang));
    if (d.onTime === false) row.font = { color: { argb: 'FFC62828' } };
  }
  list.addRow([]);
  list.addRow([t('countsHint')]).font = { italic: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderIndex766Pdf({ index, officeName, lang }: Index766ReportInput): Promise<Buffer> {
  const t = (k: string, v?: Record<string, string | number>) => tr(lang, `index766.${k}`, v);
  const doc = createDocument({ widthMm: 297, heightMm: 210, marginMm: 12, title: t('report.title'), lang });
  const f = Frame.page(doc);
  f.text(officeName.toUpperCase(), { size: 10, bold: true });
  f.text(t('report.title'), { size: 14, bold: true, align: 'center', gapMm: 1 });
  f.text(t('title'), { size: 10, align: 'center' });
  f.text(`${t('range', { from: dateOf(index.from), to: dateOf(index.to) })} · ${t('asOf', { time: when(index.asOf) })}`, { size: 9, align: 'center', gapMm: 1 });
  f.text(t('report.generated', { time: when(index.generatedAt) }), { size: 8, align: 'center', oblique: true, gapMm: 4 });

  const groups = ['progress', 'satisfaction', 'online', 'payment', 'digitisation'] as const;
  for (const g of groups) {
    f.ensure(30);
    const points = GROUP_POINTS[g];
    f.text(`${t(`groups.${g}`)} (${t('points', { points })})`, { size: 11, bold: true, gapMm: 1 });
    const keys = FIGURE_KEYS.filter((k) => FIGURE_GROUP[k].group === g);
    const scopes: [string, Index766['office']][] = [[t('office'), index.office], ...index.byField.map((x): [string, Index766['office']] => [lang === 'vi' ? x.fieldVi : x.fieldEn, x.figures]), ...index.byClerk.map((c): [string, Index766['office']] => [c.fullName ?? t('portal'), c.figures])];
    f.table(
      [{ header: t('report.scope'), share: 3, align: 'left' }, ...keys.map((k) => ({ header: `${FIGURE_GROUP[k].item} ${t(`figures.${k}`)}`, share: 2, align: 'right' as const }))],
      scopes.map(([name, fig]) => [name, ...keys.map((k) => `${pct(fig[k].percent, lang)} (${fig[k].numerator}/${fig[k].denominator})`)]),
      { size: 8, headerSize: 8, gapMm: 1 },
    );
    const note = g === 'online' ? null : t(`notes.${g}`);
    if (note) f.text(note, { size: 8, oblique: true, gapMm: 3 });
  }
  f.ensure(40);
  f.text(t('report.sheetDossiers'), { size: 11, bold: true, gapMm: 2 });
  if (index.dossiers.length === 0) f.text(t('noDossiers'), { size: 9 });
  else {
    f.table(
      dossierHeader(lang).map((h, i) => ({ header: h, share: [2.6, 3, 1.3, 1.5, 1.5, 1.5, 2.2, 1.3, 1.6, 1.6][i]!, align: 'left' as const })),
      index.dossiers.map((d) => dossierRow(d, lang)),
      { size: 7, headerSize: 7 },
    );
  }
  f.text(t('countsHint'), { size: 7, oblique: true });
  return toBuffer(doc);
}
