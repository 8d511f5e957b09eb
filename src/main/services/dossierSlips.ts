import { DOSSIER_STATUS } from '../../shared/domain';
import { AppError, type Dossier } from '../../shared/api';
import type { ApologySlipInput, OfficeInfo, ReceiptInput, RefusalSlipInput, SlipInput, SupplementSlipInput } from './documents/types';
import { keyOf, type DossierContext, type DossierGuards } from './dossierContext';
import type { DossierReader } from './dossierRead';
import { formSettingsRepo } from '../db/repos/formSettings';

/** What the receipt and the slips print, rebuilt from the stored dossier and its timeline. */

export function createDossierSlips({ store, clock }: DossierContext, { requireDossier }: DossierGuards, { describe }: DossierReader) {
  const formSettings = formSettingsRepo(store.db, () => store.settings.office().name);

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

  return { slipInput, receiptInput, officeForDocs, slipBase };
}
