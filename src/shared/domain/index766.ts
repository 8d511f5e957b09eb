/**
 * The 766 index (Quyết định 766/QĐ-TTg) as the province computes it, for the
 * groups an office can know from its own data. The rules are the Government
 * Office's formula sheet as docs/legal.md §3.2 quotes it:
 *
 * - processing ends at refusal (3), stop (8), done (9), result returned (10)
 *   or the applicant's withdrawal (7); done wins over returned, returned over
 *   the others ("ưu tiên lấy thời gian Đã xử lý xong"); with no end yet the
 *   end is the end of the period (or now, if the period has not ended);
 * - time waiting for a supplement is taken off the processing time; a dossier
 *   still waiting ends at the request; more than one request makes it late;
 * - on time when the (adjusted) end ≤ the appointment (NgayHenTra);
 * - channel 1 in person (or unknown), 2 online, 3 public postal service;
 * - satisfaction = 100 % − (late rate + rate of dossiers with a complaint or
 *   an "unsatisfied" rating); ratios with a zero denominator are null (N/A),
 *   rounded to 2 decimals.
 *
 * Decree 118 instead RESTARTS the legal time limit after a supplement
 * (Điều 19 khoản 5); `decreeDueAfterSupplement` gives that due, so a screen
 * can show both (docs/legal.md correction 2).
 */
import { dueAt, type ProcessingTime } from './dueDate';
import type { WorkingCalendar } from './workingCalendar';
import { DOSSIER_STATUS } from './dossier';

export const CHANNELS = { in_person: 1, online: 2, postal: 3 } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
export type ChannelKey = keyof typeof CHANNELS;
export const channelKey = (c: number): ChannelKey => (c === 2 ? 'online' : c === 3 ? 'postal' : 'in_person');

/** What the index needs of one dossier (the hub maps its rows onto this). */
export interface Dossier766 {
  code: string;
  channel: number;
  /** When the office received it (Ngày tiếp nhận). */
  receivedAt: number;
  /** The appointment (NgayHenTra): the receipt's due, or the extension granted. */
  appointmentAt: number;
  /** Status changes, oldest first. */
  events: readonly { at: number; toStatus: number }[];
  /** Supplement requests, oldest first; `receivedAt` null while still awaited. */
  supplements: readonly { requestedAt: number; receivedAt: number | null }[];
  /** The procedure has a fee (the denominator of online payment). */
  hasFee: boolean;
  /** The district reported it paid online (DuocThanhToanTrucTuyen 1 or 2). */
  paidOnline: boolean;
  /** A file is attached to a component / to the result (false until MotCua stores attachments). */
  componentFile: boolean;
  resultFile: boolean;
  /** A complaint, or an "unsatisfied" rating of this dossier (the office's stand-in for the portal's "dislike"). */
  complaintOrUnsatisfied: boolean;
}

export const END_STATUSES = [DOSSIER_STATUS.refused, DOSSIER_STATUS.withdrawn, DOSSIER_STATUS.stopped, DOSSIER_STATUS.result_ready, DOSSIER_STATUS.handed_over] as const;

export type EndKind = 'done' | 'returned' | 'refused' | 'stopped' | 'withdrawn' | 'open';

/** The moment processing ended by the 766 rules, among events up to `asOf`. */
export function processingEnd(events: Dossier766['events'], asOf: number): { at: number; kind: EndKind } {
  const seen = events.filter((e) => e.at <= asOf);
  const first = (status: number) => seen.find((e) => e.toStatus === status);
  const done = first(DOSSIER_STATUS.result_ready);
  if (done) return { at: done.at, kind: 'done' };
  const returned = first(DOSSIER_STATUS.handed_over);
  if (returned) return { at: returned.at, kind: 'returned' };
  const other = seen.find((e) => e.toStatus === DOSSIER_STATUS.refused || e.toStatus === DOSSIER_STATUS.stopped || e.toStatus === DOSSIER_STATUS.withdrawn);
  if (other) return { at: other.at, kind: other.toStatus === DOSSIER_STATUS.refused ? 'refused' : other.toStatus === DOSSIER_STATUS.stopped ? 'stopped' : 'withdrawn' };
  return { at: asOf, kind: 'open' };
}

