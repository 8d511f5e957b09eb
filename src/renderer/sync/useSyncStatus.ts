import { useEffect, useState } from 'react';
import { api } from '../app/api';
import type { SyncStatus } from '../../shared/api/sync';

/** The hub's sync status, refreshed every `intervalMs` (and on `refresh()`). */
export function useSyncStatus(intervalMs = 10_000): { status: SyncStatus | null; error: unknown; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      api('syncStatus')
        .then((s) => alive && (setStatus(s), setError(null)))
        .catch((err: unknown) => alive && setError(err))
        .finally(() => {
          if (alive) timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [intervalMs, n]);
  return { status, error, refresh: () => setN((x) => x + 1) };
}

export type SyncHealth = 'off' | 'ok' | 'offline' | 'update' | 'rejected';
/** One word for the indicator: what a clerk should notice first. */
export function syncHealth(s: SyncStatus | null): SyncHealth {
  if (!s || !s.enrolled) return 'off';
  if (s.updateRequired) return 'update';
  if (s.rejectedCount > 0) return 'rejected';
  return s.online ? 'ok' : 'offline';
}
