/**
 * The supervisor's exports: the Excel workbook (reportXlsx.ts) and the official
 * PDF report (reportPdf.ts), over the tables they share (reportTables.ts).
 */
export { renderFiguresXlsx } from './reportXlsx';
export { renderFiguresPdf } from './reportPdf';
export type { Lang } from './reportTables';
