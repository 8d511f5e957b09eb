/**
 * Locale resources. Vietnamese is the source language; English is complete
 * (tests/unit/renderer-i18n.test.ts checks both have the same keys and that
 * every error code of the contract has a translation).
 */
import vi from './vi.json';
import en from './en.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;
