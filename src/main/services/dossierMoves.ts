import { canMoveDossier, clockRuns, DOSSIER_STATUS, extensionProblem, EXTENSION_PROBLEM_WORDS, type DossierStatusKey } from '../../shared/domain';
import { AppError, type Dossier } from '../../shared/api';
import type { DossierRow } from '../db/repos/dossiers';
import type { Actor } from './queue';
import { recordDossierAppointment, recordDossierTransition } from '../sync/hooks';
import { keyOf, type DossierContext, type DossierGuards } from './dossierContext';
import type { DossierReader } from './dossierRead';

/**
 * Moving a dossier along the national status list, and a new appointment. Every change is one
 * IMMEDIATE transaction and every status UPDATE is conditional on the status read in it.
 */
export function createDossierMoves({ store, clock }: DossierContext, { requireDossier, invalidState }: DossierGuards, { describe }: DossierReader) {
  // ---- moving along the status list ----------------------------------------------------

  interface Move {
    to: DossierStatusKey | ((row: DossierRow) => DossierStatusKey);
    /** Past participle for the error message: "it cannot be refused now". */
    action: string;
    note?: string | null;
    /** Checks run after the dossier is found, before the status test. */
    check?: (row: DossierRow) => void;
    after?: (row: DossierRow, now: number) => void;
  }

  function move(actor: Actor, code: string, m: Move): Dossier {
    store.write(() => {
      const row = requireDossier(code);
      m.check?.(row);
      const from = keyOf(row.status);
      const to = typeof m.to === 'function' ? m.to(row) : m.to;
      if (!canMoveDossier(from, to)) throw invalidState(row, m.action);
      const now = clock.now();
      if (!store.dossiers.setStatus(row.id, row.status, DOSSIER_STATUS[to], now)) throw invalidState(row, m.action);
      // Leaving "supplement requested" in any direction ends the pause.
      if (from === 'supplement_requested') {
        const open = store.dossiers.pauses(row.id).find((p) => p.to_at === null);
        if (open) store.dossiers.closePause(open.id, now);
      }
      m.after?.(row, now);
      store.dossiers.event({ dossierId: row.id, at: now, actor: 'clerk', clerkId: actor.clerkId, fromStatus: row.status, toStatus: DOSSIER_STATUS[to], stage: row.stage, note: m.note ?? null });
      recordDossierTransition(store.db, row.code, from, to, now, m.note ?? null);
    });
    return describe(requireDossier(code));
  }

  /** A late dossier gets a new appointment and the apology slip; no status change, the clock runs on to the new time. */
  function apologise(actor: Actor, code: string, reason: string, newDueAt: number): Dossier {
    store.write(() => {
      const row = requireDossier(code);
      const key = keyOf(row.status);
      if (!clockRuns(key)) throw invalidState(row, 'given a new appointment');
      const now = clock.now();
      const current = describe(row).dueAt ?? row.due_at;
      // Form 04 is a proposal (the district grants it through sync); Nghị định 118 Điều 19 khoản 6 allows one, a day ahead.
      const extensionsSoFar = store.dossiers.events(row.id).filter((e) => e.new_due_at !== null).length;
      const problem = extensionProblem({ now, dueAt: current, newDueAt, extensionsSoFar, timeZone: clock.timeZone });
      if (problem) {
        throw new AppError(problem === 'not_later' ? 400 : 409, problem === 'not_later' ? 'VALIDATION_FAILED' : 'EXTENSION_NOT_ALLOWED', `Dossier ${row.code}: ${EXTENSION_PROBLEM_WORDS[problem]}.`, [
          { path: 'newDueAt', message: EXTENSION_PROBLEM_WORDS[problem], rule: problem === 'not_later' ? 'too_small' : `extension_${problem}` },
        ]);
      }
      store.dossiers.event({ dossierId: row.id, at: now, actor: 'clerk', clerkId: actor.clerkId, fromStatus: row.status, toStatus: row.status, stage: row.stage, note: reason, newDueAt });
      store.dossiers.touch(row.id, now);
      recordDossierAppointment(store.db, row.code, now, newDueAt, reason);
    });
    return describe(requireDossier(code));
  }

  return { move, apologise };
}
