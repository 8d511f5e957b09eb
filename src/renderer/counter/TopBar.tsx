import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredClerk } from '../app/auth';
import { Clock } from '../components/Clock';
import { LangSwitch } from '../components/LangSwitch';
import { SyncIndicator } from '../sync/SyncIndicator';

/** The counter's header: brand, title, optional view tabs, the clerk, sync state, clock, language, actions. */
export function TopBar({ clerk, title, nav, children }: { clerk: StoredClerk; title: string; nav?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="brand">
        <span className="brand__mark" aria-hidden="true" />
        MotCua
      </span>
      <span className="topbar__title">{title}</span>
      {nav}
      <span className="topbar__user" title={clerk.username}>
        {t('counter.clerk')}: <strong>{clerk.fullName}</strong>
      </span>
      <SyncIndicator />
      <Clock className="topbar__clock" />
      <LangSwitch />
      <div className="topbar__actions">{children}</div>
    </header>
  );
}
