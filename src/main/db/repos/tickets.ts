import type { Db } from '../open';
import type { PriorityReason, TicketStatus, WaitingTicket } from '../../../shared/domain';
import type { Ticket } from '../../../shared/api';

interface Row {
  id: number;
  office_day: string;
  number: string;
  service_id: number;
  service_name_vi: string;
  service_name_en: string;
  priority: PriorityReason | null;
  status: TicketStatus;
  issued_at: number;
  queued_at: number;
  called_at: number | null;
  serving_started_at: number | null;
  counter_id: number | null;
  counter_number: number | null;
  recall_count: number;
  transfer_count: number;
  requeue_count: number;
}
export interface TicketRecord extends Ticket {
  queuedAt: number;
  requeueCount: number;
}
const toTicket = (r: Row): TicketRecord => ({
  id: r.id,
  number: r.number,
  officeDay: r.office_day,
  serviceId: r.service_id,
  serviceNameVi: r.service_name_vi,
  serviceNameEn: r.service_name_en,
  priority: r.priority,
  status: r.status,
  issuedAt: r.issued_at,
  queuedAt: r.queued_at,
  calledAt: r.called_at,
  servingStartedAt: r.serving_started_at,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  recallCount: r.recall_count,
  transferCount: r.transfer_count,
  requeueCount: r.requeue_count,
});

const SELECT = `
  SELECT t.*, s.name_vi AS service_name_vi, s.name_en AS service_name_en, c.number AS counter_number
  FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id`;

export interface WaitingRow {
  id: number;
  service_id: number;
  priority: number;
  queued_at: number;
}

export type TicketEventKind = 'issue' | 'call' | 'recall' | 'no_show' | 'start' | 'finish' | 'transfer' | 'requeue';

