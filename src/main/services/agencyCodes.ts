import { AppError } from '../../shared/api';
import { checkAgencyCode, codesInForceOn, type AgencyCodePeriod } from '../../shared/domain/agencyCode';
import { parseDossierCode } from '../../shared/domain/dossier';
import type { Store } from '../db/store';
import type { Clock } from './clock';
import { agencyCodesRepo } from '../db/repos/agencyCodes';

/** Before any change was recorded, the office's code counts as in force since this day. */
const SINCE_EVER = '2000-01-01';

/**
 * The office's agency code over time. A unit merged in 2025 got a new code;
 * dossiers received before carry the old one in their code, and the kiosk's
 * keypad composes the CURRENT code in front of the digits the citizen types,
 * so an old dossier is found through the code that was in force on the day in
 * its code (docs/legal.md §5: no published mapping, the history is the office's).
 */
export function createAgencyCodeService(store: Store, clock: Clock) {
  const repo = agencyCodesRepo(store.db);
  const history = (): AgencyCodePeriod[] => {
    const rows = repo.list();
    return rows.length ? rows : [{ code: store.settings.office().agencyCode, validFrom: SINCE_EVER, validTo: null }];
  };
  return {
    history,
    /** Refuses a code of the wrong shape with the reason; call inside the office change's transaction. */
    change(next: string): void {
      const checked = checkAgencyCode(next);
      if (!checked.ok) throw new AppError(400, 'INVALID_AGENCY_CODE', checked.reason, [{ path: 'agencyCode', message: checked.reason, rule: `agency_${checked.rule}` }]);
      const current = store.settings.office().agencyCode;
      if (checked.code === current) return;
      if (repo.list().length === 0) repo.open(current, SINCE_EVER);
      repo.open(checked.code, clock.officeDay());
    },
    /**
     * A dossier code as looked up → the code it is stored under: itself if
     * known, else the same date and sequence under another code of this office
     * in force on that date.
     */
    resolveDossierCode(code: string): string {
      if (repo.dossierExists(code)) return code;
      const parsed = parseDossierCode(code);
      if (!parsed) return code;
      const mine = history();
      if (!mine.some((h) => h.code === parsed.agencyCode)) return code;
      const tail = code.slice(parsed.agencyCode.length);
      for (const alt of codesInForceOn(mine, parsed.officeDay)) {
        if (alt !== parsed.agencyCode && repo.dossierExists(alt + tail)) return alt + tail;
      }
      return code;
    },
  };
}
export type AgencyCodeService = ReturnType<typeof createAgencyCodeService>;
