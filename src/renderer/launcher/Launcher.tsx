import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../components/LangSwitch';

const SCREENS = ['kiosk', 'counter', 'display', 'admin'] as const;

/** `/`: a small page linking the four screens. */
export function Launcher() {
  const { t } = useTranslation();
  return (
    <main className="launcher">
      <header className="launcher__head">
        <span className="brand brand--lg">
          <span className="brand__mark" aria-hidden="true" />
          MotCua
        </span>
        <LangSwitch />
      </header>
      <h1>{t('launcher.title')}</h1>
      <p className="muted launcher__lead">{t('launcher.lead')}</p>
      <nav className="launcher__grid" aria-label={t('launcher.title')}>
        {SCREENS.map((s) => (
          <a key={s} className={`launcher__card launcher__card--${s}`} href={`/${s}`}>
            <span className="launcher__name">{t(`screens.${s}`)}</span>
            <span className="launcher__desc">{t(`launcher.desc.${s}`)}</span>
            <span className="launcher__path">/{s}</span>
          </a>
        ))}
      </nav>
    </main>
  );
}
