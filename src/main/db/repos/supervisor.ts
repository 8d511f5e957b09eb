import type { Db } from '../open';
import type { DossierRow } from './dossiers';
import { DEFAULT_NEARLY_DUE_WORKING_HOURS, type RatingLevel } from '../../../shared/domain';
import { supervisorSettingsSchema, type SupervisorSettings } from '../../../shared/api';

export const DEFAULT_SUPERVISOR_SETTINGS: SupervisorSettings = {
  maxWaitingPerService: 15,
  maxWaitMinutes: 30,
  alertDueToday: true,
  ratingCriteria: false,
  ratingIdleSeconds: 30,
  nearlyDueWorkingHours: DEFAULT_NEARLY_DUE_WORKING_HOURS,
};

export interface TicketEventRow {
  ticket_id: number;
  office_day: string;
  origin_service_id: number;
  at: number;
  kind: 'issue' | 'call' | 'recall' | 'no_show' | 'start' | 'finish' | 'transfer' | 'requeue';
  counter_id: number | null;
  clerk_id: number | null;
  to_service_id: number | null;
}

export interface RatingRow {
  id: string;
  subject: 'ticket' | 'dossier';
  office_day: string;
  ticket_id: number | null;
  dossier_code: string | null;
  clerk_id: number | null;
  counter_id: number | null;
  level: RatingLevel;
  criteria: string | null;
  created_at: number;
}

/**
 * The reads behind the supervisor's figures, alerts and rating prompt, and the
 * ratings table. Every query goes through an index named in migration 0001,
 * 0004 or 0007; the range reads take office days or instants, never more.
 */
