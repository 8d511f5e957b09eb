import { z } from 'zod';
import type { Database, Queryable } from './db';
import { recordChange, recordChangeEverywhere, recordDossierChange, type DossierDbRow } from './changes';
import { history } from './mutations';
import { SyncError } from './service';
import { canMoveDossier, DOSSIER_STATUS, dossierStatusKey, type DossierStatusKey } from '../shared/domain';
import { describeIssues, validateProcedure } from '../shared/domain/procedureRules';

/**
 * What the departments do upstream (the demo CLI and the back-office API
 * call these): move a dossier along, ask for a supplement, mark the result
 * ready, extend the due time, publish catalogue, holiday and notice changes.
 * Every change lands in the office's change log in the same transaction.
 */
export const moveBody = z.object({
  stage: z.string().max(200).nullable().optional(),
  department: z.string().max(200).nullable().optional(),
  handler: z.string().max(200).nullable().optional(),
  status: z.enum(['processing', 'financial_obligation', 'withdrawn', 'stopped', 'refused']).optional(),
  note: z.string().max(2000).optional(),
});
export const supplementBody = z.object({ items: z.array(z.string().min(1).max(500)).min(1).max(50), reason: z.string().min(1).max(2000) });
/** The fee's payment as the account holder sees it (issue 12 §3); the hub pulls it and the counter shows it. */
export const paymentBody = z.object({ status: z.enum(['unpaid', 'paid']) });
export const extendBody = z.object({ dueAt: z.number().int().min(0), reason: z.string().min(1).max(2000) });
export const calendarDayBody = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['holiday', 'working_day']),
  nameVi: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  provisional: z.boolean().default(false),
});
export const noticeBody = z.object({ id: z.string().min(1).max(60), officeId: z.string().nullable().default(null), titleVi: z.string().max(200), titleEn: z.string().max(200), bodyVi: z.string().max(4000), bodyEn: z.string().max(4000) });

