import { dateOfDayNumber, dayNumberOfDate } from '../../shared/domain';

/** Quick ranges of office days, ending today: pure, unit-tested. */
export type QuickRange = 'today' | 'last7' | 'thisMonth' | 'thisQuarter';

export function quickRange(kind: QuickRange, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: dateOfDayNumber(dayNumberOfDate(today) - 6), to: today };
    case 'thisMonth':
      return { from: `${y}-${String(m).padStart(2, '0')}-01`, to: today };
    case 'thisQuarter':
      return { from: `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today };
  }
}

/** Seconds → minutes with one decimal, or '—'. */
export function minutesText(seconds: number | null | undefined, locale: string): string {
  if (seconds === null || seconds === undefined) return '—';
  return (Math.round(seconds / 6) / 10).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN');
}
