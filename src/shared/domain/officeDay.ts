/**
 * The office day: the calendar date at the office, in its time zone.
 * Ticket numbers restart every office day, so this is the one place that
 * decides which day a moment belongs to.
 */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD, which is what we store.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `YYYY-MM-DD` of the instant `ms` in `timeZone`. */
export function officeDayOf(ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  return formatterFor(timeZone).format(new Date(ms));
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** `HH:mm` of the instant `ms` in `timeZone` (24-hour clock, as printed on tickets). */
export function officeTimeOf(ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(timeZone, f);
  }
  return f.format(new Date(ms));
}

/** `dd/mm/yyyy` of the instant, the way Vietnamese documents write dates. */
export function officeDateVi(ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  const [y, m, d] = officeDayOf(ms, timeZone).split('-');
  return `${d}/${m}/${y}`;
}
