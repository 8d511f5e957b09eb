/**
 * The citizen's rating of the service, and the figures' small statistics.
 *
 * The quick scale is the three levels offices put on their rating tablets.
 * The criteria are what Nghị định 118/2025/NĐ-CP Điều 33 khoản 1 lists for
 * citizens to rate (docs/legal.md §1.8), keyed by the decree's item letter
 * (`d118_a` … `d118_e`). The decree sets no scale: each criterion has three
 * answers, best first, stored as 2 / 1 / 0 only so old and new ratings keep one
 * shape; that is not a scale of the decree (Circular 01/2018's 2/1/0 scoring
 * guided Decree 61/2018, which lapsed on 1 July 2025).
 *
 * Asked at the counter: a, b, c, d, đ, e. Not asked there: g (answers to a
 * complaint: only after one, which MotCua does not record), h (online service:
 * rated on the portal), i (anything else: the comment box). Ratings given
 * before issue 12 keep their Decree 61 keys (RATING_CRITERIA_2018) and still
 * display.
 */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export type CriterionScore = 0 | 1 | 2;

export interface RatingCriterion {
  key: string;
  /** The item of Decree 118 Điều 33 khoản 1 (a, b, c, d, đ, e); null for the 2018 criteria. */
  item: string | null;
  vi: string;
  en: string;
  /** The wording of each answer, best (2) first. */
  options: readonly [{ vi: string; en: string }, { vi: string; en: string }, { vi: string; en: string }];
}

export const RATING_CRITERIA: readonly RatingCriterion[] = [
  {
    key: 'd118_a',
    item: 'a',
    vi: 'Thời gian trả kết quả so với quy định hoặc giấy hẹn',
    en: 'When the result was returned, compared with the time set',
    options: [
      { vi: 'Trước hạn', en: 'Before the due date' },
      { vi: 'Đúng hạn', en: 'On the due date' },
      { vi: 'Quá hạn', en: 'Late' },
    ],
  },
  {
    key: 'd118_b',
    item: 'b',
    vi: 'Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
    en: 'Offices you had to contact to complete the dossier',
    options: [
      { vi: 'Một nơi', en: 'One' },
      { vi: 'Hai nơi', en: 'Two' },
      { vi: 'Trên hai nơi', en: 'More than two' },
    ],
  },
  {
    key: 'd118_c',
    item: 'c',
    vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ',
    en: 'Times you had to contact the receiving office to complete the dossier',
    options: [
      { vi: 'Không quá 1 lần', en: 'Once at most' },
      { vi: '2 lần', en: 'Twice' },
      { vi: 'Trên 2 lần', en: 'More than twice' },
    ],
  },
  {
    key: 'd118_d',
    item: 'd',
    vi: 'Thông tin thủ tục hành chính được công khai: chính xác, đầy đủ, kịp thời',
    en: 'The published information on the procedure: correct, complete, up to date',
    options: [
      { vi: 'Chính xác, đầy đủ, kịp thời', en: 'Correct, complete and up to date' },
      { vi: 'Chưa đầy đủ hoặc chưa kịp thời', en: 'Incomplete or out of date' },
      { vi: 'Không chính xác hoặc không công khai', en: 'Wrong or not published' },
    ],
  },
  {
    key: 'd118_dd',
    item: 'đ',
    vi: 'Thái độ của cán bộ khi hướng dẫn, tiếp nhận và giải quyết hồ sơ',
    en: 'The staff’s manner when guiding, receiving and resolving the dossier',
    options: [
      { vi: 'Lịch sự, tận tình', en: 'Polite and helpful' },
      { vi: 'Bình thường', en: 'Ordinary' },
      { vi: 'Gây phiền hà', en: 'Caused trouble' },
    ],
  },
  {
    key: 'd118_e',
    item: 'e',
    vi: 'Kết quả đúng pháp luật; chi phí đúng quy định, không phát sinh ngoài quy định',
    en: 'A lawful result; costs as set, nothing beyond them',
    options: [
      { vi: 'Đúng quy định, không phát sinh chi phí', en: 'As the law sets, no extra cost' },
      { vi: 'Có chi phí phát sinh ngoài quy định', en: 'Costs beyond those set' },
      { vi: 'Kết quả không đúng quy định', en: 'The result was not lawful' },
    ],
  },
];

