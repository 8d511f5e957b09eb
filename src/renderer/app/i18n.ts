import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, LANGUAGES, type Language } from '../../shared/i18n';

export const LANG_KEY = 'motcua.lang';

export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    if (v && (LANGUAGES as readonly string[]).includes(v)) return v as Language;
  } catch {
    // ignore
  }
  return 'vi';
}

export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // ignore
  }
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'vi';
}

export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return i18next;
}
