import { clockRuns, DOSSIER_STATUS, dueAt, dueStatus, workingHoursBetween, type DueStatus } from '../../shared/domain';
import type { Dossier, DossierSummary } from '../../shared/api';
import type { DossierEventRow, DossierRow } from '../db/repos/dossiers';
import { keyOf, type DossierContext } from './dossierContext';

/**
 * Reading a dossier: the stored row projected onto the contract, with the due time, overdue and
 * nearly due computed on every read from the acceptance time, the procedure snapshot, the
 * supplement pauses, the current calendar and the clock.
 */
export function createDossierReader({ store, clock, options, skipHolidays }: DossierContext) {
  // ---- reading: due time computed on read ----------------------------------------

  interface DueView {
    dueAt: number | null;
    dueStatus: DueStatus | null;
    paused: boolean;
    remainingWorkingHours: number | null;
  }

  function dueView(row: DossierRow, pauses: readonly { from_at: number; to_at: number | null }[], events: readonly DossierEventRow[]): DueView {
    const calendar = options.calendar();
    const key = keyOf(row.status);
    const due = dueAt({
      acceptedAt: row.accepted_at,
      processing: { value: row.processing_value, unit: row.processing_unit },
      calendar,
      skipHolidaysForCalendarDays: skipHolidays,
      pauses: pauses.map((p) => ({ from: p.from_at, to: p.to_at })),
    });
    if (due.paused) return { dueAt: null, dueStatus: null, paused: true, remainingWorkingHours: due.remainingWorkingHours };
    // A new appointment (apology-and-new-date slip, or the district extending the time) replaces the computed due.
    const moved = appointment(events);
    if (moved !== null) due.dueMs = moved;
    const now = clock.now();
    if (clockRuns(key) || key === 'supplement_requested') {
      return {
        dueAt: due.dueMs,
        dueStatus: dueStatus(due.dueMs, now, calendar, options.nearlyDueWorkingHours?.()),
        paused: false,
        remainingWorkingHours: workingHoursBetween(now, due.dueMs, calendar),
      };
    }
    if (key === 'result_ready' || key === 'handed_over') {
      // Judged at the moment the result was ready: late or in time, for good.
      const at = resultReadyAt(events) ?? now;
      return { dueAt: due.dueMs, dueStatus: at > due.dueMs ? 'overdue' : 'on_time', paused: false, remainingWorkingHours: null };
    }
    return { dueAt: due.dueMs, dueStatus: null, paused: false, remainingWorkingHours: null };
  }

  const appointment = (events: readonly DossierEventRow[]): number | null =>
    events
      .map((e) => e.new_due_at)
      .filter((v): v is number => v !== null)
      .at(-1) ?? null;

  const resultReadyAt = (events: readonly { to_status: number; at: number }[]) => events.find((e) => e.to_status === DOSSIER_STATUS.result_ready)?.at ?? null;

  function summary(row: DossierRow): DossierSummary {
    const pauses = store.dossiers.pauses(row.id);
    return {
      ...summaryFields(row),
      ...dueView(row, pauses, store.dossiers.events(row.id)),
    };
  }

  function summaryFields(row: DossierRow) {
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      statusKey: keyOf(row.status),
      procedure: {
        code: row.procedure_code,
        nameVi: row.procedure_name_vi,
        nameEn: row.procedure_name_en,
        processingValue: row.processing_value,
        processingUnit: row.processing_unit,
        level: row.procedure_level ?? null,
        version: row.procedure_version ?? null,
      },
      applicantName: row.applicant_name,
      acceptedAt: row.accepted_at,
      channel: row.channel as 1 | 2 | 3,
      stage: row.stage,
      department: row.department,
    };
  }

  function describe(row: DossierRow): Dossier {
    const pauses = store.dossiers.pauses(row.id);
    const events = store.dossiers.events(row.id);
    const open = keyOf(row.status) === 'supplement_requested' ? pauses.find((p) => p.to_at === null) : undefined;
    return {
      ...summaryFields(row),
      ...dueView(row, pauses, events),
      secret: row.secret,
      applicant: {
        fullName: row.applicant_name,
        idType: row.applicant_id_type,
        idNumber: row.applicant_id_number,
        phone: row.applicant_phone,
        email: row.applicant_email,
        address: row.applicant_address,
      },
      owner: row.owner === null ? null : (JSON.parse(row.owner) as Dossier['owner']),
      documents: store.dossiers.documents(row.id).map((d) => ({
        nameVi: d.name_vi,
        nameEn: d.name_en,
        originals: d.originals,
        certifiedCopies: d.certified_copies,
        photocopies: d.photocopies,
        received: d.received === 1,
      })),
      sets: row.sets,
      feeCollected: row.fee_collected,
      paymentStatus: row.payment_status ?? null,
      resultDelivery: row.result_delivery,
      postalAddress: row.postal_address,
      notes: row.notes,
      supplement: open ? { requestedAt: open.from_at, items: JSON.parse(open.items) as string[], reason: open.reason } : null,
      clerk: row.clerk_id === null ? null : { id: row.clerk_id, fullName: row.clerk_name ?? '' },
      counterId: row.counter_id,
      ticketNumber: row.ticket_number,
      registerBook: { book: row.book_year, number: row.book_number },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      events: events.map((e) => ({
        at: e.at,
        actor: { kind: e.actor, clerkId: e.clerk_id, name: e.actor === 'district' ? null : e.clerk_name },
        fromStatus: e.from_status,
        toStatus: e.to_status,
        stage: e.stage,
        note: e.note,
      })),
    };
  }

  return { summary, describe };
}
export type DossierReader = ReturnType<typeof createDossierReader>;
