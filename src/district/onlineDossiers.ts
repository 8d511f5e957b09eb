import { z } from 'zod';
import type { Database } from './db';
import { history } from './mutations';
import { recordDossierChange } from './changes';
import { SyncError } from './service';
import { DOSSIER_STATUS, parseDossierCode } from '../shared/domain';
import { onlineApplicationSchema } from '../shared/api/sync';

/**
 * Dossiers filed online on the national or provincial portal (channel 2),
 * received upstream for one office: the back office creates them (what the
 * portal hands the province's system) and the office's hub pulls them with the
 * dossier collection (docs/sync-protocol.md). The hub hands the result back at
 * its counter and pushes that like any other hand-back.
 *
 * The code carries the portal's or the competent agency's identifier
 * (Decree 118 Điều 28 khoản 2), never the office's own: the office's hub makes
 * codes with its own agency code and daily sequence, and the two must never meet.
 */
export const onlineDossierBody = z.object({
  code: z.string().trim().toUpperCase().min(5).max(60),
  officeId: z.string().min(1).max(60),
  dueAt: z.number().int().min(0),
  paidOnline: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  application: onlineApplicationSchema,
});
export const paidOnlineBody = z.object({ paidOnline: z.union([z.literal(0), z.literal(1), z.literal(2)]) });

export function createOnlineDossiers(db: Database, clock: { now(): number } = { now: Date.now }) {
  return {
    async create(input: z.input<typeof onlineDossierBody>): Promise<void> {
      const b = onlineDossierBody.parse(input);
      const parsed = parseDossierCode(b.code);
      if (!parsed) throw new SyncError(400, 'VALIDATION_FAILED', `${b.code.slice(0, 60)} is not a dossier code (<agency code>-<yymmdd>-<4 digits>).`);
      if (b.dueAt <= b.application.acceptedAt) throw new SyncError(400, 'VALIDATION_FAILED', 'The due time must be after the time the portal received the dossier.');
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ agency_code: string }>('SELECT agency_code FROM offices WHERE id = $1', [b.officeId]);
        const office = rows[0];
        if (!office) throw new SyncError(404, 'NOT_FOUND', `There is no office ${b.officeId.slice(0, 60)}.`);
        if (parsed.agencyCode === office.agency_code) {
          throw new SyncError(400, 'VALIDATION_FAILED', `An online dossier's code carries the portal's or the competent agency's code, not the office's own (${office.agency_code}): the office makes those itself.`);
        }
        const now = clock.now();
        const r = await tx.query(
          `INSERT INTO dossiers (code, office_id, received, status, due_at, updated_at, channel, paid_online) VALUES ($1, $2, $3, $4, $5, $6, 2, $7) ON CONFLICT (code) DO NOTHING`,
          [b.code, b.officeId, JSON.stringify(b.application), DOSSIER_STATUS.accepted, b.dueAt, now, b.paidOnline],
        );
        if (r.rowCount === 0) throw new SyncError(409, 'VALIDATION_FAILED', `Dossier code ${b.code} is already used.`);
        await history(tx, b.code, 'portal', null, DOSSIER_STATUS.accepted, null, now);
        await recordDossierChange(tx, b.code);
      });
    },
    /** The payment gateway's answer: paid online or not (766 item 3.6). */
    async setPaidOnline(code: string, input: unknown): Promise<void> {
      const b = paidOnlineBody.parse(input);
      await db.transaction(async (tx) => {
        const r = await tx.query('UPDATE dossiers SET paid_online = $2, updated_at = $3 WHERE code = $1', [code, b.paidOnline, clock.now()]);
        if (r.rowCount === 0) throw new SyncError(404, 'UNKNOWN_DOSSIER', `There is no dossier ${code.slice(0, 60)}.`);
        await recordDossierChange(tx, code);
      });
    },
  };
}
