import { auditDossier } from './dossierAudit';
import { randomInt } from 'node:crypto';
import {
  canMoveDossier,
  checkCccd,
  clockRuns,
  DOSSIER_STATUS,
  dossierStatusKey,
  dueAt,
  dueStatus,
  extensionProblem,
  EXTENSION_PROBLEM_WORDS,
  foldVietnamese,
  formatDossierCode,
  isValidPassport,
  MAX_DOSSIER_SEQ,
  parseScannedCode,
  SECRET_ALPHABET,
  SECRET_LENGTH,
  workingHoursBetween,
  type DossierStatusKey,
  type DueStatus,
  type WorkingCalendar,
} from '../../shared/domain';
import { AppError, type ValidationIssue, type Dossier, type DossierListQuery, type DossierSummary, type RegisterDossierBody } from '../../shared/api';
import type { Store } from '../db/store';
import type { DossierEventRow, DossierRow } from '../db/repos/dossiers';
import type { Clock } from './clock';
import type { Actor } from './queue';
import type { ApologySlipInput, OfficeInfo, ReceiptInput, RefusalSlipInput, SlipInput, SupplementSlipInput } from './documents/types';
import { formSettingsRepo } from '../db/repos/formSettings';
import { recordDossierAppointment, recordDossierReceived, recordDossierTransition } from '../sync/hooks';

/** How a status reads in an error message. */
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

const CCCD_REASONS: Record<'format' | 'province' | 'century' | 'birth_year', string> = {
  format: 'a CCCD number has exactly 12 digits',
  province: 'its first 3 digits are not a Vietnamese province code',
  century: 'its 4th digit (century and sex) must be 0, 1, 2 or 3',
  birth_year: 'its 5th and 6th digits give a birth year in the future',
};

/** An identity-number problem in the contract's validation shape; the rule names the reason so screens can translate it. */
const idIssue = (path: string, message: string, reason: string): ValidationIssue => ({ path, message, rule: `id_${reason}` });

export interface DossierServiceOptions {
  /** The office's working calendar; read on every computation so an edit applies at once. */
  calendar: () => WorkingCalendar;
  /** Calendar-day procedures skip official days off (issue 3: "when so configured"). */
  skipHolidaysForCalendarDays?: boolean;
  /** Nearly due while at most this many working hours are left (the supervisor setting; read on every computation). */
  nearlyDueWorkingHours?: () => number;
}

function newSecret(): string {
  let s = '';
  for (let i = 0; i < SECRET_LENGTH; i++) s += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return s;
}

