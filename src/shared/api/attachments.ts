import { z } from 'zod';
import { dossierCodeParam } from './dossiers';
import { humanText } from './schemas';

/**
 * Digitised files of a dossier (issue 15): what the counter sends and what it gets back. Pages and
 * files travel as base64 inside JSON, so the body is validated by the same zod schema as every
 * other route and appears in the OpenAPI document; the cost is a third more bytes on the office LAN.
 */
export const ATTACHMENT_SOURCES = ['camera', 'scanner', 'file'] as const;
/** The largest JSON body the add route takes (base64 of up to ~45 MB of pages). */
export const ATTACHMENT_BODY_LIMIT = 64 * 1024 * 1024;

const base64 = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

export const attachmentTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('component'), position: z.number().int().min(1).max(50) }),
  z.object({ kind: z.literal('result') }),
]);
export type AttachmentTarget = z.output<typeof attachmentTarget>;

export const addAttachmentBody = z
  .object({
    target: attachmentTarget,
    source: z.enum(ATTACHMENT_SOURCES),
    /** Camera or scanner: the pages in order, each a JPEG or PNG (base64). */
    pages: z.array(base64).min(1, 'capture at least one page').max(200).optional(),
    /** A file the citizen brought (PDF, JPEG, PNG). */
    file: z.object({ name: humanText(200).pipe(z.string().min(1, 'must not be empty')), data: z.string() }).optional(),
    /** The file this one replaces (the old one is kept, marked replaced, and audited). */
    replaces: z.number().int().positive().optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.pages === undefined) === (b.file === undefined)) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'send either pages or a file' });
    if (b.file && b.source !== 'file') ctx.addIssue({ code: 'custom', path: ['source'], message: "a file's source is 'file'" });
  });
export type AddAttachmentBody = z.output<typeof addAttachmentBody>;

export const removeAttachmentBody = z.object({ reason: humanText(500).pipe(z.string().min(1, 'say why the file is removed')) });
export const attachmentParam = dossierCodeParam.extend({ id: z.coerce.number().int().positive() });

export const attachmentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['component', 'result']),
  position: z.number().int().nullable(),
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  source: z.enum(ATTACHMENT_SOURCES),
  createdAt: z.number().int(),
  clerkName: z.string().nullable(),
  removedAt: z.number().int().nullable(),
  replacedBy: z.number().int().nullable(),
  /** The district has the whole file (hash checked on arrival). */
  uploaded: z.boolean(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const digitisationSchema = z.object({
  digitised: z.boolean(),
  missingComponents: z.array(z.number().int()),
  resultMissing: z.boolean(),
  componentsWithFile: z.number().int(),
  componentsReceived: z.number().int(),
  resultExists: z.boolean(),
});
export type Digitisation = z.output<typeof digitisationSchema>;

export const attachmentListSchema = z.object({
  components: z.array(z.object({ position: z.number().int(), nameVi: z.string(), nameEn: z.string().nullable(), received: z.boolean(), attachmentId: z.number().int().nullable() })),
  /** Every file, removed and replaced ones too (newest first), so nothing vanishes from the clerk's view. */
  attachments: z.array(attachmentSchema),
  digitisation: digitisationSchema,
});
export type AttachmentList = z.output<typeof attachmentListSchema>;

/** One scanned page, already straightened to A4 at 150 dpi, for the clerk to accept or scan again. */
export const scannedPageSchema = z.object({ image: z.string(), width: z.number().int(), height: z.number().int() });

/**
 * The office's limits on one document (an /admin setting). The ceilings follow the add route:
 * its body takes at most 200 pages and ~48 MB once base64 is decoded, so a limit above them
 * could never be reached and would only mislead the admin.
 */
export const DIGITISING_MAX_FILE_BYTES_CEILING = 40 * 1024 * 1024;
export const digitisingLimitsSchema = z.object({
  maxFileBytes: z.number().int().min(1024 * 1024, 'at least 1 MB').max(DIGITISING_MAX_FILE_BYTES_CEILING, 'at most 40 MB'),
  maxPages: z.number().int().min(1, 'at least 1 page').max(200, 'at most 200 pages'),
});
export type DigitisingLimits = z.infer<typeof digitisingLimitsSchema>;
