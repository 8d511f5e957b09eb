import { z } from 'zod';

/**
 * The procedure catalogue ("thủ tục hành chính"): one procedure as the seed
 * file (assets/catalogue/procedures.json) and the district sync carry it, and
 * the list, detail and field answers of the hub.
 */
/** Since 1 July 2025 local government has two tiers (Law 72/2025/QH15): a procedure is the province's or the commune's. */
export const PROCEDURE_LEVELS = ['province', 'commune'] as const;
/** What a stored procedure or dossier may still carry: 'district' from before the reform, shown as a read-only label. */
export const STORED_PROCEDURE_LEVELS = ['province', 'commune', 'district'] as const;
export type StoredProcedureLevel = (typeof STORED_PROCEDURE_LEVELS)[number];
export const PROCESSING_UNITS = ['working_days', 'calendar_days'] as const;
export const RESULT_METHODS = ['counter', 'post', 'online'] as const;
/** Working hours in one working day: processing time is held in working hours (issue 3). */
export const HOURS_PER_WORKING_DAY = 8;

const isNfc = (s: string) => s === s.normalize('NFC');
const text = (max: number) => z.string().min(1).max(max).refine(isNfc, 'must be Unicode NFC');
const count = z.number().int().min(0).max(20);

/** A national procedure code as published on the national public service portal, e.g. 1.001193. */
export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;
/** A stable local code where the national one is not known, e.g. DP-HT-001. */
export const LOCAL_CODE_PATTERN = /^DP-[A-Z]{2,4}-\d{3}$/;

export const procedureDocumentSchema = z.object({
  nameVi: text(500),
  nameEn: text(500),
  originals: count,
  certifiedCopies: count,
  photocopies: count,
});
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;

const procedureObject = z.object({
    code: z.string().refine((c) => NATIONAL_CODE_PATTERN.test(c) || LOCAL_CODE_PATTERN.test(c), 'a national code like 1.001193 or a local code like DP-HT-001'),
    nationalCode: z.string().regex(NATIONAL_CODE_PATTERN).nullable(),
    nameVi: text(400),
    nameEn: text(400),
    fieldVi: text(100),
    fieldEn: text(100),
    level: z.enum(PROCEDURE_LEVELS),
    /** "Cơ quan thực hiện" as the province publishes it; null where not given. */
    implementingAgency: text(500).nullable().default(null),
    processing: z.object({
      /** 0 = the same day. */
      value: z.number().int().min(0).max(365),
      unit: z.enum(PROCESSING_UNITS),
      noteVi: text(500).nullable(),
      noteEn: text(500).nullable(),
    }),
    fee: z.object({
      /** VND; 0 = free; null = set locally (provincial People's Council) or depends on the case. */
      amount: z.number().int().min(0).nullable(),
      textVi: text(500),
      textEn: text(500),
    }),
    documents: z.array(procedureDocumentSchema).max(50),
    steps: z.array(z.object({ vi: text(500), en: text(500) })).min(1).max(30),
    legalBasis: z.array(text(500)).min(1).max(30),
    resultMethods: z.array(z.enum(RESULT_METHODS)).min(1),
});
const sameCode = (p: { code: string; nationalCode: string | null }) => p.nationalCode === null || p.nationalCode === p.code;
export const procedureSchema = procedureObject.refine(sameCode, { message: 'a procedure with a national code uses it as its code', path: ['nationalCode'] });
export type Procedure = z.infer<typeof procedureSchema>;
/** A procedure as the store may hold it: a version from before 1 July 2025 keeps its district level. */
export const storedProcedureSchema = procedureObject.extend({ level: z.enum(STORED_PROCEDURE_LEVELS) }).refine(sameCode, { message: 'a procedure with a national code uses it as its code', path: ['nationalCode'] });
export type StoredProcedure = z.infer<typeof storedProcedureSchema>;

export const catalogueFileSchema = z.object({ version: z.literal(1), source: z.string(), procedures: z.array(procedureSchema) });

/** Processing time in working hours (8 per day); calendar days are held the same way and counted by their unit. */
export const processingHours = (p: Pick<Procedure['processing'], 'value'>) => p.value * HOURS_PER_WORKING_DAY;

export const procedureListItemSchema = z.object({
  code: z.string(),
  nationalCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  fieldVi: z.string(),
  fieldEn: z.string(),
  level: z.enum(STORED_PROCEDURE_LEVELS),
  processing: z.object({ value: z.number().int(), unit: z.enum(PROCESSING_UNITS), hours: z.number().int(), noteVi: z.string().nullable(), noteEn: z.string().nullable() }),
  fee: z.object({ amount: z.number().int().nullable(), textVi: z.string(), textEn: z.string() }),
});
export type ProcedureListItem = z.infer<typeof procedureListItemSchema>;

export const procedureDetailSchema = procedureListItemSchema.extend({
  documents: z.array(procedureDocumentSchema),
  steps: z.array(z.object({ vi: z.string(), en: z.string() })),
  legalBasis: z.array(z.string()),
  resultMethods: z.array(z.enum(RESULT_METHODS)),
  implementingAgency: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.number().int(),
  /** The catalogue version now in force (a dossier keeps the one it was received under). */
  version: z.number().int(),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

export const PROCEDURE_LIMIT_MAX = 100;
export const procedureSearchQuery = z.object({
  /** Free text, typed a keystroke at a time: names, codes and fields; case, diacritics and đ do not matter. */
  q: z.string().max(200, 'must be at most 200 characters').default(''),
  /** A field's Vietnamese name, as /procedure-fields lists it. */
  field: z.string().max(100, 'must be at most 100 characters').optional(),
  limit: z.coerce.number().int().min(1).max(PROCEDURE_LIMIT_MAX).default(20),
});
export type ProcedureSearchQuery = z.infer<typeof procedureSearchQuery>;
export const procedureListResponse = z.object({ items: z.array(procedureListItemSchema) });

export const procedureCodeParam = z.object({ code: z.string().trim().min(1).max(40) });
export const procedureFieldSchema = z.object({ fieldVi: z.string(), fieldEn: z.string(), count: z.number().int() });
export type ProcedureField = z.infer<typeof procedureFieldSchema>;