const keyOf = (status: number): DossierStatusKey => {
  const k = dossierStatusKey(status);
  if (!k) throw new Error(`dossier status ${status} is not on the national list`);
  return k;
};

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
  const formSettings = formSettingsRepo(store.db, () => store.settings.office().name);

  function checkIdNumber(path: string, idType: 'cccd' | 'passport', idNumber: string): void {
    if (idType === 'cccd') {
      const r = checkCccd(idNumber, Number(clock.officeDay().slice(0, 4)));
      if (!r.ok) {
        throw new AppError(400, 'INVALID_ID_NUMBER', `The CCCD number ${idNumber.slice(0, 20)} is not valid: ${CCCD_REASONS[r.reason]}.`, [idIssue(path, CCCD_REASONS[r.reason], r.reason)]);
      }
    } else if (!isValidPassport(idNumber)) {
      throw new AppError(400, 'INVALID_ID_NUMBER', `The passport number ${idNumber.slice(0, 20)} is not valid: use 6–12 letters and digits.`, [idIssue(path, 'use 6–12 letters and digits', 'passport')]);
    }
  }

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

  /** The ticket being served at the clerk's own counter. */
  function requireServedTicket(actor: Actor, ticketId: number): { ticketId: number; counterId: number } {
    const counter = actor.counterId === null ? undefined : store.counters.get(actor.counterId);
    if (!counter || counter.clerkId !== actor.clerkId) throw new AppError(409, 'COUNTER_NOT_OPEN', 'Open your counter first: a dossier from a ticket is registered at the counter serving it.');
    const ticket = store.tickets.get(ticketId);
    if (!ticket || ticket.officeDay !== clock.officeDay()) throw new AppError(404, 'UNKNOWN_TICKET', `There is no ticket with id ${ticketId} today.`);
    if (ticket.counterId !== counter.id) throw new AppError(409, 'NOT_YOUR_TICKET', `Ticket ${ticket.number} is not at your counter.`);
    if (ticket.status !== 'serving') {
      throw new AppError(409, 'INVALID_TICKET_STATE', `Ticket ${ticket.number} is ${ticket.status}, not being served: start serving it first.`, { status: ticket.status });
    }
    return { ticketId: ticket.id, counterId: counter.id };
  }

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

  // ---- registering -----------------------------------------------------------------

  function register(actor: Actor, body: RegisterDossierBody): Dossier {
    const code = store.write(() => {
      const procedure = store.catalogue.get(body.procedureCode);
      if (!procedure || !procedure.active) throw new AppError(404, 'UNKNOWN_PROCEDURE', `There is no procedure with code ${body.procedureCode.slice(0, 40)} in the catalogue.`);
      checkIdNumber('applicant.idNumber', body.applicant.idType, body.applicant.idNumber);
      if (body.owner) checkIdNumber('owner.idNumber', body.owner.idType, body.owner.idNumber);
      const served = body.ticketId == null ? null : requireServedTicket(actor, body.ticketId);
      const counterId = served?.counterId ?? (actor.counterId !== null && store.counters.get(actor.counterId)?.clerkId === actor.clerkId ? actor.counterId : null);

      const now = clock.now();
      const day = clock.officeDay();
      const seq = store.dossiers.nextSeq(day);
      if (seq > MAX_DOSSIER_SEQ) throw new AppError(409, 'DAILY_LIMIT', `The office has registered its maximum of ${MAX_DOSSIER_SEQ} dossiers today.`);
      const dossierCode = formatDossierCode(store.settings.office().agencyCode, day, seq);
      const year = Number(day.slice(0, 4));
      const accepted = DOSSIER_STATUS.accepted;
      const due = dueAt({
        acceptedAt: now,
        processing: { value: procedure.processing.value, unit: procedure.processing.unit },
        calendar: options.calendar(),
        skipHolidaysForCalendarDays: skipHolidays,
      });
      if (due.paused) throw new Error('a new dossier has no pause');
      const id = store.dossiers.insert({
        code: dossierCode,
        secret: newSecret(),
        officeDay: day,
        seq,
        procedureCode: procedure.code,
        procedureNameVi: procedure.nameVi,
        procedureNameEn: procedure.nameEn,
        processingValue: procedure.processing.value,
        processingUnit: procedure.processing.unit,
        processingHours: procedure.processing.hours,
        applicantName: body.applicant.fullName,
        applicantNameFolded: foldVietnamese(body.applicant.fullName),
        applicantIdType: body.applicant.idType,
        applicantIdNumber: body.applicant.idNumber,
        applicantPhone: body.applicant.phone,
        applicantEmail: body.applicant.email ?? null,
        applicantAddress: body.applicant.address,
        owner: body.owner ? JSON.stringify({ fullName: body.owner.fullName, idType: body.owner.idType, idNumber: body.owner.idNumber }) : null,
        sets: body.sets,
        feeCollected: body.feeCollected,
        resultDelivery: body.resultDelivery,
        postalAddress: body.resultDelivery === 'post' ? (body.postalAddress ?? null) : null,
        notes: body.notes,
        status: accepted,
        acceptedAt: now,
        dueAt: due.dueMs,
        clerkId: actor.clerkId,
        counterId,
        ticketId: served?.ticketId ?? null,
        bookYear: year,
        bookNumber: store.dossiers.nextBookNumber(year),
        now,
        channel: body.channel,
        hasFee: (procedure.fee.amount ?? 0) > 0 || body.feeCollected > 0,
      });
      body.documents.forEach((d, i) =>
        store.dossiers.insertDocument({
          dossierId: id,
          position: i + 1,
          nameVi: d.nameVi,
          nameEn: d.nameEn ?? null,
          originals: d.originals,
          certifiedCopies: d.certifiedCopies,
          photocopies: d.photocopies,
          received: d.received,
        }),
      );
      store.catalogue.versions.stampDossier(id, procedure.version, procedure.level);
      store.dossiers.event({ dossierId: id, at: now, actor: 'clerk', clerkId: actor.clerkId, fromStatus: null, toStatus: accepted });
      recordDossierReceived(store.db, dossierCode);
      return dossierCode;
    });
    return describe(requireDossier(code));
  }

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

  /** The header every form prints, from /admin → Office (migration 20 filled it from the office name once). */
  function officeForDocs(): OfficeInfo {
    const h = formSettings.header();
    return { agencyName: h.parentAgency, centreName: h.agencyName, place: h.place, timeZone: clock.timeZone };
  }

  /** What every slip shares: office, dossier, applicant, the clerk who issued it and when. */
  function slipBase(d: Dossier, event: { at: number; clerkName: string | null }): SlipInput {
    return {
      office: officeForDocs(),
      dossier: { code: d.code, secret: d.secret, procedureName: d.procedure.nameVi, receivedAt: d.acceptedAt },
      applicant: { fullName: d.applicant.fullName, address: d.applicant.address, phone: d.applicant.phone, email: d.applicant.email },
      clerkName: event.clerkName ?? d.clerk?.fullName ?? '',
      issuedAt: event.at,
    };
  }

  /**
   * The slips, rebuilt from what the timeline recorded, so any can be reprinted:
   * the last supplement request, the refusal, the last new appointment.
   */
  function slipInput(code: string, kind: 'supplement' | 'refusal' | 'apology'): SupplementSlipInput | RefusalSlipInput | ApologySlipInput {
    const row = requireDossier(code);
    const d = describe(row);
    const events = store.dossiers.events(row.id);
    const none = (what: string) => new AppError(409, 'INVALID_DOSSIER_STATE', `Dossier ${row.code} has no ${what} to print.`, { status: row.status, statusKey: keyOf(row.status) });
    if (kind === 'supplement') {
      const pause = store.dossiers.pauses(row.id).at(-1);
      const e = [...events].reverse().find((x) => x.to_status === DOSSIER_STATUS.supplement_requested);
      if (!pause || !e) throw none('supplement request');
      return { ...slipBase(d, { at: pause.from_at, clerkName: e.clerk_name }), missingItems: JSON.parse(pause.items) as string[], reason: pause.reason };
    }
    if (kind === 'refusal') {
      const e = events.find((x) => x.to_status === DOSSIER_STATUS.refused);
      if (!e) throw none('refusal');
      return { ...slipBase(d, { at: e.at, clerkName: e.clerk_name }), reason: e.note ?? '' };
    }
    const moves = events.filter((x) => x.new_due_at !== null);
    const last = moves.at(-1);
    if (!last) throw none('new appointment');
    const before = moves.at(-2)?.new_due_at ?? row.due_at;
    return { ...slipBase(d, { at: last.at, clerkName: last.clerk_name }), reason: last.note ?? '', oldDueAt: before, newDueAt: last.new_due_at! };
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

  /** The dossier mapped onto the receipt's input (reprinted any time; while paused, the due printed at acceptance). */
  function receiptInput(code: string): ReceiptInput {
    const row = requireDossier(code);
    const d = describe(row);
    const unit = d.procedure.processingUnit;
    return {
      office: officeForDocs(),
      dossier: {
        code: d.code,
        secret: d.secret,
        procedureName: d.procedure.nameVi,
        receivedAt: d.acceptedAt,
        sets: d.sets,
        processingTime: unit === 'working_hours' ? { value: d.procedure.processingValue / 8, unit: 'working_days' } : { value: d.procedure.processingValue, unit },
        dueAt: d.dueAt ?? row.due_at,
        resultDelivery: d.resultDelivery,
        deliveryAddress: d.postalAddress,
        feeVnd: d.feeCollected,
        registerBook: { volume: String(d.registerBook.book), entry: d.registerBook.number },
      },
      applicant: { fullName: d.applicant.fullName, address: d.applicant.address, phone: d.applicant.phone, email: d.applicant.email },
      documents: d.documents.filter((x) => x.received).map((x) => ({ name: x.nameVi, originals: x.originals, certifiedCopies: x.certifiedCopies, photocopies: x.photocopies })),
      clerkName: d.clerk?.fullName ?? '',
    };
  }

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
