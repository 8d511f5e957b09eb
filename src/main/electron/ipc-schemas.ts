/**
 * Argument schemas of the four bridge operations (src/shared/api/bridge.ts).
 * Pure, so the unit tests check what the main process accepts. The renderer
 * is not trusted: sizes are bounded, unknown keys are refused.
 */
import { z } from 'zod';
import { pinSchema } from '../../shared/api/schemas';
import { isValidPrinterName } from '../printing/names';

/** A ticket is a few kB, an A4 receipt with a QR code well under 1 MB. */
export const MAX_PDF_BYTES = 8 * 1024 * 1024;

const pdfBytes = z
  .instanceof(Uint8Array, { message: 'pdf must be a Uint8Array' })
  .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_PDF_BYTES, `pdf must be 1 byte to ${MAX_PDF_BYTES / 1024 / 1024} MB`)
  .refine((b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d, 'pdf must start with %PDF-');

export const printPdfArgs = z.tuple([
  z
    .object({
      pdf: pdfBytes,
      printer: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .refine(isValidPrinterName, 'printer name must not contain control characters')
        .optional(),
      copies: z.number().int().min(1).max(10).optional(),
    })
    .strict(),
]);

export const noArgs = z.tuple([]);

export const exitKioskArgs = z.tuple([pinSchema]);

/** WIA scan: resolution and intent only, from closed lists; defaults filled in here. Absent = defaults. */
const wiaOptions = z
  .object({ dpi: z.union([z.literal(150), z.literal(200), z.literal(300)]).default(150), mode: z.enum(['color', 'gray', 'text']).default('color') })
  .strict();
// The preload passes `options` as given, so a call without them arrives as [undefined].
export const wiaScanArgs = z.tuple([wiaOptions.optional()]).transform(([o]) => [o ?? wiaOptions.parse({})] as const);

/** Parses `args` (the invoke arguments after the event); returns null when they do not fit. */
export function parseArgs<T extends z.ZodType>(schema: T, args: unknown[]): z.infer<T> | null {
  const r = schema.safeParse(args);
  return r.success ? r.data : null;
}