/** The criteria asked before issue 12 (Decree 61/2018 as amended, Circular 01/2018): display only, for ratings given then. */
export const RATING_CRITERIA_2018: readonly RatingCriterion[] = [
  { key: 'total_time', item: null, vi: 'Thời gian giải quyết so với thời gian hẹn', en: 'Time taken compared with the appointment', options: RATING_CRITERIA[0]!.options },
  { key: 'contacts', item: null, vi: 'Số lần phải liên hệ nơi tiếp nhận để hoàn thiện hồ sơ', en: 'Times you had to come back to complete the dossier', options: RATING_CRITERIA[2]!.options },
  { key: 'agencies', item: null, vi: 'Số cơ quan, đơn vị phải liên hệ', en: 'Offices you had to deal with', options: RATING_CRITERIA[1]!.options },
  {
    key: 'disclosure',
    item: null,
    vi: 'Công khai thủ tục hành chính',
    en: 'Publication of the procedure',
    options: [
      { vi: 'Đầy đủ, chính xác', en: 'Complete and correct' },
      { vi: 'Chưa đầy đủ', en: 'Incomplete' },
      { vi: 'Không công khai', en: 'Not published' },
    ],
  },
  {
    key: 'attitude',
    item: null,
    vi: 'Thái độ của cán bộ khi hướng dẫn, tiếp nhận và trả kết quả',
    en: 'The staff’s manner when guiding, receiving and handing back',
    options: [
      { vi: 'Lịch sự, tận tình', en: 'Polite and helpful' },
      { vi: 'Bình thường', en: 'Ordinary' },
      { vi: 'Gây phiền hà', en: 'Caused trouble' },
    ],
  },
];

/** A criterion by its key, current or of 2018 (an old rating's); undefined for a key neither knows. */
export function ratingCriterionByKey(key: string): RatingCriterion | undefined {
  return RATING_CRITERIA.find((c) => c.key === key) ?? RATING_CRITERIA_2018.find((c) => c.key === key);
}

export const RATING_CRITERIA_KEYS = RATING_CRITERIA.map((c) => c.key);

/** Scores per criterion → the score of option i (0 = best, worth 2 points). */
export const scoreOfOption = (index: 0 | 1 | 2): CriterionScore => (2 - index) as CriterionScore;

/** `2026-Q4` for an office day `2026-11-23`. */
export function quarterOf(officeDay: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(officeDay);
  if (!m) throw new RangeError(`not an office day: ${officeDay}`);
  return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
}

/** The share of satisfied citizens (very satisfied + satisfied) in percent, one decimal; null with no ratings. */
export function satisfactionPercent(c: { verySatisfied: number; satisfied: number; unsatisfied: number }): number | null {
  const total = c.verySatisfied + c.satisfied + c.unsatisfied;
  return total === 0 ? null : Math.round(((c.verySatisfied + c.satisfied) * 1000) / total) / 10;
}

/** Mean and 90th percentile (nearest rank: the smallest value with at least 90 % of the values at or below it). */
export function meanAndP90(values: readonly number[]): { n: number; mean: number | null; p90: number | null } {
  if (values.length === 0) return { n: 0, mean: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { n: sorted.length, mean: sum / sorted.length, p90: sorted[Math.ceil(0.9 * sorted.length) - 1]! };
}

/** Total length of the union of intervals [from, to). */
export function unionLength(intervals: readonly { from: number; to: number }[]): number {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  let total = 0;
  let curFrom = -Infinity;
  let curTo = -Infinity;
  for (const i of sorted) {
    if (i.from > curTo) {
      if (curTo > curFrom) total += curTo - curFrom;
      curFrom = i.from;
      curTo = i.to;
    } else if (i.to > curTo) curTo = i.to;
  }
  if (curTo > curFrom) total += curTo - curFrom;
  return total;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), inclusive; negative when reversed. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
