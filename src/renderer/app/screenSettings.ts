/**
 * What /admin decides for every screen, read from GET /screen-settings at start:
 * whether English is offered and the default language, and the printer the admin
 * assigned to this device (the desktop app prints there instead of its own default).
 */
import i18next from 'i18next';
import type { ScreenSettings } from '../../shared/api';
import { currentLanguage, LANG_KEY, setLanguage } from './i18n';

const KEY = 'motcua.screenSettings';
let printer: string | null = null;

function stored(): Partial<ScreenSettings> {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<ScreenSettings>;
  } catch {
    return {};
  }
}

/** False when the office turned English off: the VI / EN switch is hidden. */
export function englishOffered(): boolean {
  return stored().languages?.english !== false;
}

/** The office's default language (where the kiosk returns after a quiet minute). */
export function defaultLanguage(): 'vi' | 'en' {
  return stored().languages?.defaultLanguage === 'en' && englishOffered() ? 'en' : 'vi';
}

/** The printer /admin assigned to this device; null = the device's own default. */
export function assignedPrinter(): string | null {
  return printer;
}

export function applyScreenSettings(s: ScreenSettings): void {
  printer = s.printer;
  let hadChoice = true;
  try {
    hadChoice = window.localStorage.getItem(LANG_KEY) !== null;
    window.localStorage.setItem(KEY, JSON.stringify({ languages: s.languages }));
  } catch {
    // private mode: the settings apply to this page only
  }
  if (!s.languages.english && currentLanguage() === 'en') setLanguage('vi');
  else if (!hadChoice) setLanguage(s.languages.defaultLanguage);
  // Re-render the language switch (it reads englishOffered()).
  else void i18next.changeLanguage(currentLanguage());
}
