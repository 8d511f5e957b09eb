import type { Db } from '../open';
import type { AgencyCodePeriod } from '../../../shared/domain/agencyCode';

/** The office's agency codes with the office days each was in force (migration 21). Writes run in the caller's transaction. */
export function agencyCodesRepo(db: Db) {
  const all = db.prepare<[], { code: string; valid_from: string; valid_to: string | null }>('SELECT code, valid_from, valid_to FROM agency_codes ORDER BY valid_from, code');
  const upsertOpen = db.prepare<[string, string]>('INSERT INTO agency_codes (code, valid_from, valid_to) VALUES (?, ?, NULL) ON CONFLICT (code) DO UPDATE SET valid_to = NULL');
  const closeOthers = db.prepare<[string, string]>('UPDATE agency_codes SET valid_to = ? WHERE valid_to IS NULL AND code <> ?');
  const dossierExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM dossiers WHERE code = ?');
  return {
    list: (): AgencyCodePeriod[] => all.all().map((r) => ({ code: r.code, validFrom: r.valid_from, validTo: r.valid_to })),
    /** `code` in force from `day` on; the codes in force until now end on that same day. */
    open(code: string, day: string): void {
      closeOthers.run(day, code);
      upsertOpen.run(code, day);
    },
    dossierExists: (code: string): boolean => dossierExists.get(code) !== undefined,
  };
}
