import type { Db } from '../db/open';

/** The hub's sync settings and figures, one key each in `sync_state`. */
export interface SyncStateValues {
  serverUrl: string;
  hubId: string;
  officeId: string;
  officeName: string;
  privateKey: string;
  publicKey: string;
  epoch: number;
  /** The outbox seq the current epoch starts after: wire seq = outbox seq − base. */
  epochBase: number;
  cursor: number;
  /** server clock − hub clock, learnt from every answer; signatures use the server's time. */
  clockOffset: number;
  lastPushAt: number;
  lastPullAt: number;
  /** When a pull last reached the end of the change log (every row confirmed as of then). */
  lastCaughtUpAt: number;
  lastContactAt: number;
  lastError: string;
  lastDigestOk: number;
  updateRequired: number;
  /** Snapshot in progress: {asOf, collection, after} as JSON, so a killed hub resumes it. */
  snapshot: string;
}
type Key = keyof SyncStateValues;
const NUMERIC: readonly Key[] = ['epoch', 'epochBase', 'cursor', 'clockOffset', 'lastPushAt', 'lastPullAt', 'lastCaughtUpAt', 'lastContactAt', 'lastDigestOk', 'updateRequired'];

export function syncState(db: Db) {
  const getStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
  const setStmt = db.prepare<[string, string]>('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const delStmt = db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?');
  return {
    get<K extends Key>(key: K): SyncStateValues[K] | null {
      const r = getStmt.get(key);
      if (!r) return null;
      return (NUMERIC.includes(key) ? Number(r.value) : r.value) as SyncStateValues[K];
    },
    set<K extends Key>(key: K, value: SyncStateValues[K] | null): void {
      if (value === null) delStmt.run(key);
      else setStmt.run(key, String(value));
    },
  };
}
export type SyncState = ReturnType<typeof syncState>;
