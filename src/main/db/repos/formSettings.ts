import type { Db } from '../open';
import { EMPTY_FEE_ACCOUNT, feeAccountSchema, formHeaderSchema, type FeeAccount, type FormHeader } from '../../../shared/api/forms';

/**
 * The form header (agency, parent, place) and the fee account, JSON rows of
 * `settings`. Migration 20 wrote the header of an existing office once; an office
 * without the row (a new store before /admin is filled) prints its own name as
 * the agency and dots for the rest, never a guess.
 */
export function formSettingsRepo(db: Db, officeName: () => string) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const read = (key: string): unknown => {
    const row = get.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    header(): FormHeader {
      const r = formHeaderSchema.safeParse(read('formHeader'));
      return r.success ? r.data : { parentAgency: '', agencyName: officeName(), place: '' };
    },
    setHeader: (h: FormHeader) => void put.run('formHeader', JSON.stringify(h)),
    feeAccount(): FeeAccount {
      const r = feeAccountSchema.safeParse(read('feeAccount'));
      return r.success ? r.data : EMPTY_FEE_ACCOUNT;
    },
    setFeeAccount: (a: FeeAccount) => void put.run('feeAccount', JSON.stringify(a)),
  };
}
export type FormSettingsRepo = ReturnType<typeof formSettingsRepo>;
