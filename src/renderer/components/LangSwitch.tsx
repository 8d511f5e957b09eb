import { useTranslation } from 'react-i18next';
import { setLanguage, currentLanguage } from '../app/i18n';
import { englishOffered } from '../app/screenSettings';
import type { Language } from '../../shared/i18n';

const OPTIONS: { lang: Language; short: string; name: string }[] = [
  { lang: 'vi', short: 'VI', name: 'Tiếng Việt' },
  { lang: 'en', short: 'EN', name: 'English' },
];

/** VI / EN switch shown on every screen; the choice is kept in localStorage. */
export function LangSwitch({ size = 'normal' }: { size?: 'normal' | 'large' }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (!englishOffered()) return null;
  return (
    <div className={`lang-switch lang-switch--${size}`} role="group" aria-label={t('common.language')}>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-label={o.name}
          aria-pressed={lang === o.lang}
          className={lang === o.lang ? 'is-active' : ''}
          onClick={() => setLanguage(o.lang)}
        >
          {o.short}
        </button>
      ))}
    </div>
  );
}
