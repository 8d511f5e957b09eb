import { z } from 'zod';
import { FIGURE_KEYS, type FigureKey } from '../domain/index766';
import { figuresQuery, reportQuery } from './supervisor';

/**
 * The 766 index tab (issue 12 §4): the figures over a period for the office,
 * per field and per receiving clerk, and every dossier's part in each figure,
 * so any figure can be traced to the dossiers behind it.
 */
export const index766Query = figuresQuery;
export const index766ReportQuery = reportQuery;

const figure = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable() });
const figures = z.object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, figure])) as Record<FigureKey, typeof figure>);
const part = z.enum(['num', 'den']).nullable();

export const index766DossierSchema = z.object({
  code: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  fieldVi: z.string(),
  fieldEn: z.string(),
  clerkId: z.number().int().nullable(),
  clerkName: z.string().nullable(),
  channel: z.enum(['in_person', 'online', 'postal']),
  receivedAt: z.number().int(),
  /** The appointment 766 compares with: the receipt's due, or the extension granted. */
  appointmentAt: z.number().int(),
  /** Decree 118's due: the whole time limit again from the supplement's arrival (null without one). */
  legalDueAt: z.number().int().nullable(),
  endAt: z.number().int().nullable(),
  endKind: z.enum(['done', 'returned', 'refused', 'stopped', 'withdrawn', 'open']).nullable(),
  supplementRequests: z.number().int(),
  supplementMs: z.number().int(),
  onTime: z.boolean().nullable(),
  lateReason: z.enum(['second_supplement', 'after_appointment']).nullable(),
  complaint: z.boolean(),
  parts: z.object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, part])) as Record<FigureKey, typeof part>),
});
export type Index766Dossier = z.infer<typeof index766DossierSchema>;

export const index766Schema = z.object({
  from: z.string(),
  to: z.string(),
  /** The moment open dossiers are counted to: the period's end, or now while it runs. */
  asOf: z.number().int(),
  generatedAt: z.number().int(),
  /** False while MotCua stores no attachments: digitisation is 0 and the screen says why. */
  attachmentsStored: z.boolean(),
  office: figures,
  byField: z.array(z.object({ key: z.string(), fieldVi: z.string(), fieldEn: z.string(), figures })),
  byClerk: z.array(z.object({ key: z.string(), clerkId: z.number().int().nullable(), fullName: z.string().nullable(), figures })),
  dossiers: z.array(index766DossierSchema),
});
export type Index766 = z.infer<typeof index766Schema>;

const ADMIN = ['admin'] as const;
export const index766Routes = {
  index766: { method: 'GET', path: '/supervisor/index-766', roles: ADMIN, summary: 'The 766 index over office days from–to: progress, satisfaction, channels, online payment, digitisation; per field, per clerk, per dossier', query: index766Query, response: index766Schema },
  index766Xlsx: {
    method: 'GET',
    path: '/supervisor/index-766.xlsx',
    roles: ADMIN,
    summary: 'The 766 index as an Excel workbook (figures, and every dossier with its part in each)',
    query: index766ReportQuery,
    response: z.unknown(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  index766Pdf: { method: 'GET', path: '/supervisor/index-766.pdf', roles: ADMIN, summary: 'The 766 index as a printable PDF report', query: index766ReportQuery, response: z.unknown(), contentType: 'application/pdf' },
} as const;