export type LateReason = 'second_supplement' | 'after_appointment';

export interface Progress766 {
  end: { at: number; kind: EndKind };
  /** Time waiting for supplements, taken off (ms). */
  supplementMs: number;
  /** The end the rule compares with the appointment. */
  adjustedEnd: number;
  onTime: boolean;
  lateReason: LateReason | null;
  /** Still waiting for a supplement at `asOf`: the end is the request. */
  waitingSupplement: boolean;
}

/** One dossier's progress by the 766 rules, as of `asOf`. */
export function progress766(d: Pick<Dossier766, 'events' | 'supplements' | 'appointmentAt'>, asOf: number): Progress766 {
  let end = processingEnd(d.events, asOf);
  const requests = d.supplements.filter((s) => s.requestedAt <= end.at);
  const open = requests.find((s) => s.receivedAt === null || s.receivedAt > asOf);
  const waitingSupplement = end.kind === 'open' && open !== undefined;
  if (waitingSupplement) end = { at: open.requestedAt, kind: 'open' };
  const supplementMs = requests
    .filter((s) => s.receivedAt !== null && s.receivedAt <= end.at)
    .reduce((sum, s) => sum + (s.receivedAt! - s.requestedAt), 0);
  const adjustedEnd = end.at - supplementMs;
  if (requests.length > 1) return { end, supplementMs, adjustedEnd, onTime: false, lateReason: 'second_supplement', waitingSupplement };
  const onTime = adjustedEnd <= d.appointmentAt;
  return { end, supplementMs, adjustedEnd, onTime, lateReason: onTime ? null : 'after_appointment', waitingSupplement };
}

/** The legal due after a complete supplement: the whole time limit again from its arrival (Decree 118 Điều 19 khoản 5). */
export function decreeDueAfterSupplement(supplementReceivedAt: number, processing: ProcessingTime, calendar: WorkingCalendar, skipHolidaysForCalendarDays = false): number {
  const r = dueAt({ acceptedAt: supplementReceivedAt, processing, calendar, skipHolidaysForCalendarDays });
  if (r.paused) throw new Error('a due without pauses cannot be paused');
  return r.dueMs;
}

// ---- the figures ----------------------------------------------------------------

export const FIGURE_KEYS = ['onTime', 'satisfaction', 'onlineShare', 'postalShare', 'inPersonShare', 'onlinePayment', 'digitisedComponents', 'digitisedResult'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The 766 group each figure belongs to, and the group's points (docs/legal.md §3.1). */
export const FIGURE_GROUP: Record<FigureKey, { group: 'progress' | 'satisfaction' | 'online' | 'payment' | 'digitisation'; item: string }> = {
  onTime: { group: 'progress', item: '2.1' },
  satisfaction: { group: 'satisfaction', item: '5.4' },
  onlineShare: { group: 'online', item: '3.3' },
  postalShare: { group: 'online', item: '3.3' },
  inPersonShare: { group: 'online', item: '3.3' },
  onlinePayment: { group: 'payment', item: '3.6' },
  digitisedComponents: { group: 'digitisation', item: '4.2 (1)' },
  digitisedResult: { group: 'digitisation', item: '4.2 (2)' },
};
export const GROUP_POINTS = { transparency: 18, progress: 20, online: 12, payment: 10, satisfaction: 18, digitisation: 22 } as const;

/**
 * How one dossier enters a figure: 'num' counts in the numerator (and the
 * denominator), 'den' only in the denominator, absent when not at all. For
 * satisfaction, 'num' marks a dossier that is subtracted (late, or complaint).
 */
export type Part = 'num' | 'den';

export interface Row766 {
  code: string;
  channel: ChannelKey;
  /** Received inside the period (the denominators of 3.3, 3.6). */
  receivedInPeriod: boolean;
  /** Received and processed in the period (the denominator of 2.1 and 5.4). */
  processedInPeriod: boolean;
  progress: Progress766 | null;
  /** A complaint or an "unsatisfied" rating (subtracted from satisfaction). */
  complaint: boolean;
  parts: Partial<Record<FigureKey, Part>>;
}

export interface Figure {
  numerator: number;
  denominator: number;
  /** Percent, 2 decimals; null when the denominator is 0 (N/A). */
  percent: number | null;
}
export type Figures766 = Record<FigureKey, Figure>;

export interface Period {
  from: number;
  /** Exclusive. */
  to: number;
}

/** Percent with 2 decimals, null on a zero denominator. */
export const percent = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num * 10000) / den) / 100);

