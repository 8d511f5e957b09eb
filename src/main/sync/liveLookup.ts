import type { Store } from '../db/store';
import type { DossierFreshener, DossierFreshness } from '../services/dossierFreshness';
import type { SyncEngine } from './engine';
import { lookupResponse } from '../../shared/api/sync';

/**
 * The kiosk's dossier screen: ask the district server first, within a short
 * timeout, and write what it says into the local store; when it cannot answer
 * in time, the local copy stands, with the time it was last confirmed (its
 * own row's, or the last pull that caught up with the whole change log).
 * Never throws.
 */
export function createLiveLookup(store: Store, engine: SyncEngine, options: { timeoutMs?: number } = {}): DossierFreshener {
  const timeoutMs = options.timeoutMs ?? 1500;
  const confirmed = store.db.prepare<[string], { confirmed_at: number }>("SELECT confirmed_at FROM sync_rows WHERE collection = 'dossier' AND key = ?");

  function local(code: string): DossierFreshness {
    const row = confirmed.get(code)?.confirmed_at ?? null;
    const caughtUp = engine.state.get('lastCaughtUpAt');
    const at = row === null ? caughtUp : Math.max(row, caughtUp ?? 0);
    return { source: 'local', confirmedAt: at ?? null };
  }

  return {
    async freshen(rawCode: string): Promise<DossierFreshness> {
      const code = rawCode.trim().toUpperCase();
      const client = engine.client();
      if (!client || !engine.state.get('hubId')) return local(code);
      try {
        const answer = lookupResponse.parse(await client.signed('GET', `/dossiers/${encodeURIComponent(code)}`, undefined, timeoutMs));
        store.write(() => engine.projector.applyIfNewer('dossier', answer.dossier.code, answer.seq, answer.dossier));
        return { source: 'district', confirmedAt: confirmed.get(code)?.confirmed_at ?? Date.now() };
      } catch {
        return local(code);
      }
    },
  };
}