export function ticketsRepo(db: Db) {
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE t.id = ?`);
  const atCounter = db.prepare<[number, string], Row>(
    `${SELECT} WHERE t.counter_id = ? AND t.office_day = ? AND t.status IN ('called', 'serving') ORDER BY t.called_at DESC LIMIT 1`,
  );
  const nextSeq = db.prepare<[string, number], { last_seq: number }>(`
    INSERT INTO day_sequences (office_day, service_id, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (office_day, service_id) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq`);
  const insert = db.prepare(`
    INSERT INTO tickets (office_day, number, seq, origin_service_id, service_id, priority, status, source, issued_at, queued_at)
    VALUES (@officeDay, @number, @seq, @serviceId, @serviceId, @priority, 'waiting', @source, @now, @now)`);
  // Every ticket waiting today in an active service: what the call rule and the call forecast
  // (src/shared/domain/callOrder.ts, callForecast.ts) choose from. The tickets_queue index covers it.
  const waitingToday = db.prepare<[string], WaitingRow>(`
    SELECT t.id, t.service_id, t.priority IS NOT NULL AS priority, t.queued_at FROM tickets t
    JOIN services s ON s.id = t.service_id AND s.active = 1
    WHERE t.office_day = ? AND t.status = 'waiting'`);
  const waitingCounts = db.prepare<[string], { service_id: number; waiting: number; priority_waiting: number }>(`
    SELECT service_id, count(*) AS waiting, count(priority) AS priority_waiting
    FROM tickets WHERE office_day = ? AND status = 'waiting' GROUP BY service_id`);
  const call = db.prepare(
    "UPDATE tickets SET status = 'called', called_at = @now, counter_id = @counterId, clerk_id = @clerkId WHERE id = @id AND status = 'waiting'",
  );
  const setStatus = db.prepare('UPDATE tickets SET status = @status WHERE id = @id AND status = @from');
  const recall = db.prepare("UPDATE tickets SET recall_count = recall_count + 1, called_at = @now WHERE id = @id AND status = 'called'");
  const start = db.prepare("UPDATE tickets SET status = 'serving', serving_started_at = @now WHERE id = @id AND status = 'called'");
  const finish = db.prepare("UPDATE tickets SET status = 'done', finished_at = @now WHERE id = @id AND status = 'serving'");
  const noShow = db.prepare("UPDATE tickets SET status = 'no_show', finished_at = @now WHERE id = @id AND status = 'called'");
  const transfer = db.prepare(`
    UPDATE tickets SET status = 'waiting', service_id = @serviceId, counter_id = NULL, clerk_id = NULL,
      called_at = NULL, serving_started_at = NULL, recall_count = 0, transfer_count = transfer_count + 1
    WHERE id = @id AND status IN ('called', 'serving')`);
  const requeue = db.prepare(`
    UPDATE tickets SET status = 'waiting', counter_id = NULL, clerk_id = NULL, called_at = NULL, finished_at = NULL,
      recall_count = 0, requeue_count = requeue_count + 1
    WHERE id = @id AND status = 'no_show'`);
  const insertEvent = db.prepare(`
    INSERT INTO ticket_events (ticket_id, at, kind, counter_id, clerk_id, from_service_id, to_service_id)
    VALUES (@ticketId, @at, @kind, @counterId, @clerkId, @fromServiceId, @toServiceId)`);
  const recentDurations = db.prepare<[number, number], { d: number }>(`
    SELECT finished_at - serving_started_at AS d FROM tickets
    WHERE service_id = ? AND status = 'done' AND serving_started_at IS NOT NULL AND finished_at > ?
    ORDER BY finished_at DESC LIMIT 10`);
  const lastCalls = db.prepare<[number, string, number], { ticket_number: string; counter_number: number; counter_name: string; at: number }>(`
    SELECT t.number AS ticket_number, c.number AS counter_number, c.name AS counter_name, e.at
    FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
    WHERE e.kind IN ('call', 'recall') AND e.at >= ? AND t.office_day = ? ORDER BY e.at DESC, e.id DESC LIMIT ?`);
  const currentByCounter = db.prepare<[string], Row>(`${SELECT} WHERE t.office_day = ? AND t.status IN ('called', 'serving') AND t.counter_id IS NOT NULL`);
  const servedToday = db.prepare<[number, string], { n: number }>(
    "SELECT count(*) AS n FROM tickets WHERE counter_id = ? AND office_day = ? AND status = 'done'",
  );

  const run = (stmt: { run: (p: object) => { changes: number } }, p: object) => stmt.run(p).changes === 1;
  return {
    get: (id: number): TicketRecord | undefined => {
      const r = byId.get(id);
      return r ? toTicket(r) : undefined;
    },
    atCounter: (counterId: number, officeDay: string): TicketRecord | undefined => {
      const r = atCounter.get(counterId, officeDay);
      return r ? toTicket(r) : undefined;
    },
    /** Bumps and returns the day's sequence of a service; call inside the insert's transaction. */
    nextSeq: (officeDay: string, serviceId: number): number => nextSeq.get(officeDay, serviceId)!.last_seq,
    insert: (t: { officeDay: string; number: string; seq: number; serviceId: number; priority: PriorityReason | null; source: 'kiosk' | 'counter'; now: number }) =>
      Number(insert.run(t).lastInsertRowid),
    waitingToday: (officeDay: string): WaitingTicket[] =>
      waitingToday.all(officeDay).map((w) => ({ id: w.id, serviceId: w.service_id, priority: w.priority === 1, queuedAt: w.queued_at })),
    waitingCounts: (officeDay: string) => waitingCounts.all(officeDay),
    call: (id: number, counterId: number, clerkId: number, now: number) => run(call, { id, counterId, clerkId, now }),
    recall: (id: number, now: number) => run(recall, { id, now }),
    start: (id: number, now: number) => run(start, { id, now }),
    finish: (id: number, now: number) => run(finish, { id, now }),
    noShow: (id: number, now: number) => run(noShow, { id, now }),
    transfer: (id: number, serviceId: number) => run(transfer, { id, serviceId }),
    requeue: (id: number) => run(requeue, { id }),
    setStatus: (id: number, from: TicketStatus, status: TicketStatus) => run(setStatus, { id, from, status }),
    event: (e: { ticketId: number; at: number; kind: TicketEventKind; counterId?: number | null; clerkId?: number | null; fromServiceId?: number | null; toServiceId?: number | null }) =>
      void insertEvent.run({ counterId: null, clerkId: null, fromServiceId: null, toServiceId: null, ...e }),
    recentDurations: (serviceId: number, since: number) => recentDurations.all(serviceId, since).map((r) => r.d),
    /** The day's last calls; `since` (≤ 24 h ago) bounds the scan to recent events, not the whole history. */
    lastCalls: (officeDay: string, since: number, limit: number) => lastCalls.all(since, officeDay, limit),
    currentAtCounters: (officeDay: string) => currentByCounter.all(officeDay).map(toTicket),
    servedToday: (counterId: number, officeDay: string) => servedToday.get(counterId, officeDay)?.n ?? 0,
  };
}
export type TicketsRepo = ReturnType<typeof ticketsRepo>;
