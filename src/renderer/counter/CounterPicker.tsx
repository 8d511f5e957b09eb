import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { StoredClerk } from '../app/auth';
import type { Logout } from '../app/useClerkSession';
import { errorText } from '../app/errors';
import { counterSubtitle, localized } from '../app/format';
import { currentLanguage } from '../app/i18n';
import { useHubEvents } from '../app/useHubEvents';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { TopBar } from './TopBar';
import type { Counter, Service } from '../../shared/api';

/** The clerk's first screen when not seated: every counter, who sits where, open one. */
export function CounterPicker({
  token,
  clerk,
  services,
  onOpened,
  onLogout,
  handleAuth,
}: {
  token: string;
  clerk: StoredClerk;
  services: Service[];
  onOpened: (id: number) => void;
  onLogout: Logout;
  handleAuth: (err: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [counters, setCounters] = useState<Counter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(() => {
    api('counters')
      .then((list) => {
        setCounters(list.sort((a, b) => a.number - b.number));
        setError(null);
      })
      .catch((err: unknown) => {
        if (!handleAuth(err)) setError(errorText(err));
      });
  }, [handleAuth]);
  useEffect(load, [load]);
  const { status } = useHubEvents(token, { onBoard: load });

  const open = async (c: Counter) => {
    setBusy(c.id);
    setError(null);
    try {
      await api('openCounter', { params: { id: c.id } });
      onOpened(c.id);
    } catch (err) {
      if (!handleAuth(err)) setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const serviceName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? `${s.prefix} · ${localized(s, lang)}` : `#${id}`;
  };

  return (
    <div className="counter-app">
      <TopBar clerk={clerk} title={t('counter.pickTitle')}>
        <button type="button" className="btn btn--ghost" onClick={() => void onLogout()}>
          {t('counter.logout')}
        </button>
      </TopBar>
      <ConnectionBanner status={status} />
      <main className="picker">
        <h1>{t('counter.pickTitle')}</h1>
        <p className="muted">{t('counter.pickLead')}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {counters === null && !error && <p className="muted">{t('common.loading')}</p>}
        <ul className="picker__grid">
          {counters?.map((c) => {
            const mine = c.clerkId === clerk.id;
            const taken = c.clerkId !== null && !mine;
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={`picker__card${taken ? ' is-taken' : ''}${mine ? ' is-mine' : ''}`}
                  disabled={!c.active || busy !== null}
                  onClick={() => void open(c)}
                  aria-label={t('counter.openCounter', { n: c.number, name: c.name })}
                  aria-describedby={`picker-who-${c.id}`}
                >
                  <span className="picker__no">{t('display.counterN', { n: c.number })}</span>
                  {counterSubtitle(c.number, c.name) && <span className="picker__name">{c.name}</span>}
                  <span className="picker__services">{c.serviceIds.map(serviceName).join(' · ') || t('counter.noServices')}</span>
                  <span className={`picker__who${c.clerkName ? ' is-set' : ''}`} id={`picker-who-${c.id}`}>
                    {!c.active ? t('counter.inactive') : mine ? t('counter.youAreHere') : c.clerkName ? t('counter.occupiedBy', { name: c.clerkName }) : t('counter.free')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
