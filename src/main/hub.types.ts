import type { DossierFreshener } from './services/dossierFreshness';
import type { SyncOptions } from './sync/engine';
import type { DigitisingOptions } from './services/attachments';

/** Options for starting the office hub; shared by `npm run hub`, Electron's utilityProcess and tests. */
export interface HubOptions {
  /** Folder holding motcua.sqlite (created on first run). */
  dataDir: string;
  host?: string;
  /**
   * Other PCs can reach the hub, so a demo PIN (printed in the README) must be changed at login.
   * Default: the listen host is not loopback. Tests set it while binding 127.0.0.1.
   */
  lanMode?: boolean;
  /** 0 picks a free port. */
  port?: number;
  /** Enables POST /api/v1/devices/local-enrol with header `x-motcua-local-secret` (Electron standalone). */
  localSecret?: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron, DESIGN.md §6). */
  nativeBinding?: string;
  /** Seed the demo office when the store is new (default true). */
  seedDemo?: boolean;
  /** Folder of the built renderer (default dist/renderer). */
  uiDir?: string;
  /** Milliseconds since epoch; tests pass a fake clock. */
  clock?: () => number;
  logger?: boolean;
  /** Brings a dossier's local copy up to date before the kiosk shows it; default: the district sync's live look-up (tests replace it). */
  dossierFreshener?: DossierFreshener;
  /** District sync: timers, backoff, versions (tests shorten them). */
  sync?: SyncOptions;
  /** Digitising: scanner (SANE device, extra arguments) and limits; tests name SANE's `test` device. */
  digitising?: DigitisingOptions;
}

export interface RunningHub {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  close(): Promise<void>;
}
