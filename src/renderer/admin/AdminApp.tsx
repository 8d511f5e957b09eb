import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './admin.css';
import { api, isUnauthorized } from '../app/api';
import type { StoredClerk } from '../app/auth';
import { useClerkSession, type Logout } from '../app/useClerkSession';
import { Clock } from '../components/Clock';
import { LangSwitch } from '../components/LangSwitch';
import { LoginScreen } from '../components/LoginScreen';
import { OfficeSection } from './OfficeSection';
import { QueueSection } from './QueueSection';
import { ServicesSection } from './ServicesSection';
import { CountersSection } from './CountersSection';
import { ClerksSection } from './ClerksSection';
import { DevicesSection } from './DevicesSection';
import { CalendarSection } from './CalendarSection';
import { DashboardSection } from '../supervisor/DashboardSection';
import { Index766Section } from '../supervisor/Index766Section';
import { VoiceSection } from './VoiceSection';
import { AuditSection } from './AuditSection';
import { BackupsSection } from './BackupsSection';
import { DistrictSection } from './DistrictSection';
import { KioskSection } from './KioskSection';
import { CatalogueSection } from './CatalogueSection';

const TABS = ['dashboard', 'index766', 'office', 'queue', 'calendar', 'services', 'catalogue', 'counters', 'clerks', 'devices', 'kiosk', 'voice', 'district', 'backups', 'audit'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEY = 'motcua.adminTab';

export default function AdminApp() {
  const { t } = useTranslation();
  const { session, expired, loggedIn, logout } = useClerkSession();

  if (!session) {
    return (
      <LoginScreen
        title={t('admin.loginTitle')}
        subtitle={t('admin.loginSubtitle')}
        requireAdmin
        notice={expired ? <p className="notice">{t('login.expired')}</p> : undefined}
        onLoggedIn={loggedIn}
      />
    );
  }
  if (session.clerk.role !== 'admin') {
    // A clerk's session from the counter screen in the same tab.
    return (
      <main className="login">
        <div className="login__card" role="alert">
          <h1>{t('admin.notAdminTitle')}</h1>
          <p>{t('admin.notAdmin', { name: session.clerk.fullName })}</p>
          <button type="button" className="btn btn--primary btn--lg" onClick={() => void logout()}>
            {t('counter.logout')}
          </button>
        </div>
      </main>
    );
  }
  return <Admin key={session.token} clerk={session.clerk} onLogout={logout} />;
}

function Admin({ clerk, onLogout }: { clerk: StoredClerk; onLogout: Logout }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => {
    const v = window.sessionStorage.getItem(TAB_KEY);
    return (TABS as readonly string[]).includes(v ?? '') ? (v as Tab) : 'office';
  });
  const select = (next: Tab) => {
    setTab(next);
    window.sessionStorage.setItem(TAB_KEY, next);
  };
  const onAuthError = useCallback(
    (err: unknown) => {
      if (isUnauthorized(err)) void onLogout({ expired: true });
    },
    [onLogout],
  );
  // The session may have ended (hub restart, expiry): check once at start.
  useEffect(() => {
    api('me').catch(onAuthError);
  }, [onAuthError]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      select(next);
      document.getElementById(`admin-tab-${next}`)?.focus();
    }
  };

  return (
    <div className="admin">
      <header className="topbar">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          MotCua
        </span>
        <span className="topbar__title">{t('admin.title')}</span>
        <span className="topbar__user">
          {t('admin.signedInAs')}: <strong>{clerk.fullName}</strong>
        </span>
        <Clock className="topbar__clock" />
        <LangSwitch />
        <div className="topbar__actions">
          <button type="button" className="btn btn--ghost" onClick={() => void onLogout()}>
            {t('counter.logout')}
          </button>
        </div>
      </header>
      <div className="admin__body">
        <div className="admin__tabs" role="tablist" aria-label={t('admin.sections')} aria-orientation="vertical" onKeyDown={onTabKey}>
          {TABS.map((k) => (
            <button
              key={k}
              id={`admin-tab-${k}`}
              type="button"
              role="tab"
              aria-selected={tab === k}
              aria-controls={`admin-panel-${k}`}
              tabIndex={tab === k ? 0 : -1}
              className={`admin__tab${tab === k ? ' is-active' : ''}`}
              aria-labelledby={`admin-tab-${k}-name`}
              aria-describedby={`admin-tab-${k}-desc`}
              onClick={() => select(k)}
            >
              <span className="admin__tab-name" id={`admin-tab-${k}-name`}>
                {t(`admin.tabs.${k}`)}
              </span>
              <span className="admin__tab-desc" id={`admin-tab-${k}-desc`}>
                {t(`admin.tabDesc.${k}`)}
              </span>
            </button>
          ))}
        </div>
        <section className="admin__panel" role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
          {tab === 'dashboard' && <DashboardSection onAuthError={onAuthError} />}
          {tab === 'index766' && <Index766Section onAuthError={onAuthError} />}
          {tab === 'office' && <OfficeSection onAuthError={onAuthError} />}
          {tab === 'queue' && <QueueSection onAuthError={onAuthError} />}
          {tab === 'calendar' && <CalendarSection onAuthError={onAuthError} />}
          {tab === 'kiosk' && <KioskSection onAuthError={onAuthError} />}
          {tab === 'services' && <ServicesSection onAuthError={onAuthError} />}
          {tab === 'catalogue' && <CatalogueSection onAuthError={onAuthError} />}
          {tab === 'counters' && <CountersSection onAuthError={onAuthError} />}
          {tab === 'clerks' && <ClerksSection onAuthError={onAuthError} currentClerkId={clerk.id} />}
          {tab === 'devices' && <DevicesSection onAuthError={onAuthError} />}
          {tab === 'voice' && <VoiceSection onAuthError={onAuthError} />}
          {tab === 'district' && <DistrictSection onAuthError={onAuthError} />}
          {tab === 'backups' && <BackupsSection onAuthError={onAuthError} onRestored={() => void onLogout({ expired: true })} />}
          {tab === 'audit' && <AuditSection onAuthError={onAuthError} />}
        </section>
      </div>
    </div>
  );
}
