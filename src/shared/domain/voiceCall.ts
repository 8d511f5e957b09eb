/**
 * What the lobby hears for a call, as a list of recorded clips joined at run time
 * (assets/voice/<lang>/<clip>.ogg, made by scripts/make-voice.mjs from voiceClips.json):
 *
 *   vi: "Mời Ông/Bà có số thứ tự | a | không | hai | ba | đến quầy số | năm"
 *   en: "Ticket number | A | zero | two | three | please go to counter | five"
 *
 * The TICKET number is read digit by digit ("A không hai ba", not "A hai mươi ba"), as Vietnamese
 * queue systems and bank/hospital callers do: it says exactly what is printed on the ticket, leading
 * zeros included, so the citizen matches it to the paper in hand without arithmetic; it needs no
 * regional choices (linh/lẻ, lăm/nhăm, tư/bốn, nghìn/ngàn all differ between North and South); and
 * a single digit lost in lobby noise is one syllable, not a changed number.
 * The COUNTER number is a name, not a code, and short: it is read as a number ("quầy số mười hai"),
 * the way staff and signs say it.
 */
import clips from './voiceClips.json';

export type VoiceLanguage = 'vi' | 'en';
export const VOICE_CLIPS: Record<VoiceLanguage, Record<string, string>> = clips;

const DIGITS = (s: string) => [...s].map((d) => `d${d}`);

function ticketPart(ticketNumber: string): string[] {
  const m = /^([A-Z]{1,2})(\d{1,4})$/.exec(ticketNumber.trim().toUpperCase());
  if (!m) throw new RangeError(`not a ticket number: ${ticketNumber}`);
  return [...[...m[1]!].map((l) => `l_${l.toLowerCase()}`), ...DIGITS(m[2]!)];
}

/** 1–999 as spoken in Vietnamese: 5 năm, 10 mười, 15 mười lăm, 21 hai mươi mốt, 25 hai mươi lăm, 105 một trăm linh năm. */
export function vietnameseNumber(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`counter number out of range: ${n}`);
  const tensAndUnits = (x: number, afterHundred: boolean): string[] => {
    const tens = Math.floor(x / 10);
    const unit = x % 10;
    if (tens === 0) return x === 0 ? [] : [...(afterHundred ? ['linh'] : []), `d${unit}`];
    const head = tens === 1 ? ['muoi_10'] : [`d${tens}`, 'muoi'];
    if (unit === 0) return head;
    if (unit === 5) return [...head, 'lam'];
    if (unit === 1 && tens > 1) return [...head, 'mot_unit'];
    return [...head, `d${unit}`];
  };
  if (n < 100) return tensAndUnits(n, false);
  return [`d${Math.floor(n / 100)}`, 'tram', ...tensAndUnits(n % 100, true)];
}

/** 1–999 in English words: 5 five, 12 twelve, 21 twenty one, 105 one hundred five. */
export function englishNumber(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`counter number out of range: ${n}`);
  const under100 = (x: number): string[] => {
    if (x === 0) return [];
    if (x < 10) return [`d${x}`];
    if (x < 20) return [`n${x}`];
    const unit = x % 10;
    return [`t${x - unit}`, ...(unit ? [`d${unit}`] : [])];
  };
  if (n < 100) return under100(n);
  return [`d${Math.floor(n / 100)}`, 'hundred', ...under100(n % 100)];
}

/** The clips of one call in one language, each as "<lang>/<clip>". */
export function callClips(ticketNumber: string, counterNumber: number, lang: VoiceLanguage): string[] {
  const words = ['invite', ...ticketPart(ticketNumber), 'to_counter', ...(lang === 'vi' ? vietnameseNumber(counterNumber) : englishNumber(counterNumber))];
  return words.map((w) => `${lang}/${w}`);
}

/** The languages a call is spoken in for the office's setting (vi, en, or Vietnamese then English). */
export function callLanguages(setting: 'vi' | 'en' | 'vi_en'): VoiceLanguage[] {
  return setting === 'vi_en' ? ['vi', 'en'] : [setting];
}

/** The whole announcement: per repeat, each language in turn; `null` marks a pause between parts. */
export function announcementClips(ticketNumber: string, counterNumber: number, setting: 'vi' | 'en' | 'vi_en', repeat: number): (string | null)[] {
  const once = callLanguages(setting).map((l) => callClips(ticketNumber, counterNumber, l));
  const out: (string | null)[] = [];
  for (let i = 0; i < repeat; i++) {
    for (const part of once) {
      if (out.length) out.push(null);
      out.push(...part);
    }
  }
  return out;
}
