import { randomInt } from 'node:crypto';
import { checkCccd, DOSSIER_STATUS, dueAt, foldVietnamese, formatDossierCode, isValidPassport, MAX_DOSSIER_SEQ, SECRET_ALPHABET, SECRET_LENGTH } from '../../shared/domain';
import { AppError, type Dossier, type RegisterDossierBody, type ValidationIssue } from '../../shared/api';
import type { Actor } from './queue';
import { recordDossierReceived } from '../sync/hooks';
import type { DossierContext, DossierGuards } from './dossierContext';
import type { DossierReader } from './dossierRead';

const CCCD_REASONS: Record<'format' | 'province' | 'century' | 'birth_year', string> = {
  format: 'a CCCD number has exactly 12 digits',
  province: 'its first 3 digits are not a Vietnamese province code',
  century: 'its 4th digit (century and sex) must be 0, 1, 2 or 3',
  birth_year: 'its 5th and 6th digits give a birth year in the future',
};

/** An identity-number problem in the contract's validation shape; the rule names the reason so screens can translate it. */
const idIssue = (path: string, message: string, reason: string): ValidationIssue => ({ path, message, rule: `id_${reason}` });

function newSecret(): string {
  let s = '';
  for (let i = 0; i < SECRET_LENGTH; i++) s += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return s;
}

/** Registering a dossier at the counter: identity checks, the served ticket, code, due at acceptance, documents. */
export function createDossierRegistration({ store, clock, options, skipHolidays }: DossierContext, { requireDossier }: DossierGuards, { describe }: DossierReader) {
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

  return { register };
}
