import { z } from 'zod';
import { STORED_PROCEDURE_LEVELS } from './catalogue';
import { CONTROL_CHARS, DOSSIER_STATUS_KEYS, normalisePhone, type DossierStatusKey } from '../domain';
import { humanText, printerNameSchema } from './schemas';

/**
 * Dossiers ("hồ sơ") registered at the counter: the registration body, the
 * status actions and the dossier as staff see it (issue 3). The CCCD / passport
 * check needs the office clock (a birth year in the future), so the hub does it
 * (INVALID_ID_NUMBER); the screen can call checkCccd itself for early feedback.
 */

/** A name or one-line label: humanText, and no tab or line break either. */
const oneLine = (max: number) => humanText(max).refine((s) => !/[\t\n\r\u2028\u2029]/.test(s), 'must be on one line');

/** Free text that may span lines (notes, reasons): NFC, trimmed, no control characters other than tab and line breaks; may be empty. */
const multiLine = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters'),
    );
const requiredMultiLine = (max: number) => multiLine(max).pipe(z.string().min(1, 'must not be empty'));

export const ID_TYPES = ['cccd', 'passport'] as const;
export const RESULT_DELIVERIES = ['counter', 'post'] as const;
export const DOSSIER_PROCESSING_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;

/** CCCD: 12 digits; passport: 6–12 letters and digits. Spaces are dropped and letters upper-cased; the hub checks the rest. */
const idNumber = z
  .string()
  .max(40, 'must be at most 40 characters')
  .transform((s) => s.replace(/[\s.-]/g, '').toUpperCase())
  .pipe(z.string().min(1, 'must not be empty').max(12, 'must be at most 12 characters').regex(/^[0-9A-Z]+$/, 'must contain only letters and digits'));

const phone = z
  .string()
  .max(30, 'must be at most 30 characters')
  .transform((s, ctx) => {
    const p = normalisePhone(s);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a Vietnamese phone number: 0 or +84, then 9 digits' });
      return z.NEVER;
    }
    return p;
  });

const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'must be an email address')
  .transform((s) => (s === '' ? null : s))
  .nullish();

export const idTypeSchema = z.enum(ID_TYPES);
export const personIdSchema = z.object({ fullName: oneLine(120), idType: idTypeSchema, idNumber });

export const applicantSchema = personIdSchema.extend({
  phone,
  email,
  address: oneLine(300),
});
export type ApplicantInput = z.input<typeof applicantSchema>;

const docCount = z.number().int().min(0).max(20);
export const dossierDocumentInput = z.object({
  nameVi: oneLine(500),
  nameEn: oneLine(500).nullish(),
  originals: docCount,
  certifiedCopies: docCount,
  photocopies: docCount,
  received: z.boolean(),
});

/** Fees up to a trillion đồng: far above any procedure, below any float trouble. */
export const MAX_FEE_VND = 1_000_000_000_000;

export const registerDossierBody = z
  .object({
    procedureCode: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
    /** The ticket being served at the clerk's counter, when the citizen came with one. */
    ticketId: z.number().int().positive().nullish(),
    applicant: applicantSchema,
    /** The owner ("chủ hồ sơ") when not the applicant. */
    owner: personIdSchema.nullish(),
    documents: z.array(dossierDocumentInput).max(50, 'at most 50 documents'),
    sets: z.number().int().min(1).max(20),
    feeCollected: z.number().int().min(0).max(MAX_FEE_VND),
    resultDelivery: z.enum(RESULT_DELIVERIES),
    postalAddress: oneLine(300).nullish(),
    notes: multiLine(2000).default(''),
    /** How it arrived: 1 in person (default) or 3 public postal service; online dossiers (2) come from the portal through the district. */
    channel: z.literal([1, 3], { error: 'must be 1 (in person) or 3 (public postal service); an online dossier (2) comes from the portal through the district' }).default(1),
  })
  .superRefine((b, ctx) => {
    if (b.resultDelivery === 'post' && !b.postalAddress) {
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'is required when the result is sent by post' });
    }
  });
export type RegisterDossierBody = z.output<typeof registerDossierBody>;

