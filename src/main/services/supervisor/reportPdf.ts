import type { Figures } from '../../../shared/api';
import { officeDayOf } from '../../../shared/domain';
import { createDocument, Frame, mm, toBuffer, type Doc } from '../documents/layout';
import { placeOf } from '../dossierSlips';
import { minutesOf, reportTables, translator, type Cell, type Lang, type ReportTable } from './reportTables';
import { dateOf, whenText } from './reportText';

/**
 * The figures as an official report (A4 landscape, pdfkit through the layout
 * module, Be Vietnam Pro embedded): the office and the national heading, the
 * place and date, the title and the period; the tables, each saying whether
 * it is of the period or as of the moment the report was drawn up; the
 * signature blocks of the preparer and the head of office; "Trang 1/3" on
 * every page.
 */
const MARGIN_MM = 12;

function cellText(c: Cell, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const num = (v: number, digits: number) => v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return num(c, 0);
  switch (c.kind) {
    case 'minutes': {
      const v = minutesOf(c.seconds);
      return v === null ? '—' : num(v, 1);
    }
    case 'pct':
      return c.value === null ? '—' : `${num(c.value, 1)} %`;
    case 'score':
      return c.value === null ? '—' : num(c.value, 2);
    case 'time':
      return whenText(c.ms);
  }
}

/** "Trang 1/3" centred in the bottom margin of every page, once all pages exist. */
function pageNumbers(doc: Doc, text: (page: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const m = doc.page.margins;
    const bottom = m.bottom;
    // pdfkit opens a new page for text below the bottom margin: lift the margin while writing in it.
    m.bottom = 0;
    doc.fontSize(8).text(text(i - range.start + 1, range.count), m.left, doc.page.height - mm(MARGIN_MM) / 2 - 4, { width: doc.page.width - m.left - m.right, align: 'center', lineBreak: false });
    m.bottom = bottom;
  }
}

export async function renderFiguresPdf({ figures, officeName, lang }: { figures: Figures; officeName: string; lang: Lang }): Promise<Buffer> {
  const t = translator(lang);
  const tb = reportTables(figures, lang);
  const doc = createDocument({ widthMm: 297, heightMm: 210, marginMm: MARGIN_MM, title: t('supervisor.report.title'), lang });
  const f = Frame.page(doc);

  const [y, m, d] = officeDayOf(figures.generatedAt).split('-');
  f.columns(
    [
      { share: 1, lines: [{ text: officeName.toUpperCase(), size: 10, bold: true, ruleAfter: true }] },
      {
        share: 1.2,
        lines: [
          { text: t('supervisor.report.nation'), size: 10, bold: true },
          { text: t('supervisor.report.motto'), size: 10.5, bold: true, ruleAfter: true },
          { text: t('supervisor.report.placeDate', { place: placeOf(officeName), d, m, y }), size: 9.5, oblique: true },
        ],
      },
    ],
    5,
  );
  f.text(t('supervisor.report.title'), { size: 14, bold: true, align: 'center', gapMm: 1 });
  f.text(t('supervisor.report.periodLine', { from: dateOf(figures.from), to: dateOf(figures.to) }), { size: 10.5, bold: true, align: 'center', gapMm: 1 });
  f.text(t('supervisor.report.asOf', { time: whenText(figures.generatedAt) }), { size: 8.5, align: 'center', oblique: true, gapMm: 4 });

  const table = (x: ReportTable, opts: { red?: boolean; shares?: number[] } = {}) => {
    const rows = x.rows.length ? x.rows.map((r) => r.map((c) => cellText(c, lang))) : [[t('supervisor.none'), ...x.header.slice(1).map(() => '')]];
    if (opts.red) doc.fillColor('#c62828');
    f.table(
      x.header.map((h, i) => ({ header: h, share: opts.shares?.[i] ?? (i === 0 ? 3 : 1), align: opts.shares || i === 0 ? ('left' as const) : ('right' as const) })),
      rows,
      { size: 8, headerSize: 8, gapMm: 4 },
    );
    doc.fillColor('black');
  };
  const section = (title: string, list: ReportTable[]) => {
    // A heading is never left alone at the foot of a page: it goes over with its table's first rows.
    f.ensure(mm(45));
    f.text(title, { size: 11, bold: true, gapMm: 2 });
    for (const x of list) {
      f.ensure(mm(35));
      f.text(x.title, { size: 9, bold: true, gapMm: 1 });
      table(x);
    }
  };
  section(t('supervisor.report.tickets'), tb.tickets);
  section(t('supervisor.report.dossiers'), tb.dossiers);
  section(t('supervisor.report.ratings'), tb.ratings);
  f.ensure(mm(35));
  f.text(t('supervisor.report.overdue', { time: whenText(figures.generatedAt) }), { size: 11, bold: true, gapMm: 2 });
  if (tb.overdue.rows.length === 0) f.text(t('supervisor.tables.overdueEmpty'), { size: 9, gapMm: 4 });
  else table(tb.overdue, { red: true, shares: [2.2, 2.8, 1.5, 1.6, 1.4, 1.4, 2.4] });

  f.gap(4);
  f.signatures(
    [
      { title: t('supervisor.report.preparer'), note: t('supervisor.report.preparerNote'), name: '' },
      { title: t('supervisor.report.head'), note: t('supervisor.report.headNote'), name: '' },
    ],
    { size: 10, signRoomMm: 22 },
  );
  pageNumbers(doc, (page, pages) => t('supervisor.report.page', { page, pages }));
  return toBuffer(doc);
}
