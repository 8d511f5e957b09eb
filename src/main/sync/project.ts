import type { Store } from '../db/store';
import { districtDossierSchema, type Change, type Collection, type DistrictDossier } from '../../shared/api/sync';
import { validateProcedure } from '../../shared/domain/procedureRules';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { DOSSIER_STATUS } from '../../shared/domain';
import { calendarDayBody } from '../../shared/api/calendar';
import { z } from 'zod';
import { insertOnlineDossier } from './onlineDossier';

const calendarDay = calendarDayBody.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), provisional: z.boolean().default(false) });

/**
 * Writes pulled server-owned rows into the hub: the mirror (`sync_rows`, what
 * the digest compares) and the domain tables it projects onto — a dossier's
 * status, stage, department, due-time changes and supplement pause; the
 * catalogue; the calendar. Runs inside the caller's transaction.
 */
export function createProjector(store: Store, now: () => number) {
  const db = store.db;
  const upsertRow = db.prepare<[string, string, number, string, number]>(
    `INSERT INTO sync_rows (collection, key, seq, data, confirmed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (collection, key) DO UPDATE SET seq = excluded.seq, data = excluded.data, confirmed_at = excluded.confirmed_at`,
  );
  const deleteRow = db.prepare<[string, string]>('DELETE FROM sync_rows WHERE collection = ? AND key = ?');
  const rowSeq = db.prepare<[string, string], { seq: number; data: string }>('SELECT seq, data FROM sync_rows WHERE collection = ? AND key = ?');
  const localDossier = db.prepare<[string], { id: number; status: number; stage: string | null; department: string | null; due_at: number; payment_status: 'unpaid' | 'paid' | null }>(
    'SELECT id, status, stage, department, due_at, payment_status FROM dossiers WHERE code = ?',
  );
  const setPayment = db.prepare<['unpaid' | 'paid' | null, number]>('UPDATE dossiers SET payment_status = ? WHERE id = ?');
  const hasLocal = db.prepare<[string], { id: number }>('SELECT id FROM dossiers WHERE code = ?');
  const pendingFor = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE subject = ? AND status = 'pending'");
  const lastAppointment = db.prepare<[number], { new_due_at: number }>('SELECT new_due_at FROM dossier_events WHERE dossier_id = ? AND new_due_at IS NOT NULL ORDER BY id DESC LIMIT 1');
  const setDossier = db.prepare<[number, string | null, string | null, number, number]>('UPDATE dossiers SET status = ?, stage = ?, department = ?, updated_at = ? WHERE id = ?');
  const setPaidOnline = db.prepare<[number, number]>('UPDATE dossiers SET paid_online = ? WHERE id = ?');
  const openPause = db.prepare<[number], { id: number }>('SELECT id FROM dossier_pauses WHERE dossier_id = ? AND to_at IS NULL');
  const deactivate = db.prepare<[number, string]>('UPDATE procedures SET active = 0, updated_at = ? WHERE code = ?');
  const districtDayRemove = db.prepare<[string]>("DELETE FROM calendar_days WHERE date = ? AND source = 'district'");

  /** Brings the local dossier (if this hub has it) in line with the district's fields. */
  function projectDossier(d: DistrictDossier): void {
    const local = localDossier.get(d.code);
    if (!local) return;
    // Our own change to this dossier is still on its way: the district has not seen it yet, so its state is older than ours.
    if (pendingFor.get(d.code)!.n > 0) return;
    const at = now();
    setPaidOnline.run(d.paidOnline, local.id);
    if (d.status !== local.status || d.stage !== local.stage || d.department !== local.department) {
      setDossier.run(d.status, d.stage, d.department, at, local.id);
    }
    if (d.status !== local.status) {
      const open = openPause.get(local.id);
      if (open && d.status !== DOSSIER_STATUS.supplement_requested) store.dossiers.closePause(open.id, at);
      if (!open && d.status === DOSSIER_STATUS.supplement_requested) {
        store.dossiers.openPause({ dossierId: local.id, from: at, statusBefore: local.status, items: d.supplementItems ?? [], reason: d.note ?? '' });
      }
      store.dossiers.event({ dossierId: local.id, at, actor: 'district', clerkId: null, fromStatus: local.status, toStatus: d.status, stage: d.stage, note: d.note, department: d.department, handler: d.handler });
    } else if (d.stage !== local.stage || d.department !== local.department) {
      // A hand-over between departments without a status change: the control sheet (form 06) lists it.
      store.dossiers.event({ dossierId: local.id, at, actor: 'district', clerkId: null, fromStatus: d.status, toStatus: d.status, stage: d.stage, note: d.note, department: d.department, handler: d.handler });
    }
    // Whether the fee was paid is the district's to say (issue 12 §3); absent = it has not said.
    if (d.paymentStatus !== undefined && d.paymentStatus !== local.payment_status) setPayment.run(d.paymentStatus, local.id);
    if (d.dueAt !== null) {
      const current = lastAppointment.get(local.id)?.new_due_at ?? local.due_at;
      if (d.dueAt !== current) store.dossiers.event({ dossierId: local.id, at, actor: 'district', clerkId: null, fromStatus: d.status, toStatus: d.status, stage: d.stage, note: d.note, newDueAt: d.dueAt, department: d.department, handler: d.handler });
    }
  }

  function projectOne(collection: Collection, key: string, data: unknown): void {
    switch (collection) {
      case 'dossier': {
        // Most pulled dossiers (an office's history) have no local row: check that before parsing anything,
        // except an online dossier (channel 2), which the hub makes from what the portal received.
        if (!hasLocal.get(key)) {
          if ((data as { channel?: unknown } | null)?.channel !== 2) return;
          const d = districtDossierSchema.safeParse(data);
          if (d.success) insertOnlineDossier(store, d.data, now());
          return;
        }
        const d = districtDossierSchema.safeParse(data);
        if (d.success) projectDossier(d.data);
        return;
      }
      case 'procedure': {
        if (data === null) return void deactivate.run(now(), key);
        // The same rules as an import (src/shared/domain/procedureRules.ts): a district level or a broken fee is not projected.
        const p = validateProcedure(data);
        if (p.ok) store.catalogue.upsert(p.procedure, now(), 'district');
        return;
      }
      case 'calendar_day': {
        if (data === null) return void districtDayRemove.run(key);
        const c = calendarDay.safeParse(data);
        if (c.success) store.calendar.upsert({ ...c.data, source: 'district' }, now());
        return;
      }
      case 'notice':
        return;
    }
  }

  return {
    /** One pulled change: mirror it and project it. */
    apply(change: Change): void {
      if (change.data === null) deleteRow.run(change.collection, change.key);
      else upsertRow.run(change.collection, change.key, change.seq, canonicalJson(change.data), now());
      projectOne(change.collection, change.key, change.data);
    },
    /** A live look-up's answer: applied only if newer than what the mirror has. */
    applyIfNewer(collection: Collection, key: string, seq: number, data: unknown): boolean {
      const cur = rowSeq.get(collection, key);
      if (cur && cur.seq > seq) return false;
      upsertRow.run(collection, key, Math.max(seq, cur?.seq ?? 0), canonicalJson(data), now());
      projectOne(collection, key, data);
      return true;
    },
    /** Re-projects one dossier from the mirror (after the district rejected our change to it). */
    reproject(code: string): void {
      const r = rowSeq.get('dossier', code);
      if (r) projectOne('dossier', code, JSON.parse(r.data));
    },
    projectOne,
  };
}
export type Projector = ReturnType<typeof createProjector>;
