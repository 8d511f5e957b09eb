import { z } from 'zod';
import { daysInclusive, RATING_CRITERIA_KEYS, RATING_LEVELS } from '../domain';
import { calendarDateSchema } from './calendar';

/**
 * The supervisor's contract (issue 6): daily figures over a date range, the
 * overdue list, alerts and their thresholds, and the citizen's rating.
 * Durations are in seconds; instants in epoch ms.
 */
export const MAX_RANGE_DAYS = 366;

export const figuresQuery = z
  .object({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((q) => daysInclusive(q.from, q.to) >= 1, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daysInclusive(q.from, q.to) <= MAX_RANGE_DAYS, { message: `the range is at most ${MAX_RANGE_DAYS} days`, path: ['to'] });
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const reportQuery = z
  .object({ from: calendarDateSchema, to: calendarDateSchema, lang: z.enum(['vi', 'en']).default('vi') })
  .refine((q) => daysInclusive(q.from, q.to) >= 1, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daysInclusive(q.from, q.to) <= MAX_RANGE_DAYS, { message: `the range is at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

const durations = z.object({ n: z.number().int(), mean: z.number().nullable(), p90: z.number().nullable() });
export type Durations = z.infer<typeof durations>;

const ticketFigures = {
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transfers: z.number().int(),
  wait: durations,
  service: durations,
};
const dossierFigures = {
  received: z.number().int(),
  handedBack: z.number().int(),
  handedBackOnTime: z.number().int(),
  handedBackLate: z.number().int(),
  /** Open dossiers now (their clock runs or waits for a supplement), by due status. */
  openOnTime: z.number().int(),
  openNearlyDue: z.number().int(),
  openOverdue: z.number().int(),
};
const ratingCounts = {
  total: z.number().int(),
  verySatisfied: z.number().int(),
  satisfied: z.number().int(),
  unsatisfied: z.number().int(),
  /** Very satisfied + satisfied, in percent; null with no ratings. */
  satisfactionPct: z.number().nullable(),
};

export const overdueDossierSchema = z.object({
  code: z.string(),
  procedureNameVi: z.string(),
  procedureNameEn: z.string(),
  fieldVi: z.string(),
  fieldEn: z.string(),
  clerkName: z.string().nullable(),
  acceptedAt: z.number(),
  dueAt: z.number(),
  /** now − due, ms: the list is sorted by this, latest first. */
  lateMs: z.number(),
  /** Working hours past due on the office calendar: what "Trễ 2 ngày 3 giờ làm việc" is made of (domain lateness.ts). */
  lateWorkingHours: z.number(),
});
export type OverdueDossier = z.infer<typeof overdueDossierSchema>;

export const figuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.number(),
  tickets: z.object(ticketFigures),
  byService: z.array(z.object({ serviceId: z.number().int(), nameVi: z.string(), nameEn: z.string(), ...ticketFigures })),
  byCounter: z.array(z.object({ counterId: z.number().int(), number: z.number().int(), name: z.string(), ...ticketFigures, called: z.number().int() })),
  byClerk: z.array(z.object({ clerkId: z.number().int(), fullName: z.string(), ...ticketFigures, called: z.number().int(), idleSeconds: z.number(), activeSeconds: z.number() })),
  byDay: z.array(z.object({ day: z.string(), issued: z.number().int(), served: z.number().int(), noShows: z.number().int() })),
  dossiers: z.object(dossierFigures),
  dossiersByField: z.array(z.object({ fieldVi: z.string(), fieldEn: z.string(), ...dossierFigures })),
  dossiersByClerk: z.array(z.object({ clerkId: z.number().int().nullable(), fullName: z.string(), ...dossierFigures })),
  ratings: z.object({ ...ratingCounts, criteria: z.array(z.object({ key: z.string(), n: z.number().int(), mean: z.number().nullable() })) }),
  ratingsByClerk: z.array(z.object({ clerkId: z.number().int().nullable(), fullName: z.string(), ...ratingCounts })),
  ratingsByQuarter: z.array(z.object({ quarter: z.string(), ...ratingCounts })),
  overdue: z.array(overdueDossierSchema),
});
export type Figures = z.infer<typeof figuresSchema>;

// ---- alerts ----------------------------------------------------------------------

export const supervisorSettingsSchema = z.object({
  /** Alert when more than this many citizens wait in one service. */
  maxWaitingPerService: z.number().int().min(1).max(500),
  /** Alert when the longest wait in a service passes this many minutes. */
  maxWaitMinutes: z.number().int().min(1).max(600),
  /** Alert when at least one open dossier falls due today. */
  alertDueToday: z.boolean(),
  /** The legal criteria (2/1/0) after the quick scale on the rating screen. */
  ratingCriteria: z.boolean(),
  /** The rating screen goes back to its welcome after this many idle seconds. */
  ratingIdleSeconds: z.number().int().min(5).max(300),
  /** An open dossier is nearly due (amber) while at most this many working hours are left (one working day = 8). */
  nearlyDueWorkingHours: z.number().int().min(1).max(40),
});
export type SupervisorSettings = z.infer<typeof supervisorSettingsSchema>;
/** What a PUT sends: the same, except that a client that predates a setting may leave it out (it keeps its value). */
export const supervisorSettingsBody = supervisorSettingsSchema.partial({ nearlyDueWorkingHours: true });
export type SupervisorSettingsBody = z.infer<typeof supervisorSettingsBody>;

export const alertSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('too_many_waiting'), serviceId: z.number().int(), serviceNameVi: z.string(), serviceNameEn: z.string(), waiting: z.number().int(), threshold: z.number().int() }),
  z.object({
    kind: z.literal('long_wait'),
    serviceId: z.number().int(),
    serviceNameVi: z.string(),
    serviceNameEn: z.string(),
    ticketNumber: z.string(),
    minutes: z.number().int(),
    threshold: z.number().int(),
  }),
  z.object({ kind: z.literal('due_today'), count: z.number().int(), codes: z.array(z.string()) }),
  /** Open dossiers past due now (always on: an overdue dossier always needs someone to act). */
  z.object({ kind: z.literal('overdue'), count: z.number().int(), codes: z.array(z.string()) }),
  /** A kiosk's thermal printer reports its roll nearly out (src/main/services/kioskPrinter.ts). */
  z.object({ kind: z.literal('printer_paper_low'), deviceId: z.number().int(), deviceName: z.string() }),
]);
export type Alert = z.infer<typeof alertSchema>;
export const alertsSchema = z.object({ at: z.number(), alerts: z.array(alertSchema) });
export type AlertsState = z.infer<typeof alertsSchema>;

// ---- the citizen's rating --------------------------------------------------------------

export const ratingLevelSchema = z.enum(RATING_LEVELS);
const criterionScore = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const ratingPromptQuery = z.object({ counterId: z.coerce.number().int().positive() });
export const ratingPromptSchema = z.object({
  prompt: z
    .object({
      /** `t:<ticket id>` or `d:<dossier code>`: what the rating is about; sent back with the rating. */
      key: z.string(),
      kind: z.enum(['ticket', 'dossier']),
      ticketNumber: z.string().nullable(),
      counterNumber: z.number().int(),
      at: z.number(),
    })
    .nullable(),
  /** The counter this screen stands at (shown on the welcome). */
  counterNumber: z.number().int(),
  criteria: z.boolean(),
  idleSeconds: z.number().int(),
});
export type RatingPrompt = z.infer<typeof ratingPromptSchema>;

export const ratingBody = z
  .object({
    counterId: z.number().int().positive(),
    key: z.string().min(3).max(80),
    level: ratingLevelSchema,
    criteria: z
      .record(z.string(), criterionScore)
      .refine((c) => Object.keys(c).every((k) => RATING_CRITERIA_KEYS.includes(k)), 'unknown criterion')
      .refine((c) => RATING_CRITERIA_KEYS.every((k) => k in c), 'every criterion needs a score')
      .nullable()
      .optional(),
  })
  .strict();
export type RatingBody = z.infer<typeof ratingBody>;

/** The rating as it is stored and as the outbox sends it to the district (the sync seam). */
export const ratingRecordSchema = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  clerkId: z.number().int().nullable(),
  counterId: z.number().int().nullable(),
  level: ratingLevelSchema,
  criteria: z.record(z.string(), criterionScore).nullable(),
  createdAt: z.number(),
});
export type RatingRecord = z.infer<typeof ratingRecordSchema>;
