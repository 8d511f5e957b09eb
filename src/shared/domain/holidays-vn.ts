/**
 * Official days off and swapped working days of Vietnam, 2025–2027, for
 * offices on the civil-service week (Monday–Friday). This seeds the editable
 * holiday table; the district server sends updates later.
 *
 * What a row means:
 * - kind 'holiday': the office is closed that day. This covers the statutory
 *   holiday itself (Labour Code 2019 art. 112: 1/1; Tết 5 days; 10/3 lunar;
 *   30/4; 1/5; 2/9 plus one adjacent day), the compensating day off when a
 *   holiday falls on a weekly rest day (art. 111(3)), and a weekday swapped
 *   into a holiday break ("nghỉ hoán đổi"). A statutory holiday that falls on
 *   a weekend is listed too (it matters to offices open on Saturday); the
 *   calendar-day rule counts it only through its compensating weekday.
 * - kind 'working_day': a Saturday or Sunday worked as a full day in
 *   exchange ("làm bù").
 * Weekend days inside an announced break are not listed: they are weekly
 * rest days anyway. An office that opens on Saturday mornings and closes on
 * a Saturday inside a break adds that date in its table.
 *
 * `provisional: true` marks rows not yet confirmed by an official notice:
 * they follow art. 112 / 111(3) and the precedent of earlier years and must
 * be checked when the Government announces the year.
 *
 * Not included: 24/11 "Ngày Văn hóa Việt Nam". The Politburo chose it as a
 * paid day off (Resolution 80-NQ/TW, January 2026), but as of early 2026 it
 * still awaited the Labour Code amendment; add it when the law is in force.
 *
 * Sources (press reports of the decisions):
 * - 2025 Tết, 30/4–1/5, Giỗ Tổ: PM approval announced 26/11/2024 (sggp.org.vn);
 *   en.baochinhphu.vn (Giỗ Tổ 7/4; 30/4–4/5 with work on Saturday 26/4);
 *   vietnamplus (swap of Friday 2/5 with Saturday 26/4).
 * - 2025 National Day: Ministry of Home Affairs, 30/8–2/9 (vietnamnews.vn, 04/08/2025).
 * - 2026 Tết and National Day: Government Office 9859/VPCP-KGVX (Oct 2025) approving
 *   MoHA 8764/BNV-CVL: Tết 14/2–22/2; National Day 1–2/9 with Monday 31/8
 *   swapped for Saturday 22/8 (vietnamnews.vn, sggp.org.vn).
 * - 2026 New Year: Government Office 12729/VPCP-KGVX of 25/12/2025: 1–4/1,
 *   Friday 2/1 swapped for Saturday 10/1 (vnanet.vn, sggp.org.vn).
 * - 2026 Giỗ Tổ (Sunday 26/4 → Monday 27/4) and 30/4–1/5 (Thursday–Friday,
 *   no swap): the statutory rule, reported by thanhnien.vn on 23/02/2026.
 */
import { calendarFromDays, type CalendarDay, type OfficeHours, type WorkingCalendar } from './workingCalendar';

export interface OfficialDay extends CalendarDay {
  name_vi: string;
  name_en: string;
  /** Not yet confirmed by an official notice: derived from the Labour Code rule. */
  provisional?: true;
}

