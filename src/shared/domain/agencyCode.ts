/**
 * Agency codes ("mã định danh điện tử của cơ quan, tổ chức"), Decision
 * 20/2020/QĐ-TTg as amended by 09/2025/QĐ-TTg (docs/legal.md §5). The texts
 * were not found; the shape is the one real data shows: level 4 · level 3 ·
 * level 2 · level 1, lowest level first — 3 digits, 2 digits, 2 digits, then a
 * letter A–K and 2 digits (e.g. 000.00.15.H24). A code of more levels (the
 * summary allows up to 35 characters) is accepted with a warning, because the
 * dossier code carries it and nothing found forbids it.
 */

export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-K]\d{2}$/;
/** What a dossier code can carry in front of its date (src/shared/domain/dossier.ts). */
export const AGENCY_CODE_MAX_LENGTH = 30;

/** `rule` names the failure for translation (validation.agency_<rule> in the locale files). */
export type AgencyCodeCheck = { ok: true; code: string; warning: string | null } | { ok: false; reason: string; rule: AgencyCodeRule };
export type AgencyCodeRule = 'empty' | 'spaces' | 'lowercase' | 'chars' | 'length' | 'dots' | 'top' | 'letter' | 'levels' | 'digits';

/** Level-1 letters of Decision 20/2020 (as summarised): A Party … K provincial People's Council. */
const LEVEL1_LETTERS = 'ABCDEFGHIJK';

/** Checks a code as an administrator types it; the reason says what to fix. */
export function checkAgencyCode(input: string): AgencyCodeCheck {
  const code = input.trim();
  if (code === '') return { ok: false, reason: 'The agency code is empty; it looks like 000.00.15.H24.', rule: 'empty' };
  if (/\s/.test(code)) return { ok: false, reason: 'An agency code has no spaces; it looks like 000.00.15.H24.', rule: 'spaces' };
  if (/[a-z]/.test(code)) return { ok: false, reason: 'The letter of an agency code is a capital (H24, not h24).', rule: 'lowercase' };
  if (!/^[0-9A-Z.]+$/.test(code)) return { ok: false, reason: 'An agency code has only digits, capital letters and dots, e.g. 000.00.15.H24.', rule: 'chars' };
  if (code.length > AGENCY_CODE_MAX_LENGTH) return { ok: false, reason: `An agency code has at most ${AGENCY_CODE_MAX_LENGTH} characters here (it is part of every dossier code).`, rule: 'length' };
  const parts = code.split('.');
  if (parts.some((p) => p === '')) return { ok: false, reason: 'An agency code has one dot between its levels, none at the start or the end.', rule: 'dots' };
  const top = parts[parts.length - 1]!;
  if (!/^[A-Z]\d{2}$/.test(top)) return { ok: false, reason: `The last level (${top}) must be a capital letter and two digits, e.g. H24 for a province's People's Committee.`, rule: 'top' };
  if (!LEVEL1_LETTERS.includes(top[0]!)) return { ok: false, reason: `The level-1 letter ${top[0]} is not one of A–K of Decision 20/2020/QĐ-TTg.`, rule: 'letter' };
  if (parts.length < 4) return { ok: false, reason: 'An agency code has four levels: 3 digits, 2 digits, 2 digits and the level-1 code, e.g. 000.00.15.H24.', rule: 'levels' };
  if (AGENCY_CODE_PATTERN.test(code)) return { ok: true, code, warning: null };
  const lower = parts.slice(0, -1);
  if (parts.length === 4) {
    const want = [3, 2, 2];
    const bad = lower.findIndex((p, i) => !new RegExp(`^\\d{${want[i]}}$`).test(p));
    return { ok: false, reason: `Level ${4 - bad} (${lower[bad]}) must be ${want[bad]} digits, as in 000.00.15.H24.`, rule: 'digits' };
  }
  if (lower.every((p) => /^\d{2,3}$/.test(p))) return { ok: true, code, warning: `The code has ${parts.length} levels; most units have four (000.00.15.H24). Check it against the province's list.` };
  return { ok: false, reason: 'The lower levels of an agency code are groups of 2 or 3 digits, e.g. 000.00.15.H24.', rule: 'digits' };
}

/** One code the office has used, valid from one office day to another (inclusive; null = still in force). */
export interface AgencyCodePeriod {
  code: string;
  validFrom: string;
  validTo: string | null;
}

/** The codes in force on an office day (two on the day of a change: dossiers of that morning carry the old one). */
export function codesInForceOn(history: readonly AgencyCodePeriod[], officeDay: string): string[] {
  return history.filter((h) => h.validFrom <= officeDay && (h.validTo === null || officeDay <= h.validTo)).map((h) => h.code);
}