export function createBackOffice(db: Database, clock: { now(): number } = { now: Date.now }) {
  async function withDossier(code: string, fn: (tx: Queryable, d: DossierDbRow, now: number) => Promise<void>) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<DossierDbRow>('SELECT * FROM dossiers WHERE code = $1 FOR UPDATE', [code]);
      const d = rows[0];
      if (!d) throw new SyncError(404, 'UNKNOWN_DOSSIER', `There is no dossier ${code.slice(0, 60)}.`);
      await fn(tx, d, clock.now());
      await recordDossierChange(tx, code);
    });
  }
  const key = (d: DossierDbRow) => dossierStatusKey(d.status)!;
  const refuse = (d: DossierDbRow, to: DossierStatusKey) => new SyncError(409, 'VALIDATION_FAILED', `Dossier ${d.code} is ${key(d)}; it cannot move to ${to}.`);

  return {
    /** Move to a stage / department / handler; an accepted dossier starts processing. */
    move: (code: string, body: z.infer<typeof moveBody>) =>
      withDossier(code, async (tx, d, now) => {
        let to: DossierStatusKey = body.status ?? (key(d) === 'accepted' ? 'processing' : key(d));
        if (to !== key(d) && !canMoveDossier(key(d), to)) throw refuse(d, to);
        if (to === key(d) && body.status && key(d) !== body.status) to = body.status;
        await tx.query(
          `UPDATE dossiers SET status = $2, stage = COALESCE($3, stage), department = COALESCE($4, department), handler = COALESCE($5, handler),
             note = COALESCE($6, note), updated_at = $7 WHERE code = $1`,
          [code, DOSSIER_STATUS[to], body.stage ?? null, body.department ?? null, body.handler ?? null, body.note ?? null, now],
        );
        await history(tx, code, 'district', d.status, DOSSIER_STATUS[to], body.note ?? body.stage ?? null, now);
      }),
    requestSupplement: (code: string, body: z.infer<typeof supplementBody>) =>
      withDossier(code, async (tx, d, now) => {
        if (!canMoveDossier(key(d), 'supplement_requested')) throw refuse(d, 'supplement_requested');
        await tx.query('UPDATE dossiers SET status = 5, status_before = status, supplement = $2, note = $3, updated_at = $4 WHERE code = $1', [code, JSON.stringify(body), body.reason, now]);
        await history(tx, code, 'district', d.status, 5, body.reason, now);
      }),
    resultReady: (code: string, note?: string) =>
      withDossier(code, async (tx, d, now) => {
        if (!canMoveDossier(key(d), 'result_ready')) throw refuse(d, 'result_ready');
        await tx.query('UPDATE dossiers SET status = 9, result_ready_at = $2, note = COALESCE($3, note), updated_at = $2 WHERE code = $1', [code, now, note ?? null]);
        await history(tx, code, 'district', d.status, 9, note ?? null, now);
      }),
    extendDue: (code: string, body: z.infer<typeof extendBody>) =>
      withDossier(code, async (tx, d, now) => {
        if (d.due_at !== null && body.dueAt <= d.due_at) throw new SyncError(400, 'VALIDATION_FAILED', 'The new due time must be later than the current one.');
        await tx.query('UPDATE dossiers SET due_at = $2, note = $3, extensions = extensions + 1, updated_at = $4 WHERE code = $1', [code, body.dueAt, body.reason, now]);
        await history(tx, code, 'district', d.status, d.status, body.reason, now);
      }),
    setPayment: (code: string, body: z.infer<typeof paymentBody>) =>
      withDossier(code, async (tx, _d, now) => {
        await tx.query('UPDATE dossiers SET payment_status = $2, updated_at = $3 WHERE code = $1', [code, body.status, now]);
      }),
    async publishProcedure(input: unknown): Promise<void> {
      // One validator for the catalogue everywhere (src/shared/domain/procedureRules.ts).
      const checked = validateProcedure(input);
      if (!checked.ok) throw new SyncError(400, 'VALIDATION_FAILED', `The procedure is refused: ${describeIssues(checked.issues)}`);
      const p = checked.procedure;
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO procedures (code, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [p.code, JSON.stringify(p), clock.now()]);
        await recordChangeEverywhere(tx, 'procedure', p.code, p);
      });
    },
    async withdrawProcedure(code: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM procedures WHERE code = $1', [code]);
        await recordChangeEverywhere(tx, 'procedure', code, null);
      });
    },
    async publishCalendarDay(input: unknown): Promise<void> {
      const d = calendarDayBody.parse(input);
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO calendar_days (date, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (date) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [d.date, JSON.stringify(d), clock.now()]);
        await recordChangeEverywhere(tx, 'calendar_day', d.date, d);
      });
    },
    async removeCalendarDay(date: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM calendar_days WHERE date = $1', [date]);
        await recordChangeEverywhere(tx, 'calendar_day', date, null);
      });
    },
    async publishNotice(input: unknown): Promise<void> {
      const n = noticeBody.parse(input);
      const data = { id: n.id, titleVi: n.titleVi, titleEn: n.titleEn, bodyVi: n.bodyVi, bodyEn: n.bodyEn, publishedAt: clock.now() };
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO notices (id, office_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, data = excluded.data', [n.id, n.officeId, JSON.stringify(data)]);
        if (n.officeId) await recordChange(tx, n.officeId, 'notice', n.id, data);
        else await recordChangeEverywhere(tx, 'notice', n.id, data);
      });
    },
    /**
     * Forgets the tombstones of an office and every change before now: a hub
     * whose cursor is older must take a snapshot (`reset`).
     */
    async compact(officeId: string): Promise<number> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ change_seq: number }>('UPDATE offices SET min_seq = change_seq WHERE id = $1 RETURNING change_seq', [officeId]);
        await tx.query('DELETE FROM changes WHERE office_id = $1 AND data IS NULL', [officeId]);
        return rows[0]?.change_seq ?? 0;
      });
    },
    async dossier(code: string) {
      const { rows } = await db.query<DossierDbRow & { received: unknown }>('SELECT * FROM dossiers WHERE code = $1', [code]);
      if (!rows[0]) throw new SyncError(404, 'UNKNOWN_DOSSIER', `There is no dossier ${code.slice(0, 60)}.`);
      const { rows: h } = await db.query('SELECT at, actor, from_status, to_status, note FROM dossier_history WHERE code = $1 ORDER BY id', [code]);
      return { ...rows[0], history: h };
    },
    async dossiers(officeId: string, limit = 100) {
      const { rows } = await db.query<{ code: string; status: number; stage: string | null; department: string | null }>(
        'SELECT code, status, stage, department FROM dossiers WHERE office_id = $1 ORDER BY updated_at DESC LIMIT $2',
        [officeId, limit],
      );
      return rows;
    },
    /**
     * Fills an office with `count` dossiers in a few SQL statements (the
     * benchmark's 500 000), each with its change-log row.
     */
    async seedDossiers(officeId: string, agencyCode: string, count: number): Promise<void> {
      const batch = 50_000;
      for (let start = 0; start < count; start += batch) {
        const n = Math.min(batch, count - start);
        await db.transaction(async (tx) => {
          const { rows } = await tx.query<{ change_seq: number }>('UPDATE offices SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq', [officeId, n]);
          const base = rows[0]!.change_seq - n;
          const now = clock.now();
          // The code's daily sequence has 4 digits: spread the rows over many synthetic days.
          await tx.query(
            `INSERT INTO dossiers (code, office_id, received, status, stage, department, due_at, updated_at)
             SELECT $1 || '-' || lpad((($3::int + g) / 9999)::text, 6, '0') || '-' || lpad((($3::int + g) % 9999 + 1)::text, 4, '0'),
                    $2, '{}'::jsonb, 4, 'Thẩm định', 'Phòng Tài nguyên và Môi trường', $4::bigint + g, $4::bigint
             FROM generate_series(0, $5::int - 1) AS g`,
            [agencyCode, officeId, start, now, n],
          );
          await tx.query(
            `INSERT INTO changes (office_id, collection, key, seq, data)
             SELECT $1, 'dossier', d.code, $2::bigint + row_number() OVER (ORDER BY d.code),
                    jsonb_build_object('code', d.code, 'status', d.status, 'stage', d.stage, 'department', d.department, 'handler', d.handler,
                      'dueAt', d.due_at, 'resultReadyAt', d.result_ready_at, 'supplementItems', NULL, 'note', d.note, 'updatedAt', d.updated_at)
             FROM dossiers d WHERE d.office_id = $1 AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.office_id = $1 AND c.collection = 'dossier' AND c.key = d.code)`,
            [officeId, base],
          );
        });
      }
    },
  };
}
export type BackOffice = ReturnType<typeof createBackOffice>;