export function supervisorRepo(db: Db) {
  const getSettings = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'supervisor'");
  const putSettings = db.prepare<[string]>("INSERT INTO settings (key, value) VALUES ('supervisor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  // UNIQUE (office_day, number) finds the range's tickets in that order and ticket_events_ticket their
  // events in id order, so this ORDER BY needs no sort: each ticket's events come together, in order.
  const ticketEvents = db.prepare<[string, string], TicketEventRow>(`
    SELECT e.ticket_id, t.office_day, t.origin_service_id, e.at, e.kind, e.counter_id, e.clerk_id, e.to_service_id
    FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
    WHERE t.office_day BETWEEN ? AND ? ORDER BY t.office_day, t.number, e.id`);
  const DOSSIER = `SELECT d.*, c.full_name AS clerk_name, t.number AS ticket_number
    FROM dossiers d LEFT JOIN clerks c ON c.id = d.clerk_id LEFT JOIN tickets t ON t.id = d.ticket_id`;
  const services = db.prepare<[], { id: number; name_vi: string; name_en: string; sort: number }>('SELECT id, name_vi, name_en, sort FROM services ORDER BY sort, id');
  const counters = db.prepare<[], { id: number; number: number; name: string }>('SELECT id, number, name FROM counters ORDER BY number');
  const clerks = db.prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM clerks ORDER BY id');
  const received = db.prepare<[number, number], DossierRow>(`${DOSSIER} WHERE d.accepted_at >= ? AND d.accepted_at < ? ORDER BY d.id`);
  const handedBack = db.prepare<[number, number], DossierRow>(`${DOSSIER}
    WHERE d.id IN (SELECT dossier_id FROM dossier_events WHERE to_status = 10 AND at >= ? AND at < ?) ORDER BY d.id`);
  // Open = the clock runs (2 accepted, 4 processing, 6 financial obligation) or waits for a supplement (5).
  // The due at acceptance is a lower bound of the due now (pauses, new appointments and extensions only move it later).
  const open = db.prepare<[number], DossierRow>(`${DOSSIER} WHERE d.status IN (2, 4, 5, 6) AND d.due_at < ? ORDER BY d.due_at, d.id`);
  const openVersion = db.prepare<[], { v: string }>(
    "SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || total(id) || ':' || total(status) AS v FROM dossiers WHERE status IN (2, 4, 5, 6)",
  );
  const fieldOf = db.prepare<[string], { field_vi: string; field_en: string }>('SELECT field_vi, field_en FROM procedures WHERE code = ?');
  const ratingsIn = db.prepare<[string, string], RatingRow>('SELECT * FROM ratings WHERE office_day BETWEEN ? AND ? ORDER BY created_at');
  const waitingOldest = db.prepare<[string], { service_id: number; waiting: number; oldest: number; number: string }>(`
    SELECT service_id, count(*) AS waiting, min(queued_at) AS oldest,
      (SELECT t2.number FROM tickets t2 WHERE t2.office_day = t.office_day AND t2.status = 'waiting' AND t2.service_id = t.service_id ORDER BY t2.queued_at, t2.id LIMIT 1) AS number
    FROM tickets t WHERE office_day = ? AND status = 'waiting' GROUP BY service_id`);
  const lastFinished = db.prepare<[number, number], { id: number; number: string; finished_at: number; clerk_id: number | null }>(`
    SELECT id, number, finished_at, clerk_id FROM tickets
    WHERE counter_id = ? AND status = 'done' AND finished_at >= ? ORDER BY finished_at DESC, id DESC LIMIT 1`);
  const lastHandBack = db.prepare<[number, number], { code: string; at: number; ticket_id: number | null }>(`
    SELECT d.code, e.at, d.ticket_id FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
    WHERE e.clerk_id = ? AND e.to_status = 10 AND e.at >= ? ORDER BY e.at DESC, e.id DESC LIMIT 1`);
  const dossierOfTicket = db.prepare<[number], { code: string }>('SELECT code FROM dossiers WHERE ticket_id = ? ORDER BY id DESC LIMIT 1');
  const ratedTicket = db.prepare<[number], { id: string }>('SELECT id FROM ratings WHERE ticket_id = ?');
  const ratedHandBack = db.prepare<[string], { id: string }>("SELECT id FROM ratings WHERE dossier_code = ? AND subject = 'dossier'");
  const insertRating = db.prepare(`
    INSERT INTO ratings (id, subject, office_day, ticket_id, dossier_code, clerk_id, counter_id, level, criteria, created_at)
    VALUES (@id, @subject, @officeDay, @ticketId, @dossierCode, @clerkId, @counterId, @level, @criteria, @createdAt)`);

  return {
    settings(): SupervisorSettings {
      const row = getSettings.get();
      // Parsed over the defaults so settings saved by an older version gain new fields.
      return supervisorSettingsSchema.parse({ ...DEFAULT_SUPERVISOR_SETTINGS, ...(row ? (JSON.parse(row.value) as object) : {}) });
    },
    setSettings: (s: SupervisorSettings) => void putSettings.run(JSON.stringify(s)),
    ticketEvents: (fromDay: string, toDay: string) => ticketEvents.all(fromDay, toDay),
    services: () => services.all(),
    counters: () => counters.all(),
    clerks: () => clerks.all(),
    received: (fromMs: number, toMs: number) => received.all(fromMs, toMs),
    handedBack: (fromMs: number, toMs: number) => handedBack.all(fromMs, toMs),
    /** Open dossiers; with `dueBefore`, only those whose due at acceptance is before it (the due now cannot be earlier). */
    open: (dueBefore = Number.MAX_SAFE_INTEGER) => open.all(dueBefore),
    /** Changes whenever a dossier enters, leaves or changes within the open set. */
    openVersion: () => openVersion.get()!.v,
    fieldOf: (procedureCode: string) => fieldOf.get(procedureCode),
    ratings: (fromDay: string, toDay: string) => ratingsIn.all(fromDay, toDay),
    waitingByService: (officeDay: string) => waitingOldest.all(officeDay),
    lastFinishedAt: (counterId: number, since: number) => lastFinished.get(counterId, since),
    lastHandBackBy: (clerkId: number, since: number) => lastHandBack.get(clerkId, since),
    dossierOfTicket: (ticketId: number) => dossierOfTicket.get(ticketId)?.code ?? null,
    isTicketRated: (ticketId: number) => ratedTicket.get(ticketId) !== undefined,
    /** Whether the hand-back of this dossier's result was rated (a visit's rating naming it does not count). */
    isHandBackRated: (code: string) => ratedHandBack.get(code) !== undefined,
    insertRating: (r: Omit<RatingRow, 'office_day' | 'created_at' | 'ticket_id' | 'dossier_code' | 'clerk_id' | 'counter_id'> & {
      officeDay: string;
      ticketId: number | null;
      dossierCode: string | null;
      clerkId: number | null;
      counterId: number | null;
      createdAt: number;
    }) => void insertRating.run(r),
  };
}
export type SupervisorRepo = ReturnType<typeof supervisorRepo>;
