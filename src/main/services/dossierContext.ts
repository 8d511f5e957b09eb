import { dossierStatusKey, type DossierStatusKey, type WorkingCalendar } from '../../shared/domain';
import { AppError } from '../../shared/api';
import type { Store } from '../db/store';
import type { DossierRow } from '../db/repos/dossiers';
import type { Clock } from './clock';

/**
 * What the parts of the dossier service share: the store, the clock, the office's options, and
 * the two guards every command starts with. createDossierService (dossiers.ts) builds it once.
 */

const STATUS_WORDS: Record<DossierStatusKey, string> = {
  submitted_online: 'submitted online',
  accepted: 'accepted',
  refused: 'refused',
  processing: 'being processed',
  supplement_requested: 'waiting for a supplement',
  financial_obligation: 'waiting for a financial obligation',
  withdrawn: 'withdrawn by the applicant',
  stopped: 'stopped',
  result_ready: 'ready for hand-back',
  handed_over: 'already handed over',
};

export interface DossierServiceOptions {
  /** The office's working calendar; read on every computation so an edit applies at once. */
  calendar: () => WorkingCalendar;
  /** Calendar-day procedures skip official days off (issue 3: "when so configured"). */
  skipHolidaysForCalendarDays?: boolean;
  /** Nearly due while at most this many working hours are left (the supervisor setting; read on every computation). */
  nearlyDueWorkingHours?: () => number;
}

export const keyOf = (status: number): DossierStatusKey => {
  const k = dossierStatusKey(status);
  if (!k) throw new Error(`dossier status ${status} is not on the national list`);
  return k;
};

export interface DossierContext {
  store: Store;
  clock: Clock;
  options: DossierServiceOptions;
  skipHolidays: boolean;
}

export function createDossierGuards({ store }: DossierContext) {
  function requireDossier(code: string): DossierRow {
    const row = store.dossiers.get(code.trim().toUpperCase());
    if (!row) throw new AppError(404, 'UNKNOWN_DOSSIER', `There is no dossier with code ${code.slice(0, 60)}.`);
    return row;
  }

  function invalidState(row: DossierRow, action: string): AppError {
    const key = keyOf(row.status);
    return new AppError(409, 'INVALID_DOSSIER_STATE', `Dossier ${row.code} is ${STATUS_WORDS[key]} (status ${row.status}); it cannot be ${action} now.`, {
      status: row.status,
      statusKey: key,
    });
  }

  return { requireDossier, invalidState };
}
export type DossierGuards = ReturnType<typeof createDossierGuards>;
