import type { Hub } from '../services';
import type { Handlers } from './handlerTypes';
import type { syncRoutes } from '../../shared/api/syncRoutes';

/** Thin handlers for the hub's sync routes: each is one call into the sync engine. */
export function createSyncHandlers(hub: Hub): Pick<Handlers, keyof typeof syncRoutes> {
  return {
    syncStatus: () => hub.sync.status(),
    syncEnrol: ({ body }) => hub.sync.enrol(body.serverUrl, body.code),
    syncNow: () => hub.sync.syncNow(),
    syncRejected: () => hub.sync.rejected(),
    syncRejectedResolve: ({ params }) => {
      hub.sync.resolveRejected(params.id);
      return { ok: true as const };
    },
  };
}
