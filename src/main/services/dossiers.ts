import { auditDossier } from './dossierAudit';
import { canMoveDossier, foldVietnamese, parseScannedCode } from '../../shared/domain';
import { AppError, type Dossier, type DossierListQuery, type DossierSummary } from '../../shared/api';
import type { Store } from '../db/store';
import type { DossierRow } from '../db/repos/dossiers';
import type { Clock } from './clock';
import type { Actor } from './queue';
import { createDossierGuards, keyOf, type DossierContext, type DossierServiceOptions } from './dossierContext';
import { createDossierReader } from './dossierRead';
import { createDossierRegistration } from './dossierRegistration';
import { createDossierMoves } from './dossierMoves';
import { createDossierSlips } from './dossierSlips';

/**
 * Dossiers registered at the counter and their life on the national status
 * list. Every change is one IMMEDIATE transaction (store.write), and every
 * status UPDATE is conditional on the status read in that transaction, so a
 * rejected request writes nothing and two clerks cannot both move a dossier.
 * Due time, overdue and nearly due are computed on every read from the
 * acceptance time, the procedure snapshot, the supplement pauses, the current
 * calendar and the clock; nothing of it is stored except the due at
 * acceptance (for sorting).
 */
export function createDossierService(store: Store, clock: Clock, options: DossierServiceOptions) {
  const skipHolidays = options.skipHolidaysForCalendarDays ?? false;
  const ctx: DossierContext = { store, clock, options, skipHolidays };
  const guards = createDossierGuards(ctx);
  const { requireDossier } = guards;
  const reader = createDossierReader(ctx);
  const { summary, describe } = reader;
  const { register } = createDossierRegistration(ctx, guards, reader);
  const { move, apologise } = createDossierMoves(ctx, guards, reader);
  const { slipInput, receiptInput, officeForDocs, slipBase } = createDossierSlips(ctx, guards, reader);

  return {
    register,
    receiptInput,
    officeForDocs,
    slipBase: (code: string, at: number, clerkName: string | null) => slipBase(describe(requireDossier(code)), { at, clerkName }),
    slipInput,
    apologise,
    get: (code: string): Dossier => describe(requireDossier(code)),
    /** A stored dossier with its due time and status computed now (the supervisor's figures). */
    summaryOf: (row: DossierRow): DossierSummary => summary(row),
    list(query: DossierListQuery): { items: DossierSummary[] } {
      const q = query.q.normalize('NFC').trim();
      const rows = store.dossiers.list({ q: q || null, foldedQ: q ? foldVietnamese(q) : null, limit: query.limit });
      return { items: rows.map(summary) };
    },
    /** Status 8 with its reason (form 05); sent to the district as a proposal like every hub move. */
    stop: (actor: Actor, code: string, reason: string) =>
      move(actor, code, { to: 'stopped', action: 'stopped', note: reason }),
    refuse: (actor: Actor, code: string, reason: string) =>
      move(actor, code, { to: 'refused', action: 'refused', note: reason, after: (row, now) => auditDossier(store, 'dossier.refused', actor.clerkId, row.code, now, { reason }) }),
    requestSupplement: (actor: Actor, code: string, items: string[], reason: string) =>
      move(actor, code, {
        to: 'supplement_requested',
        action: 'sent back for a supplement',
        note: reason,
        after: (row, now) => store.dossiers.openPause({ dossierId: row.id, from: now, statusBefore: row.status, items, reason }),
      }),
    supplementReceived: (actor: Actor, code: string, note?: string) =>
      move(actor, code, {
        // Back to where it was before the request (accepted or processing).
        to: (row) => {
          const open = store.dossiers.pauses(row.id).find((p) => p.to_at === null);
          const before = open ? keyOf(open.status_before) : 'accepted';
          return canMoveDossier('supplement_requested', before) ? before : 'accepted';
        },
        action: 'marked as supplemented',
        note: note || null,
      }),
    /** The applicant withdraws the dossier (status 7, Decree 118 Điều 21): processing ends; sync carries it like the other counter moves. */
    withdraw: (actor: Actor, code: string, reason: string) =>
      move(actor, code, { to: 'withdrawn', action: 'withdrawn', note: reason, after: (row, now) => auditDossier(store, 'dossier.withdrawn', actor.clerkId, row.code, now, { reason }) }),
    resultReady: (actor: Actor, code: string, note?: string) => move(actor, code, { to: 'result_ready', action: 'marked as result ready', note: note || null }),
    handBack: (actor: Actor, code: string, scanned: string) =>
      move(actor, code, {
        to: 'handed_over',
        action: 'handed over',
        after: (row, now) => auditDossier(store, 'dossier.handed_back', actor.clerkId, row.code, now, { scannedQr: parseScannedCode(scanned)?.secret != null }),
        check: (row) => {
          const scan = parseScannedCode(scanned);
          if (!scan) throw new AppError(400, 'SCAN_MISMATCH', 'The scanned text is not a dossier code or a receipt QR. Scan the barcode or QR on the citizen’s receipt.');
          if (scan.code.toUpperCase() !== row.code) {
            throw new AppError(409, 'SCAN_MISMATCH', `The receipt scanned is for dossier ${scan.code.toUpperCase()}, not ${row.code}. Check that the result matches the receipt.`, {
              scannedCode: scan.code.toUpperCase(),
            });
          }
          if (scan.secret !== null && scan.secret !== row.secret) {
            throw new AppError(409, 'SCAN_MISMATCH', `The receipt's QR does not carry the verification code of dossier ${row.code}. Check the receipt.`);
          }
        },
      }),
  };
}
export type DossierService = ReturnType<typeof createDossierService>;
