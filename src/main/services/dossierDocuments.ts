import { AppError, type DossierDocumentKind } from '../../shared/api';
import {
  buildVietQr,
  dayStartMs,
  DOSSIER_STATUS,
  dossierStatusKey,
  FORM_REFUSAL_WORDS,
  formRefusal,
  handOverTiming,
  STATUS_NAME_VI,
  TRACKING_BOOK_MAX_DAYS,
  vietQrProblem,
  type DossierForm,
} from '../../shared/domain';
import type { FormSettings, TrackingBookQuery } from '../../shared/api/forms';
import type { Store } from '../db/store';
import { formSettingsRepo } from '../db/repos/formSettings';
import type { Clock } from './clock';
import type { DossierService } from './dossiers';
import type { AuditActor, AuditService } from './audit';
import { renderReceiptPdf, renderRefusalSlipPdf, renderSupplementSlipPdf, type ReceiptPaper, type RefusalSlipInput, type SupplementSlipInput } from './documents/dossierDocs';
import { renderControlSheetPdf, renderExtensionLetterPdf, renderStopNoticePdf, type HandOver } from './documents/forms03';
import { renderTrackingBookPdf, renderTrackingBookXlsx, type TrackingBookRow } from './documents/trackingBook';

/** The old document kinds are the forms' aliases (the receipt and slip routes stay). */
const FORM_OF_KIND: Record<DossierDocumentKind, DossierForm> = { receipt: '01', supplement: '02', refusal: '03', apology: '04' };
const FILE_NAME: Record<DossierForm, string> = { '01': 'mau01-giay-tiep-nhan', '02': 'mau02-yeu-cau-bo-sung', '03': 'mau03-tu-choi', '04': 'mau04-xin-loi-gia-han', '05': 'mau05-dung-giai-quyet', '06': 'mau06-phieu-kiem-soat' };

interface EventRow {
  at: number;
  actor: 'clerk' | 'district';
  clerk_name: string | null;
  from_status: number | null;
  to_status: number;
  stage: string | null;
  note: string | null;
  new_due_at: number | null;
  department: string | null;
  handler: string | null;
}

/**
 * One place that turns a dossier into any of its forms (Thông tư 03/2025/TT-VPCP
 * 01–06) and a period into the tracking book (07), for viewing, reprinting and
 * spooling alike. Whether a form applies is the domain's rule (formRefusal).
 */
