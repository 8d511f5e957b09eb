/** The due instant as the receipt prints it, in office time (fixed UTC+7, see workingCalendar.ts). */

import { assertInstant, OFFICE_UTC_OFFSET_MS } from './workingCalendar';

function officeParts(ms: number): { hh: string; mm: string; dd: string; mo: string; yyyy: string } {
  assertInstant(ms, 'ms');
  const d = new Date(ms + OFFICE_UTC_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    hh: p2(d.getUTCHours()),
    mm: p2(d.getUTCMinutes()),
    dd: p2(d.getUTCDate()),
    mo: p2(d.getUTCMonth() + 1),
    yyyy: String(d.getUTCFullYear()).padStart(4, '0'),
  };
}

/** "14 giờ 30 phút, ngày 25/11/2026" — the due time as the receipt prints it. */
export function formatDueVi(ms: number): string {
  const p = officeParts(ms);
  return `${p.hh} giờ ${p.mm} phút, ngày ${p.dd}/${p.mo}/${p.yyyy}`;
}

/** "14:30 on 25/11/2026" — the English twin of formatDueVi. */
export function formatDueEn(ms: number): string {
  const p = officeParts(ms);
  return `${p.hh}:${p.mm} on ${p.dd}/${p.mo}/${p.yyyy}`;
}
