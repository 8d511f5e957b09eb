/** Pure display helpers (unit-tested in tests/unit/renderer-format.test.ts). */
import type { Language } from '../../shared/i18n';
import { foldVietnamese } from '../../shared/domain';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function localized(item: { nameVi: string; nameEn: string }, lang: Language): string {
  return lang === 'en' && item.nameEn.trim() ? item.nameEn : item.nameVi;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown time zone: fall back to the office default rather than crash the screen.
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    cache.set(key, f);
  }
  return f;
}

/** `14:05:09` (24-hour) in the office time zone. */
export function formatClock(ms: number, timeZone = DEFAULT_TIME_ZONE, seconds = true): string {
  return fmt('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23' }).format(ms);
}

/** `Thứ Hai, 23/11/2026` or `Monday, 23 November 2026`. */
export function formatLongDate(ms: number, lang: Language, timeZone = DEFAULT_TIME_ZONE): string {
  if (lang === 'vi') {
    const parts = fmt('vi-VN', { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(ms);
    const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    const weekday = get('weekday');
    const cap = weekday ? weekday.charAt(0).toUpperCase() + weekday.slice(1) : '';
    return `${cap}, ${get('day')}/${get('month')}/${get('year')}`;
  }
  return fmt('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(ms).replace(/^(\w+) /, '$1, ');
}

/** `23/11/2026 14:05` for tables. */
export function formatDateTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = fmt('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Splits `A023` into its letters and digits so the screen can style them apart. */
export function splitTicketNumber(number: string): { prefix: string; digits: string } {
  const m = /^([A-Za-z]*)(.*)$/.exec(number);
  return { prefix: m?.[1] ?? '', digits: m?.[2] ?? number };
}

/** Only digits, at most `max` of them (pairing codes, PINs typed on the keypad). */
export function digitsOnly(input: string, max: number): string {
  return input.replace(/\D/g, '').slice(0, max);
}

/** A counter's own name, unless it only repeats its number ("Quầy 1" for counter 1). */
export function counterSubtitle(number: number, name: string): string | null {
  const folded = foldVietnamese(name).replace(/\s+/g, ' ').trim();
  if (!folded || folded === String(number) || folded === `quay ${number}` || folded === `counter ${number}` || folded === `quay so ${number}`) return null;
  return name;
}

// ---- dates a person reads or types: dd/mm/yyyy in both languages -----------------
// Native <input type="date"> follows the browser's (the OS's) language, so an English Windows shows
// 12/04/2026 for 4 December. Every date on screen goes through these instead. English uses the same
// day-month-year order (as en-GB does), so a date reads the same whichever language the page is in.

/** `23/11/2026` of an instant, in the office time zone. */
export function formatDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  return formatDateTime(ms, timeZone).slice(0, 10);
}

/** 'YYYY-MM-DD' (what the API speaks) → 'dd/mm/yyyy'; '' stays ''. */
export function isoToDisplayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** 'd/m/yyyy' or 'dd/mm/yyyy' (also with . or -) → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCMonth() !== mo - 1) return null; // 31/02, 29/02 of a common year
  return `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * What the date field shows while typing: digits and slashes only, a slash added after the day and
 * the month as they are typed (not while deleting), 8 digits in a row read as ddmmyyyy.
 */
export function maskDateTyping(raw: string, previous: string): string {
  let s = raw.replace(/[^\d/]/g, '').replace(/\/{2,}/g, '/').slice(0, 10);
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 2)}/${s.slice(2, 4)}/${s.slice(4)}`;
  if (s.length > previous.length && (/^\d{2}$/.test(s) || /^\d{1,2}\/\d{2}$/.test(s))) s += '/';
  return s;
}

/** 'H:mm' or 'HH:mm' (also 'HHmm') → 'HH:mm', or null. */
export function parseDisplayTime(text: string): string | null {
  const m = /^\s*(\d{1,2}):?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  if (h > 23 || mi > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}
