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
import { createKioskPrinterService } from './kioskPrinter';
import { createDossierDocuments } from './dossierDocuments';
import { createDossierService } from './dossiers';
import { createSupervisorService } from './supervisor';
import { supervisorRepo } from '../db/repos/supervisor';
import { createIndex766Service } from './supervisor/index766';
import { digitisedByCode } from './attachments/digitisedByCode';
import { createAuditService } from './audit';
import { createOfficeSettingsService } from './officeSettings';
import { createBackupService, type BackupOptions } from './backup/backups';
import path from 'node:path';
import { createKioskLookupService } from './kioskLookup';
import { createAgencyCodeService } from './agencyCodes';
import { createCatalogueImportService } from './catalogueImport';
import type { DossierFreshener } from './dossierFreshness';
import { createSyncEngine, type SyncOptions } from '../sync/engine';
import { createLiveLookup } from '../sync/liveLookup';
import { createDigitising, type DigitisingOptions } from './attachments';

interface ServiceOptions {
  localSecret?: string;
  /** The hub listens beyond loopback: demo PINs must be changed at login. */
  lanMode?: boolean;
  version: string;
  backups?: Partial<BackupOptions>;
  /** The kiosk look-up's freshener; default: the district sync's live look-up. */
  dossierFreshener?: DossierFreshener;
  sync?: SyncOptions;
  /** Digitising: the scanner (SANE) and where files live (default beside the store). */
  digitising?: DigitisingOptions;
}

/** The hub's services over one store; HTTP and Electron see only this. */
export function createServices(store: Store, clock: Clock, options: ServiceOptions) {
  const bus = new HubBus();
  const queue = createQueueService(store, clock, bus);
  const auth = createAuthService(store, clock, { localSecret: options.localSecret, lanMode: options.lanMode });
  const agencyCodes = createAgencyCodeService(store, clock);
  const admin = createAdminService(store, clock, () => queue.publish(), agencyCodes);
  const catalogueImport = createCatalogueImportService(store, clock);
  const catalogue = createCatalogueService(store);
  const calendar = createCalendarService(store, clock);
  calendar.seedIfEmpty();
  const printing = createPrintService();
  const kioskPrinter = createKioskPrinterService(store, printing);
  // The nearly-due threshold is a supervisor setting (audited with the others), read on every due computation.
  const thresholds = supervisorRepo(store.db);
  const dossiers = createDossierService(store, clock, { calendar: () => calendar.current(), nearlyDueWorkingHours: () => thresholds.settings().nearlyDueWorkingHours });
  const supervisor = createSupervisorService(store, clock, bus, dossiers, () => calendar.current(), () => kioskPrinter.alerts());
  // The 766 digitisation items read the attachments (made below; asked only when a figure is computed).
  const index766 = createIndex766Service(store, clock, () => calendar.current(), (toAt) => digitisedByCode(attachments.digitisationOf(0, toAt)));
  const audit = createAuditService(store, clock);
  const dossierDocuments = createDossierDocuments(store, clock, dossiers, () => store.settings.documents().receiptPaper, audit);
  const officeSettings = createOfficeSettingsService(store, audit);
  const backups = createBackupService(store, clock, audit, { dataDir: path.dirname(store.db.name), ...options.backups });
  const sync = createSyncEngine(store, { now: () => clock.now(), ...options.sync });
  // The kiosk asks the district first (short timeout), then shows the local copy with how fresh it is.
  const dossierFreshener = options.dossierFreshener ?? createLiveLookup(store, sync);
  const kioskLookup = createKioskLookupService(store, clock, dossiers, { freshener: dossierFreshener, resolveCode: agencyCodes.resolveDossierCode });
  const attachments = createDigitising(store, clock, audit, { dataDir: path.dirname(store.db.name), ...options.digitising, client: () => sync.client() });
  return {
    ...{ store, clock, bus, queue, auth, admin, catalogue, calendar, dossiers, dossierDocuments, supervisor, kioskLookup, printing },
    ...{ audit, officeSettings, backups, sync, dossierFreshener, index766, agencyCodes, catalogueImport, attachments, kioskPrinter },
    version: options.version,
    schemaVersion: schemaVersion(store.db),
  };
}
export type Hub = ReturnType<typeof createServices>;
