/**
 * The supervisor's live feed: the hub's `alerts` events (thresholds crossed)
 * and a `changes` count bumped on every `board` event, so a dashboard showing
 * today can refetch its figures. One EventSource of its own; the first alerts
 * are fetched at once so a screen does not wait for the next beat.
 */
import { useEffect, useState } from 'react';
import type { AlertsState } from '../../shared/api';
import { api } from '../app/api';
import { eventsUrl } from '../app/useHubEvents';

export function useSupervisorLive(token: string | null): { alerts: AlertsState | null; changes: number } {
  const [alerts, setAlerts] = useState<AlertsState | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (!token) return;
    let disposed = false;
    api('alerts', { token })
      .then((a) => !disposed && setAlerts(a))
      .catch(() => undefined);
    const es = new EventSource(eventsUrl(token));
    es.addEventListener('alerts', (ev) => {
      try {
        setAlerts(JSON.parse((ev as MessageEvent<string>).data) as AlertsState);
      } catch {
        /* a broken frame: the next beat heals it */
      }
    });
    es.addEventListener('board', () => setChanges((n) => n + 1));
    return () => {
      disposed = true;
      es.close();
    };
  }, [token]);
  return { alerts, changes };
}
