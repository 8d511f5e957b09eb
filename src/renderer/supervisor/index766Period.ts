/** The 766 tab's periods: a month, a quarter or a year, as office days from–to (pure, unit-tested). */
export type PeriodKind = 'month' | 'quarter' | 'year';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `n` is the month (1–12) or the quarter (1–4); ignored for a year. */
export function periodRange(kind: PeriodKind, year: number, n: number): { from: string; to: string } {
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (kind === 'quarter') {
    const first = (n - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  return { from: `${year}-${pad(n)}-01`, to: `${year}-${pad(n)}-${pad(lastDay(year, n))}` };
}