/** Each dossier's contribution to each figure over the period, as of `asOf` (≤ period end). */
export function rows766(dossiers: readonly Dossier766[], period: Period, now: number): Row766[] {
  const asOf = Math.min(period.to - 1, now);
  return dossiers.map((d) => {
    const receivedInPeriod = d.receivedAt >= period.from && d.receivedAt < period.to;
    let progress: Progress766 | null = null;
    let processedInPeriod = false;
    if (d.receivedAt < period.to && d.receivedAt <= asOf) {
      progress = progress766(d, asOf);
      // Received earlier, ended before the period: not in this period's count.
      processedInPeriod = receivedInPeriod || progress.end.kind === 'open' || progress.end.at >= period.from;
      if (!processedInPeriod) progress = null;
    }
    const parts: Row766['parts'] = {};
    if (processedInPeriod && progress) {
      parts.onTime = progress.onTime ? 'num' : 'den';
      parts.satisfaction = !progress.onTime || d.complaintOrUnsatisfied ? 'num' : 'den';
    }
    const channel = channelKey(d.channel);
    if (receivedInPeriod) {
      parts.onlineShare = channel === 'online' ? 'num' : 'den';
      parts.postalShare = channel === 'postal' ? 'num' : 'den';
      parts.inPersonShare = channel === 'in_person' ? 'num' : 'den';
      if (d.hasFee) parts.onlinePayment = d.paidOnline ? 'num' : 'den';
      parts.digitisedComponents = d.componentFile ? 'num' : 'den';
      parts.digitisedResult = d.resultFile ? 'num' : 'den';
    }
    return { code: d.code, channel, receivedInPeriod, processedInPeriod, progress, complaint: d.complaintOrUnsatisfied, parts };
  });
}

/** The figures of a set of rows (the whole office, one field, one clerk). */
export function figures766(rows: readonly Row766[]): Figures766 {
  const out = {} as Figures766;
  for (const key of FIGURE_KEYS) {
    let num = 0;
    let den = 0;
    for (const r of rows) {
      const p = r.parts[key];
      if (!p) continue;
      den++;
      if (p === 'num') num++;
    }
    out[key] = { numerator: num, denominator: den, percent: percent(num, den) };
  }
  // Satisfaction is 100 % minus the late rate and the complaint rate, which the
  // per-dossier 'num' (late OR complaint) cannot add up alone: a dossier both
  // late and complained about is subtracted twice, as the published formula does.
  const processed = rows.filter((r) => r.parts.satisfaction);
  const late = processed.filter((r) => r.parts.onTime === 'den').length;
  const complaints = processed.filter((r) => r.complaint).length;
  const den = processed.length;
  out.satisfaction = {
    numerator: late + complaints,
    denominator: den,
    percent: den === 0 ? null : Math.max(0, Math.round((100 - ((late + complaints) * 100) / den) * 100) / 100),
  };
  return out;
}
