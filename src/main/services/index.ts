import type { Store } from '../db/store';
import { schemaVersion } from '../db/open';
import { HubBus } from './bus';
import type { Clock } from './clock';
import { createQueueService } from './queue';
import { createAuthService } from './auth';
import { createAdminService } from './admin';
import { createCatalogueService } from './catalogue';
import { createCalendarService } from './calendar';
import { createPrintService } from './printing';
import { createDossierDocuments } from './dossierDocuments';
import { createDossierService } from './dossiers';
import { createSyncEngine, type SyncOptions } from '../sync/engine';
import { createLiveLookup } from '../sync/liveLookup';

/** The hub's services over one store; HTTP and Electron see only this. */
export function createServices(store: Store, clock: Clock, options: { localSecret?: string; version: string; sync?: SyncOptions }) {
  const bus = new HubBus();
  const queue = createQueueService(store, clock, bus);
  const auth = createAuthService(store, clock, { localSecret: options.localSecret });
  const admin = createAdminService(store, clock, () => queue.publish());
  const catalogue = createCatalogueService(store);
  const calendar = createCalendarService(store, clock);
  calendar.seedIfEmpty();
  const printing = createPrintService();
  const dossiers = createDossierService(store, clock, { calendar: () => calendar.current() });
  const dossierDocuments = createDossierDocuments(dossiers, () => store.settings.documents().receiptPaper);
  const sync = createSyncEngine(store, { now: () => clock.now(), ...options.sync });
  const dossierFreshener = createLiveLookup(store, sync);
  return { store, clock, bus, queue, auth, admin, catalogue, calendar, dossiers, dossierDocuments, printing, sync, dossierFreshener, version: options.version, schemaVersion: schemaVersion(store.db) };
}
export type Hub = ReturnType<typeof createServices>;
