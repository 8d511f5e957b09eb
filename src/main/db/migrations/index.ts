/**
 * Numbered migrations, applied in order inside one transaction each run; the
 * store's version lives in `PRAGMA user_version`. They are TypeScript modules
 * holding SQL text (not .sql files) so one bundle carries them into the hub,
 * the utilityProcess and the tests without a loader. Never edit a shipped one:
 * add the next number.
 */
import { sql as m0001 } from './0001_queue';
import { sql as m0002 } from './0002_catalogue';
import { sql as m0003 } from './0003_calendar';
import { sql as m0004 } from './0004_dossiers';
import { sql as m0006 } from './0006_sync';
import { sql as m0007 } from './0007_supervisor';
import { sql as m0008 } from './0008_audit_devices';
import { sql as m0009 } from './0009_session_pin_change';
import { sql as m0020 } from './0020_forms';
import { sql as m0021 } from './0021_catalogue_versions';
import { sql as m0022 } from './0022_channel_withdrawal';
import { sql as m0040 } from './0040_attachments';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'queue', sql: m0001 },
  { version: 2, name: 'catalogue', sql: m0002 },
  { version: 3, name: 'calendar', sql: m0003 },
  { version: 4, name: 'dossiers', sql: m0004 },
  // 5 was set aside for the kiosk's look-up, which needed no table; versions only have to increase.
  { version: 6, name: 'sync', sql: m0006 },
  { version: 7, name: 'supervisor', sql: m0007 },
  { version: 8, name: 'audit_devices', sql: m0008 },
  { version: 9, name: 'session_pin_change', sql: m0009 },
  { version: 20, name: 'forms', sql: m0020 },
  { version: 21, name: 'catalogue_versions', sql: m0021 },
  { version: 22, name: 'channel_withdrawal', sql: m0022 },
  { version: 40, name: 'attachments', sql: m0040 },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
