import type { Db } from '../open';
import { documentSettingsSchema, officeHoursSchema, queueSettingsSchema, type DocumentSettings, type OfficeHoursSetting, type QueueSettings } from '../../../shared/api';

/** Key/value settings; values are JSON. Keys come from this module only. */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  priorityInterleave: 3,
  recallLimit: 3,
  requeueLimit: 1,
  defaultServiceMinutes: 5,
  kioskReturnSeconds: 15,
};

export interface OfficeSettings {
  name: string;
  agencyCode: string;
}

export function settingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const read = <T>(key: string): T | undefined => {
    const row = get.get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  };
  return {
    office(): OfficeSettings {
      return read<OfficeSettings>('office') ?? { name: 'Bộ phận Một cửa', agencyCode: '000.00.00.H00' };
    },
    setOffice(office: OfficeSettings): void {
      put.run('office', JSON.stringify(office));
    },
    queue(): QueueSettings {
      // Parse so that settings saved by an older version gain new defaults.
      return queueSettingsSchema.parse({ ...DEFAULT_QUEUE_SETTINGS, ...read<Partial<QueueSettings>>('queue') });
    },
    setQueue(settings: QueueSettings): void {
      put.run('queue', JSON.stringify(settings));
    },
    documents(): DocumentSettings {
      return documentSettingsSchema.parse({ receiptPaper: 'A4_landscape', ...read<Partial<DocumentSettings>>('documents') });
    },
    setDocuments(settings: DocumentSettings): void {
      put.run('documents', JSON.stringify(settings));
    },
    /** The office's opening hours; undefined until the admin sets them (the domain default applies). */
    officeHours(): OfficeHoursSetting | undefined {
      const v = read<unknown>('officeHours');
      return v === undefined ? undefined : officeHoursSchema.parse(v);
    },
    setOfficeHours(hours: OfficeHoursSetting): void {
      put.run('officeHours', JSON.stringify(hours));
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
