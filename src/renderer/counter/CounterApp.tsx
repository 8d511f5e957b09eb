import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './counter.css';
import { api, isUnauthorized } from '../app/api';
import type { StoredClerk } from '../app/auth';
import { useClerkSession, type Logout } from '../app/useClerkSession';
import { LoginScreen } from '../components/LoginScreen';
import { CounterMain } from './CounterMain';
import { CounterPicker } from './CounterPicker';
import { forgetCounter, storeCounterId, storedCounterId } from './counterSeat';
import type { Service } from '../../shared/api';

export default function CounterApp() {
  const { t } = useTranslation();
  const { session, expired, loggedIn, logout } = useClerkSession(forgetCounter);

  if (!session) {
    return (
      <LoginScreen
        title={t('counter.loginTitle')}
        subtitle={t('counter.loginSubtitle')}
        notice={expired ? <p className="notice">{t('login.expired')}</p> : undefined}
        onLoggedIn={loggedIn}
      />
    );
  }
  return <CounterWorkspace key={session.token} token={session.token} clerk={session.clerk} onLogout={logout} />;
}

function CounterWorkspace({ token, clerk, onLogout }: { token: string; clerk: StoredClerk; onLogout: Logout }) {
  const [counterId, setCounterId] = useState<number | null>(storedCounterId);
  const [resolved, setResolved] = useState(counterId !== null);
  const [services, setServices] = useState<Service[]>([]);

  const handleAuth = useCallback(
    (err: unknown): boolean => {
      if (isUnauthorized(err)) {
        void onLogout({ expired: true });
        return true;
      }
      return false;
    },
    [onLogout],
  );

  // Where does this clerk already sit? (a reload, or a second window)
  useEffect(() => {
    if (resolved) return;
    let alive = true;
    api('me')
      .then((me) => {
        if (!alive) return;
        if (me.counterId) {
          storeCounterId(me.counterId);
          setCounterId(me.counterId);
        }
        setResolved(true);
      })
      .catch((err: unknown) => {
        if (alive && !handleAuth(err)) setResolved(true);
      });
    return () => {
      alive = false;
    };
  }, [resolved, handleAuth]);

  useEffect(() => {
    api('services')
      .then((list) => setServices(list.sort((a, b) => a.sort - b.sort || a.id - b.id)))
      .catch((err: unknown) => void handleAuth(err));
  }, [handleAuth]);

  const choose = (id: number | null) => {
    storeCounterId(id);
    setCounterId(id);
  };

  if (!resolved) return <div className="loading" aria-busy="true" />;
  if (counterId === null) return <CounterPicker token={token} clerk={clerk} services={services} onOpened={choose} onLogout={onLogout} handleAuth={handleAuth} />;
  return <CounterMain token={token} clerk={clerk} counterId={counterId} services={services} onChangeCounter={() => choose(null)} onLogout={onLogout} handleAuth={handleAuth} />;
}
