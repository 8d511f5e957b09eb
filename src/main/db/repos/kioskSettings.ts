import type { Db } from '../open';
import { kioskSettingsSchema, type KioskSettings } from '../../../shared/api';

/** The kiosk's settings, one JSON value in the settings table under the key 'kiosk'. */
export function kioskSettingsRepo(db: Db) {
  const get = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'kiosk'");
  const put = db.prepare("INSERT INTO settings (key, value) VALUES ('kiosk', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  return {
    get(): KioskSettings {
      const row = get.get();
      // Parse so that settings saved by an older version gain new defaults.
      return kioskSettingsSchema.parse(row ? (JSON.parse(row.value) as unknown) : {});
    },
    set(settings: KioskSettings): void {
      put.run(JSON.stringify(settings));
    },
  };
}