const NEW_YEAR = { name_vi: 'Tết Dương lịch', name_en: "New Year's Day" } as const;
const TET = { name_vi: 'Tết Nguyên Đán', name_en: 'Lunar New Year (Tết)' } as const;
const HUNG = { name_vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', name_en: 'Hung Kings Commemoration Day' } as const;
const HUNG_COMP = { name_vi: 'Nghỉ bù Giỗ Tổ Hùng Vương', name_en: 'Hung Kings Commemoration Day (compensating day off)' } as const;
const VICTORY = { name_vi: 'Ngày Chiến thắng (30/4)', name_en: 'Reunification Day' } as const;
const LABOUR = { name_vi: 'Ngày Quốc tế Lao động (1/5)', name_en: 'International Labour Day' } as const;
const NATIONAL = { name_vi: 'Quốc khánh (2/9)', name_en: 'National Day' } as const;
const NATIONAL_ADJ = { name_vi: 'Quốc khánh (ngày liền kề)', name_en: 'National Day (adjacent day)' } as const;

const h = (date: string, names: { name_vi: string; name_en: string }, provisional?: true): OfficialDay =>
  provisional ? { date, kind: 'holiday', ...names, provisional } : { date, kind: 'holiday', ...names };

export const VN_OFFICIAL_DAYS: readonly OfficialDay[] = Object.freeze([
  // ---------------- 2025 (all announced)
  h('2025-01-01', NEW_YEAR),
  // Break Sat 25/01 – Sun 02/02; the five statutory days are Mon 27 – Fri 31 (28 Chạp – mùng 3). No swap.
  h('2025-01-27', TET),
  h('2025-01-28', TET),
  h('2025-01-29', TET),
  h('2025-01-30', TET),
  h('2025-01-31', TET),
  h('2025-04-07', HUNG),
  { date: '2025-04-26', kind: 'working_day', name_vi: 'Làm bù cho ngày 02/5', name_en: 'Working Saturday (swapped for 2 May)' },
  h('2025-04-30', VICTORY),
  h('2025-05-01', LABOUR),
  h('2025-05-02', { name_vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', name_en: 'Swapped day off (worked on Sat 26 Apr)' }),
  // Break Sat 30/08 – Tue 02/09.
  h('2025-09-01', NATIONAL_ADJ),
  h('2025-09-02', NATIONAL),

  // ---------------- 2026 (announced, or fixed by the statutory rule on weekdays)
  h('2026-01-01', NEW_YEAR),
  h('2026-01-02', { name_vi: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01)', name_en: "Swapped day off, New Year (worked on Sat 10 Jan)" }),
  { date: '2026-01-10', kind: 'working_day', name_vi: 'Làm bù cho ngày 02/01', name_en: 'Working Saturday (swapped for 2 Jan)' },
  // Break Sat 14/02 – Sun 22/02; statutory days Mon 16 (29 Chạp) – Fri 20 (mùng 4). No swap.
  h('2026-02-16', TET),
  h('2026-02-17', TET),
  h('2026-02-18', TET),
  h('2026-02-19', TET),
  h('2026-02-20', TET),
  h('2026-04-26', HUNG), // Sunday
  h('2026-04-27', HUNG_COMP),
  h('2026-04-30', VICTORY),
  h('2026-05-01', LABOUR),
  { date: '2026-08-22', kind: 'working_day', name_vi: 'Làm bù cho ngày 31/8', name_en: 'Working Saturday (swapped for 31 Aug)' },
  // Break Sat 29/08 – Wed 02/09.
  h('2026-08-31', { name_vi: 'Nghỉ hoán đổi Quốc khánh (làm bù thứ Bảy 22/8)', name_en: 'Swapped day off, National Day (worked on Sat 22 Aug)' }),
  h('2026-09-01', NATIONAL_ADJ),
  h('2026-09-02', NATIONAL),

  // ---------------- 2027 (not announced yet: all provisional)
  h('2027-01-01', NEW_YEAR, true), // Friday; a swap is unlikely but not ruled out.
  // Mùng 1 Tết Đinh Mùi is Saturday 06/02/2027 (tháng Chạp has 29 days, so 05/02 is the eve).
  // Same shape as 2024 (mùng 1 on a Saturday, Thu 08/02 – Wed 14/02/2024): two days before
  // Tết, mùng 1–3, and the two weekend Tết days compensated on Tue 9 and Wed 10.
  h('2027-02-04', TET, true),
  h('2027-02-05', TET, true),
  h('2027-02-06', TET, true), // Saturday
  h('2027-02-07', TET, true), // Sunday
  h('2027-02-08', TET, true),
  h('2027-02-09', { name_vi: 'Nghỉ bù Tết Nguyên Đán', name_en: 'Lunar New Year (compensating day off)' }, true),
  h('2027-02-10', { name_vi: 'Nghỉ bù Tết Nguyên Đán', name_en: 'Lunar New Year (compensating day off)' }, true),
  h('2027-04-16', HUNG, true), // Friday
  h('2027-04-30', VICTORY, true), // Friday
  h('2027-05-01', LABOUR, true), // Saturday
  h('2027-05-03', { name_vi: 'Nghỉ bù Ngày Quốc tế Lao động', name_en: 'Labour Day (compensating day off)' }, true),
  h('2027-09-02', NATIONAL, true), // Thursday
  // The adjacent day is chosen each year; Friday 03/09 joins the weekend, the usual choice.
  h('2027-09-03', NATIONAL_ADJ, true),
]);

/** The seeded Vietnamese calendar with the given office hours (defaults: Mon–Fri, 07:00–11:30, 13:30–17:00). */
export function vietnamCalendar(officeHours?: Partial<OfficeHours>, days: readonly CalendarDay[] = VN_OFFICIAL_DAYS): WorkingCalendar {
  return calendarFromDays(days, officeHours);
}
