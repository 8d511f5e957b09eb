import type { Db } from '../db/open';
import { enqueueMutation, ticketGlobalId } from './outbox';
import type { DossierStatusKey } from '../../shared/domain';
import type { RatingRecord } from '../../shared/api';

/**
 * One-line calls the queue and dossier services make inside their own write
 * transactions: each reads what it needs from the rows just written and
 * enqueues the matching mutation.
 */
export function recordTicketIssued(db: Db, ticketId: number): void {
  const t = db
    .prepare<[number], { office_day: string; number: string; prefix: string; priority: string | null; source: 'kiosk' | 'counter'; issued_at: number }>(
      'SELECT t.office_day, t.number, s.prefix, t.priority, t.source, t.issued_at FROM tickets t JOIN services s ON s.id = t.origin_service_id WHERE t.id = ?',
    )
    .get(ticketId);
  if (!t) return;
  enqueueMutation(db, 'ticket.issued', {
    id: ticketGlobalId(db, ticketId),
    officeDay: t.office_day,
    number: t.number,
    serviceCode: t.prefix,
    priority: t.priority as 'elderly' | null,
    source: t.source,
    issuedAt: t.issued_at,
  });
}

/** A ticket's service ended (done or no-show). Only for tickets whose issue went into the outbox (not those from before sync existed). */
export function recordTicketClosed(db: Db, ticketId: number): void {
  const t = db
    .prepare<[number], { status: string; counter_number: number | null; called_at: number | null; serving_started_at: number | null; finished_at: number | null; global_id: string }>(
      `SELECT t.status, c.number AS counter_number, t.called_at, t.serving_started_at, t.finished_at, i.global_id
       FROM tickets t JOIN sync_ids i ON i.entity = 'ticket' AND i.local_id = t.id LEFT JOIN counters c ON c.id = t.counter_id WHERE t.id = ?`,
    )
    .get(ticketId);
  if (!t || (t.status !== 'done' && t.status !== 'no_show' && t.status !== 'cancelled')) return;
  enqueueMutation(db, 'ticket.closed', {
    id: t.global_id,
    status: t.status,
    counterNumber: t.counter_number,
    calledAt: t.called_at,
    servingStartedAt: t.serving_started_at,
    finishedAt: t.finished_at,
  });
}

export function recordDossierReceived(db: Db, code: string): void {
  const d = db
    .prepare<[string], Record<string, unknown> & { id: number; ticket_id: number | null; clerk_name: string | null }>(
      'SELECT d.*, c.full_name AS clerk_name FROM dossiers d LEFT JOIN clerks c ON c.id = d.clerk_id WHERE d.code = ?',
    )
    .get(code);
  if (!d) return;
  const docs = db
    .prepare<[number], { name_vi: string; name_en: string | null; originals: number; certified_copies: number; photocopies: number; received: number }>(
      'SELECT name_vi, name_en, originals, certified_copies, photocopies, received FROM dossier_documents WHERE dossier_id = ? ORDER BY position',
    )
    .all(d.id);
  enqueueMutation(
    db,
    'dossier.received',
    {
      code,
      procedureCode: d.procedure_code as string,
      procedureNameVi: d.procedure_name_vi as string,
      applicantName: d.applicant_name as string,
      applicantIdType: d.applicant_id_type as 'cccd',
      applicantIdNumber: d.applicant_id_number as string,
      applicantPhone: d.applicant_phone as string,
      applicantAddress: d.applicant_address as string,
      sets: d.sets as number,
      feeCollected: d.fee_collected as number,
      resultDelivery: d.result_delivery as 'counter',
      acceptedAt: d.accepted_at as number,
      dueAt: d.due_at as number,
      channel: d.channel as 1 | 3,
      ticketId: d.ticket_id === null ? null : ticketGlobalId(db, d.ticket_id),
      clerkName: d.clerk_name,
      documents: docs.map((x) => ({ nameVi: x.name_vi, nameEn: x.name_en, originals: x.originals, certifiedCopies: x.certified_copies, photocopies: x.photocopies, received: x.received === 1 })),
    },
    code,
  );
}

/** A hub-owned move: refusal, supplement request and arrival, the applicant's withdrawal, result ready at the counter, hand-back. */
export function recordDossierTransition(db: Db, code: string, from: DossierStatusKey, to: DossierStatusKey, at: number, note: string | null): void {
  let kind: 'refused' | 'supplement_requested' | 'supplement_received' | 'withdrawn' | 'result_ready' | 'handed_over' | 'stopped';
  if (from === 'supplement_requested' && (to === 'accepted' || to === 'processing')) kind = 'supplement_received';
  else if (to === 'refused' || to === 'supplement_requested' || to === 'withdrawn' || to === 'result_ready' || to === 'handed_over' || to === 'stopped') kind = to;
  else return;
  let items: string[] | null = null;
  if (kind === 'supplement_requested') {
    const p = db
      .prepare<[string], { items: string }>('SELECT p.items FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id WHERE d.code = ? AND p.to_at IS NULL')
      .get(code);
    items = p ? (JSON.parse(p.items) as string[]) : [];
  }
  enqueueMutation(db, 'dossier.transition', { code, to: kind, at, note, items }, code);
}

export function recordDossierAppointment(db: Db, code: string, at: number, newDueAt: number, reason: string): void {
  enqueueMutation(db, 'dossier.appointment', { code, at, newDueAt, reason }, code);
}

/** A citizen's rating (src/main/services/supervisor/ratings.ts), with the ticket known by its global id. */
export function recordRating(db: Db, rating: RatingRecord): void {
  enqueueMutation(db, 'rating.record', {
    ...rating,
    ticketId: rating.ticketId === null ? null : ticketGlobalId(db, Number(rating.ticketId)),
  }, rating.id);
}
