import type { Db } from '../open';
import {
  backupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
  DEFAULT_LANGUAGE_SETTINGS,
  DEFAULT_VOICE_SETTINGS,
  languageSettingsSchema,
  restoreMarkerSchema,
  voiceSettingsSchema,
  type BackupSettings,
  type LanguageSettings,
  type RestoreMarker,
  type VoiceSettings,
} from '../../../shared/api/settingsAudit';
import { digitisingLimitsSchema, type DigitisingLimits } from '../../../shared/api/attachments';

/**
 * The settings of issue 6 (voice, languages, backups, the restore marker), kept
 * as JSON rows of the `settings` table like the others. Values saved by an older
 * version are parsed over the defaults, so a new field gets its default.
 */
export const RESTORE_MARKER_KEY = 'restoredFromBackup';

export function officeSettingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM settings WHERE key = ?');
  const read = (key: string): Record<string, unknown> => {
    const row = get.get(key);
    if (!row) return {};
    try {
      const v = JSON.parse(row.value) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const parsed = <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, key: string, defaults: T): T => {
    const r = schema.safeParse({ ...defaults, ...read(key) });
    return r.success ? r.data : defaults;
  };
  return {
    voice: (): VoiceSettings => parsed(voiceSettingsSchema, 'voice', DEFAULT_VOICE_SETTINGS),
    setVoice: (v: VoiceSettings) => void put.run('voice', JSON.stringify(v)),
    languages: (): LanguageSettings => parsed(languageSettingsSchema, 'languages', DEFAULT_LANGUAGE_SETTINGS),
    setLanguages: (v: LanguageSettings) => void put.run('languages', JSON.stringify(v)),
    backups: (): BackupSettings => parsed(backupSettingsSchema, 'backups', DEFAULT_BACKUP_SETTINGS),
    setBackups: (v: BackupSettings) => void put.run('backups', JSON.stringify(v)),
    /** Digitising limits; null until the admin saves them (the hub's options or the defaults apply). */
    digitisingLimits: (): DigitisingLimits | null => {
      const r = digitisingLimitsSchema.safeParse(read('digitising'));
      return r.success ? r.data : null;
    },
    setDigitisingLimits: (v: DigitisingLimits) => void put.run('digitising', JSON.stringify(v)),
    /** Left by a restore for the sync client: re-enrol with the district server, then clear it. */
    restoreMarker: (): RestoreMarker | null => {
      const r = restoreMarkerSchema.safeParse(read(RESTORE_MARKER_KEY));
      return r.success ? r.data : null;
    },
    setRestoreMarker: (m: RestoreMarker) => void put.run(RESTORE_MARKER_KEY, JSON.stringify(m)),
    clearRestoreMarker: () => void del.run(RESTORE_MARKER_KEY),
  };
}