export const dossierCodeParam = z.object({ code: z.string().trim().toUpperCase().min(1).max(60) });
export const dossierListQuery = z.object({
  /** A dossier code (or part of it), or part of the applicant's name: case, diacritics and đ do not matter. */
  q: z.string().max(120, 'must be at most 120 characters').default(''),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DossierListQuery = z.output<typeof dossierListQuery>;

/** Without `paper`, the office's setting (admin → office). */
export const receiptPdfQuery = z.object({ paper: z.enum(['A4_landscape', 'A5']).optional() });

/** The documents a dossier prints: the receipt, and the supplement-request, refusal and apology-and-new-date slips. */
export const DOSSIER_DOCUMENT_KINDS = ['receipt', 'supplement', 'refusal', 'apology'] as const;
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENT_KINDS)[number];
export const dossierSlipParam = dossierCodeParam.extend({ kind: z.enum(['supplement', 'refusal', 'apology']) });
export const printDossierBody = z.object({
  document: z.enum(DOSSIER_DOCUMENT_KINDS),
  printer: printerNameSchema.optional(),
  paper: z.enum(['A4_landscape', 'A5']).optional(),
  copies: z.number().int().min(1).max(5).default(1),
});
/** A late dossier: why, and the new appointment (epoch ms). */
export const apologyBody = z.object({ reason: requiredMultiLine(2000), newDueAt: z.number().int().positive() });

export const refuseDossierBody = z.object({ reason: requiredMultiLine(2000) });
/** The applicant's request to withdraw (Decree 118 Điều 21): why, in their words. */
export const withdrawDossierBody = z.object({ reason: requiredMultiLine(2000) });
/** 1 in person, 2 online, 3 public postal service (the national data codes, docs/legal.md §4). */
export const channelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const supplementRequestBody = z.object({
  items: z.array(oneLine(500)).min(1, 'name at least one missing item').max(30, 'at most 30 items'),
  reason: requiredMultiLine(2000),
});
export const dossierNoteBody = z.object({ note: multiLine(2000).optional() });
export const handBackBody = z.object({
  /** The text of the receipt's Code 128 (the dossier code) or QR (MCK1:code:secret). */
  scanned: z.string().max(200, 'must be at most 200 characters'),
});

// ---- answers ---------------------------------------------------------------

export const dossierStatusKeySchema = z.enum(DOSSIER_STATUS_KEYS as [DossierStatusKey, ...DossierStatusKey[]]);
export const dueStatusSchema = z.enum(['overdue', 'nearly_due', 'on_time']);

export const dossierEventSchema = z.object({
  at: z.number().int(),
  actor: z.object({ kind: z.enum(['clerk', 'district']), clerkId: z.number().int().nullable(), name: z.string().nullable() }),
  fromStatus: z.number().int().nullable(),
  toStatus: z.number().int(),
  stage: z.string().nullable(),
  note: z.string().nullable(),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;

export const dossierDocumentSchema = z.object({
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  originals: z.number().int(),
  certifiedCopies: z.number().int(),
  photocopies: z.number().int(),
  received: z.boolean(),
});

const personSchema = z.object({ fullName: z.string(), idType: idTypeSchema, idNumber: z.string() });

export const dossierSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  status: z.number().int(),
  statusKey: dossierStatusKeySchema,
  procedure: z.object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    processingValue: z.number().int(),
    processingUnit: z.enum(DOSSIER_PROCESSING_UNITS),
    /** The level and catalogue version it was received under, for good ('district' before 1 July 2025); null = before versions were kept. */
    level: z.enum(STORED_PROCEDURE_LEVELS).nullable().optional(),
    version: z.number().int().nullable().optional(),
  }),
  applicantName: z.string(),
  acceptedAt: z.number().int(),
  channel: channelSchema,
  /** Null while the clock is paused (a supplement is awaited). */
  dueAt: z.number().int().nullable(),
  /** Computed on every read from dueAt and the clock; null when no due applies (refused, withdrawn, stopped) or while paused. */
  dueStatus: dueStatusSchema.nullable(),
  paused: z.boolean(),
  /** Working hours left on the clock (negative: hours late); null once the dossier no longer runs against its due. */
  remainingWorkingHours: z.number().nullable(),
  stage: z.string().nullable(),
  department: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const dossierSchema = dossierSummarySchema.extend({
  secret: z.string(),
  applicant: personSchema.extend({ phone: z.string(), email: z.string().nullable(), address: z.string() }),
  owner: personSchema.nullable(),
  documents: z.array(dossierDocumentSchema),
  sets: z.number().int(),
  feeCollected: z.number().int(),
  /** Whether the fee was paid, as the district reports it (null: not said — "chờ xác nhận"; cash at the counter is in feeCollected). */
  paymentStatus: z.enum(['unpaid', 'paid']).nullable(),
  resultDelivery: z.enum(RESULT_DELIVERIES),
  postalAddress: z.string().nullable(),
  notes: z.string(),
  /** The open supplement request, while status is supplement_requested. */
  supplement: z.object({ requestedAt: z.number().int(), items: z.array(z.string()), reason: z.string() }).nullable(),
  clerk: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  counterId: z.number().int().nullable(),
  ticketNumber: z.string().nullable(),
  /** Register book reference ("quyển / số"): the book is the year, the number its yearly sequence. */
  registerBook: z.object({ book: z.number().int(), number: z.number().int() }),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  events: z.array(dossierEventSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const dossierListResponse = z.object({ items: z.array(dossierSummarySchema) });
