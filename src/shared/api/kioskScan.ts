import { z } from 'zod';
import { dossierStatusKeySchema, dueStatusSchema } from './dossiers';

/**
 * The citizen at the kiosk (issue 4): looking up a dossier from the receipt
 * (camera, wedge scanner or keypad), and the kiosk's own settings.
 * What each privacy level may carry is in src/shared/domain/kioskLookup.ts.
 */

export const LOOKUP_SOURCES = ['camera', 'wedge', 'keypad'] as const;

export const lookupProofSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone_last4'), value: z.string().max(10, 'must be at most 10 characters') }),
  z.object({ kind: z.literal('secret'), value: z.string().max(20, 'must be at most 20 characters') }),
]);

export const kioskLookupBody = z.object({
  /** The text the camera or the wedge scanner read (QR `MCK1:<code>:<secret>` or the Code 128's code), or the code typed on the keypad. */
  scanned: z.string().max(200, 'must be at most 200 characters'),
  via: z.enum(LOOKUP_SOURCES).default('keypad'),
  /** With a code alone: the last 4 digits of the applicant's phone or the receipt's secret, to see everything. */
  proof: lookupProofSchema.optional(),
});
export type KioskLookupBody = z.output<typeof kioskLookupBody>;

export const freshnessSchema = z.object({
  source: z.enum(['district', 'local']),
  /** When the district server last confirmed the hub's copy (epoch ms), or null if never. */
  confirmedAt: z.number().int().nullable(),
});

/** What anyone holding the code may see: status, due time and step. */
export const kioskDossierLimitedSchema = z.object({
  code: z.string(),
  status: z.number().int(),
  statusKey: dossierStatusKeySchema,
  dueAt: z.number().int().nullable(),
  dueStatus: dueStatusSchema.nullable(),
  paused: z.boolean(),
  stage: z.string().nullable(),
  department: z.string().nullable(),
  /** When the hub's copy last changed. */
  updatedAt: z.number().int(),
});

/** With the receipt's secret (its QR) or the phone's last 4 digits: everything the citizen needs, the name masked. */
export const kioskDossierFullSchema = kioskDossierLimitedSchema.extend({
  procedure: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  acceptedAt: z.number().int(),
  /** "Nguyễn V. A.": never the full name on a public screen. */
  applicantMasked: z.string(),
  remainingWorkingHours: z.number().nullable(),
  /** While a supplement is awaited (status 5): what is missing and why. */
  supplement: z.object({ requestedAt: z.number().int(), items: z.array(z.string()), reason: z.string() }).nullable(),
  /** A new appointment after a delay (the apology-and-new-date slip). */
  newAppointment: z.object({ at: z.number().int(), dueAt: z.number().int() }).nullable(),
  timeline: z.array(z.object({ at: z.number().int(), status: z.number().int(), statusKey: dossierStatusKeySchema, stage: z.string().nullable() })),
  collect: z.object({ delivery: z.enum(['counter', 'post']), officeName: z.string() }),
});

export const kioskLookupResponse = z.discriminatedUnion('level', [
  z.object({ level: z.literal('limited'), dossier: kioskDossierLimitedSchema, freshness: freshnessSchema, readAt: z.number().int() }),
  z.object({ level: z.literal('full'), dossier: kioskDossierFullSchema, freshness: freshnessSchema, readAt: z.number().int() }),
]);
export type KioskLookupResponse = z.infer<typeof kioskLookupResponse>;
export type KioskDossierFull = z.infer<typeof kioskDossierFullSchema>;
export type KioskDossierLimited = z.infer<typeof kioskDossierLimitedSchema>;

/** An office's own page of a procedure, opened on the citizen's phone from the kiosk's QR: http(s) only. */
const baseUrl = z
  .string()
  .trim()
  .max(300, 'must be at most 300 characters')
  .refine((s) => {
    if (s === '') return true;
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) address, or empty');

export const KIOSK_IDLE_DEFAULT_SECONDS = 60;
export const kioskSettingsSchema = z.object({
  /** Without a touch for this long, the kiosk goes back to its attract screen and forgets anything personal. */
  idleSeconds: z.number().int().min(15).max(600).default(KIOSK_IDLE_DEFAULT_SECONDS),
  /** Where the procedure's page lives; the QR on the procedure's detail opens `<base>/<procedure code>`. Empty: no QR. */
  procedureBaseUrl: baseUrl.default(''),
});
export type KioskSettings = z.output<typeof kioskSettingsSchema>;

/** The procedure's page for a phone: the base URL with the code appended as one path segment. */
export function procedurePageUrl(base: string, code: string): string | null {
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(code)}`;
}
