import { z } from 'zod';
import { storedProcedureSchema } from './catalogue';

/**
 * Importing the catalogue a province publishes (issue 12 §2): the file is sent
 * as the raw body (xlsx or csv) and answered with a preview that changes
 * nothing; the preview is then applied by its id and hash, and refused if the
 * catalogue changed in between.
 */
export const CATALOGUE_IMPORT_MAX_BYTES = 15 * 1024 * 1024;
/** Rows after the header; a province's whole list is a few thousand. */
export const CATALOGUE_IMPORT_MAX_ROWS = 20_000;
/** A preview waits this long to be applied; the hub keeps only the latest few. */
export const CATALOGUE_PREVIEW_TTL_MS = 30 * 60 * 1000;

export const catalogueImportQuery = z.object({
  /** The file's name, for the preview and the audit log (the format is read from the bytes). */
  fileName: z.string().trim().max(200).default('catalogue'),
});

/** Raw bytes of the uploaded file (application/octet-stream). */
export const catalogueFileBody = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'the file, sent as the raw body (application/octet-stream)');
export const catalogueApplyBody = z.object({ previewId: z.string().min(1).max(64), hash: z.string().regex(/^[0-9a-f]{64}$/, 'the preview hash') });
export const catalogueImportBody = z.union([catalogueFileBody, catalogueApplyBody]);
export type CatalogueApplyBody = z.infer<typeof catalogueApplyBody>;

export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  /** Translation key under catalogue.rules, with its values; absent where only the English reason exists. */
  rule: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export const fieldChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
export const previewChangeSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  /** The row of the file (added, changed), null for a removed procedure. */
  row: z.number().int().nullable(),
  changes: z.array(fieldChangeSchema),
});

export const cataloguePreviewSchema = z.object({
  kind: z.literal('preview'),
  /** Null when the file has bad rows: nothing can be applied until they are fixed. */
  previewId: z.string().nullable(),
  hash: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  /** Which column of the file each field came from (header as written). */
  columns: z.record(z.string(), z.string()),
  ignoredColumns: z.array(z.string()),
  added: z.array(previewChangeSchema),
  changed: z.array(previewChangeSchema),
  removed: z.array(previewChangeSchema),
  unchanged: z.number().int(),
  errors: z.array(rowErrorSchema),
  /** Error rows beyond this list are counted, not listed. */
  errorCount: z.number().int(),
  expiresAt: z.number().int(),
});
export type CataloguePreview = z.infer<typeof cataloguePreviewSchema>;

export const catalogueAppliedSchema = z.object({ kind: z.literal('applied'), added: z.number().int(), changed: z.number().int(), removed: z.number().int(), appliedAt: z.number().int() });
export type CatalogueApplied = z.infer<typeof catalogueAppliedSchema>;
export const catalogueImportResponse = z.union([cataloguePreviewSchema, catalogueAppliedSchema]);

export const procedureVersionSchema = z.object({
  version: z.number().int(),
  source: z.enum(['seed', 'import', 'district', 'migration']),
  validFrom: z.number().int(),
  procedure: storedProcedureSchema,
});
export type ProcedureVersion = z.infer<typeof procedureVersionSchema>;

export const agencyCodePeriodSchema = z.object({ code: z.string(), validFrom: z.string(), validTo: z.string().nullable() });