export function createDossierDocuments(store: Store, clock: Clock, dossiers: DossierService, receiptPaper: () => ReceiptPaper, audit?: AuditService) {
  const forms = formSettingsRepo(store.db, () => store.settings.office().name);
  const eventsOf = store.db.prepare<[string], EventRow>(`
    SELECT e.at, e.actor, c.full_name AS clerk_name, e.from_status, e.to_status, e.stage, e.note, e.new_due_at, e.department, e.handler
    FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id LEFT JOIN clerks c ON c.id = e.clerk_id WHERE d.code = ? ORDER BY e.id`);
  const hasPause = store.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id WHERE d.code = ?');
  const appointmentSent = store.db.prepare<[string], { status: 'pending' | 'applied' | 'rejected' }>("SELECT status FROM sync_outbox WHERE subject = ? AND kind = 'dossier.appointment' ORDER BY seq DESC LIMIT 1");
  const paymentOf = store.db.prepare<[string], { payment_status: 'unpaid' | 'paid' | null }>('SELECT payment_status FROM dossiers WHERE code = ?');

  function applies(code: string, form: DossierForm): void {
    const d = dossiers.get(code);
    const events = eventsOf.all(d.code);
    const refusal = formRefusal(form, { status: d.statusKey, hasSupplementRequest: hasPause.get(d.code)!.n > 0, hasExtension: events.some((e) => e.new_due_at !== null) });
    if (refusal) throw new AppError(409, 'INVALID_DOSSIER_STATE', `Form ${form} does not apply to dossier ${d.code}: ${FORM_REFUSAL_WORDS[refusal]}.`, { status: d.status, statusKey: d.statusKey, form, reason: refusal });
  }

  /** The VietQR of the dossier's fee, when there is one and the office set its account. */
  function payment(code: string, feeVnd: number) {
    const a = forms.feeAccount();
    if (!(feeVnd > 0) || a.bankBin === '') return null;
    const input = { bankBin: a.bankBin, accountNumber: a.accountNumber, amountVnd: feeVnd, purpose: code };
    if (vietQrProblem(input)) return null;
    return { payload: buildVietQr(input), bankBin: a.bankBin, accountNumber: a.accountNumber, accountName: a.accountName, amountVnd: feeVnd, purpose: code };
  }

  /** Form 06's rows: a new row whenever the holder (department, handler, stage) changes along the timeline. */
  function handOvers(code: string, dueAt: number, oneStop: string): HandOver[] {
    const rows: HandOver[] = [];
    for (const e of eventsOf.all(code)) {
      const department = e.actor === 'clerk' ? oneStop : (e.department ?? '');
      const receiver = e.actor === 'clerk' ? (e.clerk_name ?? '') : (e.handler ?? '');
      const stage = e.stage ?? STATUS_NAME_VI[dossierStatusKey(e.to_status) ?? 'accepted'];
      const last = rows.at(-1);
      if (last && last.department === department && last.receiver === receiver) {
        if (e.note) last.note = e.note;
        continue;
      }
      if (last) {
        last.passedOnAt = e.at;
        last.timing = handOverTiming(e.at, dueAt, clock.timeZone);
      }
      rows.push({ stage, department, giver: last?.receiver ?? '', receiver, receivedAt: e.at, passedOnAt: null, timing: null, note: e.note ?? '' });
    }
    return rows;
  }

  async function renderForm(code: string, form: DossierForm, paper: ReceiptPaper = receiptPaper()): Promise<{ filename: string; pdf: Buffer }> {
    applies(code, form);
    const d = dossiers.get(code);
    let pdf: Buffer;
    if (form === '01') {
      const input = dossiers.receiptInput(code);
      pdf = await renderReceiptPdf({ ...input, payment: payment(d.code, d.feeCollected) }, { paper });
    } else if (form === '02') pdf = await renderSupplementSlipPdf(dossiers.slipInput(code, 'supplement') as SupplementSlipInput);
    else if (form === '03') pdf = await renderRefusalSlipPdf(dossiers.slipInput(code, 'refusal') as RefusalSlipInput);
    else if (form === '04') {
      const slip = dossiers.slipInput(code, 'apology') as SupplementSlipInput & { reason: string; oldDueAt: number; newDueAt: number };
      const last = eventsOf.all(d.code).filter((e) => e.new_due_at !== null).at(-1);
      // Granted = the district set the date itself, or applied the hub's proposal (pending or rejected: still a proposal).
      const sent = appointmentSent.get(d.code)?.status;
      pdf = await renderExtensionLetterPdf({ ...slip, granted: last?.actor === 'district' || sent === 'applied' });
    } else if (form === '05') {
      const e = eventsOf.all(d.code).filter((x) => x.to_status === DOSSIER_STATUS.stopped).at(-1)!;
      pdf = await renderStopNoticePdf({ ...dossiers.slipBase(code, e.at, e.clerk_name), reason: e.note ?? '', stoppedAt: e.at, by: e.actor === 'district' ? 'district' : 'counter', feeVnd: d.feeCollected });
    } else {
      const due = d.dueAt ?? dossiers.receiptInput(code).dossier.dueAt;
      const office = dossiers.officeForDocs();
      pdf = await renderControlSheetPdf({ ...dossiers.slipBase(code, clock.now(), null), dueAt: due, handOvers: handOvers(d.code, due, office.centreName) });
    }
    return { filename: `${FILE_NAME[form]}-${d.code}.pdf`, pdf };
  }

  const trackingRows = store.db.prepare<[number, number], { code: string }>('SELECT code FROM dossiers WHERE accepted_at >= ? AND accepted_at < ? ORDER BY accepted_at, id');

  /** Form 07 over office days from–to (inclusive): every dossier received in them. */
  function trackingBook(q: TrackingBookQuery) {
    if (q.from > q.to) throw new AppError(400, 'VALIDATION_FAILED', 'The period starts after it ends: "from" must be on or before "to".', [{ path: 'from', message: 'must be on or before to', rule: 'custom' }]);
    const days = (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > TRACKING_BOOK_MAX_DAYS) {
      throw new AppError(400, 'VALIDATION_FAILED', `The tracking book covers at most a year (${TRACKING_BOOK_MAX_DAYS} days); this period has ${days}. Export it a year at a time.`, [{ path: 'to', message: `at most ${TRACKING_BOOK_MAX_DAYS} days after from`, rule: 'too_big' }]);
    }
    const start = dayStartMs(Date.parse(`${q.from}T00:00:00Z`) / 86_400_000);
    const end = dayStartMs(Date.parse(`${q.to}T00:00:00Z`) / 86_400_000 + 1);
    const rows: TrackingBookRow[] = trackingRows.all(start, end).map(({ code }) => {
      const d = dossiers.get(code);
      const events = eventsOf.all(code);
      const firstMove = events.find((e) => e.from_status !== null && e.actor === 'district');
      const at = (status: number) => events.find((e) => e.to_status === status)?.at ?? null;
      return {
        code: d.code,
        procedureName: d.procedure.nameVi,
        sets: d.sets,
        applicantName: d.applicant.fullName,
        contact: `${d.applicant.address}; ${d.applicant.phone}`,
        department: d.department ?? '',
        receivedAt: d.acceptedAt,
        dueAt: d.dueAt ?? dossiers.receiptInput(code).dossier.dueAt,
        passedOnAt: firstMove?.at ?? null,
        resultAt: at(DOSSIER_STATUS.result_ready),
        handedBackAt: at(DOSSIER_STATUS.handed_over),
        note: `${STATUS_NAME_VI[d.statusKey]}; Quyển ${d.registerBook.book}, số ${d.registerBook.number}`,
      };
    });
    return { office: dossiers.officeForDocs(), from: q.from, to: q.to, rows, issuedAt: clock.now() };
  }

  return {
    /** The old names: receipt, supplement, refusal, apology = forms 01–04. */
    render: (code: string, kind: DossierDocumentKind, paper?: ReceiptPaper) => renderForm(code, FORM_OF_KIND[kind], paper),
    renderForm,
    trackingBookPdf: (q: TrackingBookQuery) => renderTrackingBookPdf(trackingBook(q)),
    trackingBookXlsx: (q: TrackingBookQuery) => renderTrackingBookXlsx(trackingBook(q)),
    /** Whether the district said the fee was paid; null = not said ("chờ xác nhận" at the counter). */
    paymentStatus: (code: string) => paymentOf.get(code.toUpperCase())?.payment_status ?? null,
    settings: (): FormSettings => ({ header: forms.header(), feeAccount: forms.feeAccount() }),
    setSettings(v: FormSettings, by: AuditActor): FormSettings {
      const before = { header: forms.header(), feeAccount: forms.feeAccount() };
      const apply = () =>
        store.write(() => {
          forms.setHeader(v.header);
          forms.setFeeAccount(v.feeAccount);
        });
      if (audit) audit.audited(by, 'settings.office', 'settings:forms', apply, () => ({ before, after: v }));
      else apply();
      return { header: forms.header(), feeAccount: forms.feeAccount() };
    },
  };
}
export type DossierDocuments = ReturnType<typeof createDossierDocuments>;

