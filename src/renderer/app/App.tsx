import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setTokenSource } from './api';
import { getClerkToken, getDeviceToken } from './auth';
import { Launcher } from '../launcher/Launcher';

import KioskApp from '../kiosk/KioskApp';
import CounterApp from '../counter/CounterApp';
import DisplayApp from '../display/DisplayApp';
import AdminApp from '../admin/AdminApp';
import RatingApp from '../rating/RatingApp';

export type Screen = 'kiosk' | 'counter' | 'display' | 'admin' | 'rate' | 'launcher';

/** No router library: the first path segment picks the screen. */
export function screenOf(pathname: string): Screen {
  const first = pathname.replace(/^\/+/, '').split('/')[0]?.toLowerCase() ?? '';
  if (first === 'kiosk' || first === 'counter' || first === 'display' || first === 'admin' || first === 'rate') return first;
  return 'launcher';
}

export function App() {
  const { t } = useTranslation();
  const screen = screenOf(window.location.pathname);
  // Kiosk and display speak as the paired device; counter and admin as the logged-in clerk.
  setTokenSource(screen === 'kiosk' || screen === 'display' || screen === 'rate' ? getDeviceToken : getClerkToken);

  useEffect(() => {
    document.title = `${t(`screens.${screen}`)} · MotCua`;
    document.body.dataset.screen = screen;
  }, [screen, t]);

  return (
    <>
      {screen === 'kiosk' && <KioskApp />}
      {screen === 'counter' && <CounterApp />}
      {screen === 'display' && <DisplayApp />}
      {screen === 'admin' && <AdminApp />}
      {screen === 'rate' && <RatingApp />}
      {screen === 'launcher' && <Launcher />}
    </>
  );
}
