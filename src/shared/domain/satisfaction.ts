/**
 * The citizen's rating of the service, and the figures' small statistics.
 *
 * The quick scale is the three levels offices put on their rating tablets.
 * The legal criteria follow the indicators for evaluating how an administrative
 * procedure was handled in Nghị định 61/2018/NĐ-CP (Điều 33, as amended by
 * Nghị định 107/2021/NĐ-CP), scored 2 / 1 / 0 points as Thông tư 01/2018/TT-VPCP
 * scores them. Only the indicators a citizen can answer at the counter are asked
 * (the time indicators the office also computes itself from the dossier's timeline).
 */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export type CriterionScore = 0 | 1 | 2;

export interface RatingCriterion {
  key: string;
  vi: string;
  en: string;
  /** The wording of each score, best (2) first. */
  options: readonly [{ vi: string; en: string }, { vi: string; en: string }, { vi: string; en: string }];
}

export const RATING_CRITERIA: readonly RatingCriterion[] = [
  {
    key: 'total_time',
    vi: 'Thời gian giải quyết so với thời gian hẹn',
    en: 'Time taken compared with the appointment',
    options: [
      { vi: 'Trước hạn', en: 'Before the due date' },
      { vi: 'Đúng hạn', en: 'On the due date' },
      { vi: 'Quá hạn', en: 'Late' },
    ],
  },
  {
    key: 'contacts',
    vi: 'Số lần phải liên hệ nơi tiếp nhận để hoàn thiện hồ sơ',
    en: 'Times you had to come back to complete the dossier',
    options: [
      { vi: 'Không quá 1 lần', en: 'Once at most' },
      { vi: '2 lần', en: 'Twice' },
      { vi: 'Trên 2 lần', en: 'More than twice' },
    ],
  },
  {
    key: 'agencies',
    vi: 'Số cơ quan, đơn vị phải liên hệ',
    en: 'Offices you had to deal with',
    options: [
      { vi: 'Một nơi', en: 'One' },
      { vi: 'Hai nơi', en: 'Two' },
      { vi: 'Trên hai nơi', en: 'More than two' },
    ],
  },
  {
    key: 'disclosure',
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
    vi: 'Thái độ của cán bộ khi hướng dẫn, tiếp nhận và trả kết quả',
    en: 'The staff’s manner when guiding, receiving and handing back',
    options: [
      { vi: 'Lịch sự, tận tình', en: 'Polite and helpful' },
      { vi: 'Bình thường', en: 'Ordinary' },
      { vi: 'Gây phiền hà', en: 'Caused trouble' },
    ],
  },
];
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
