import { z } from 'zod';
import { CONTROL_CHARS, DOSSIER_FORMS } from '../domain';
import { dossierCodeParam } from './dossiers';

/**
 * The forms of Thông tư 03/2025/TT-VPCP (issue 12): the header every form
 * prints, the office's fee account (VietQR), the stop (status 8) and the
 * tracking book's period. Routes in formsRoutes.ts.
 */

/** One line of a form header: NFC, trimmed, no control characters; may be empty (the form then prints dots). */
const headerLine = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`).refine((s) => !CONTROL_CHARS.test(s) && !/[\n\r]/.test(s), 'must be one line without control characters'));

/** The left block of every form: parent agency over agency; the place before the date ("Ba Đình, ngày …"). */
export const formHeaderSchema = z.object({
  parentAgency: headerLine(200),
  agencyName: headerLine(200).pipe(z.string().min(1, 'must not be empty')),
  place: headerLine(80),
});
export type FormHeader = z.infer<typeof formHeaderSchema>;

/** The account fees are transferred to (VietQR on the receipt). All empty = no QR, cash only. */
export const feeAccountSchema = z
  .object({
    bankBin: z.string().trim().regex(/^(\d{6})?$/, 'the bank BIN (NAPAS) has 6 digits, e.g. 970436'),
    accountNumber: z.string().trim().regex(/^([0-9A-Za-z]{4,19})?$/, 'an account number: 4–19 letters and digits'),
    accountName: headerLine(120),
  })
  .superRefine((a, ctx) => {
    const set = [a.bankBin, a.accountNumber, a.accountName].filter((v) => v !== '').length;
    if (set !== 0 && set !== 3) {
      for (const k of ['bankBin', 'accountNumber', 'accountName'] as const) if (a[k] === '') ctx.addIssue({ code: 'custom', path: [k], message: 'fill bank, account number and account name together, or leave all three empty' });
    }
  });
export type FeeAccount = z.infer<typeof feeAccountSchema>;
export const EMPTY_FEE_ACCOUNT: FeeAccount = { bankBin: '', accountNumber: '', accountName: '' };

export const formSettingsSchema = z.object({ header: formHeaderSchema, feeAccount: feeAccountSchema });
export type FormSettings = z.infer<typeof formSettingsSchema>;

export const dossierFormParam = dossierCodeParam.extend({
  form: z.enum(DOSSIER_FORMS, { error: () => 'the form number is one of 01–06 (07, the tracking book, is a supervisor export)' }),
});

/** Status 8 set at the counter: why processing stops (printed on form 05). */
export const stopDossierBody = z.object({
  reason: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters')),
});

/** "dd/mm/yyyy" (as printed and typed in Vietnam) or "yyyy-mm-dd" → the office day "yyyy-mm-dd"; a real calendar date. */
export const officeDateInput = z
  .string()
  .trim()
  .max(10, 'a date: dd/mm/yyyy')
  .transform((s, ctx) => {
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const [y, m, d] = vi ? [Number(vi[3]), Number(vi[2]), Number(vi[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (!(y >= 2000 && y <= 2100) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 10)}" is not a date: write dd/mm/yyyy, e.g. 01/12/2026` });
      return z.NEVER;
    }
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

export const trackingBookQuery = z.object({ from: officeDateInput, to: officeDateInput });
export type TrackingBookQuery = z.output<typeof trackingBookQuery>;


