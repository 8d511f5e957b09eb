import { canPrintTicket, isEscposPrinter, type PrinterState } from '../../shared/domain/escposTarget';
import { thermalSettingsSchema, type KioskPrinterStatus, type ThermalSettings } from '../../shared/api/thermalPrinting';
import type { Alert } from '../../shared/api';
import type { Store } from '../db/store';
import type { PrintService } from './printing';

const SETTINGS_KEY = 'thermalPrinting';
const DEFAULTS: ThermalSettings = { kioskPrintFallback: 'screen_only' };

/**
 * The kiosk asks before it issues a number: its printer's state (a thermal printer answers
 * DLE EOT; an OS printer cannot say, so it is tried), and the office's choice for when the ticket
 * cannot come out. Paper near end is remembered per kiosk until a later check says otherwise,
 * and shown on the counters' and the supervisor's alert strip (not personal: a device name).
 */
export function createKioskPrinterService(store: Store, printing: PrintService) {
  const get = store.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const paperLow = new Map<number, string>();

  const settings = (): ThermalSettings => {
    const row = get.get(SETTINGS_KEY);
    return thermalSettingsSchema.parse({ ...DEFAULTS, ...(row ? (JSON.parse(row.value) as object) : {}) });
  };

  return {
    settings,
    setSettings(s: ThermalSettings): ThermalSettings {
      store.write(() => put.run(SETTINGS_KEY, JSON.stringify(thermalSettingsSchema.parse(s))));
      return settings();
    },
    async check(deviceId: number): Promise<KioskPrinterStatus> {
      const printer = store.deviceSettings.printer(deviceId);
      let state: PrinterState = 'unknown';
      try {
        state = await printing.status(printer);
      } catch {
        // A stored value that no longer parses: the ticket cannot be printed there.
        state = 'unreachable';
      }
      if (state === 'paper_near_end') paperLow.set(deviceId, store.access.device(deviceId)?.name ?? `#${deviceId}`);
      else if (state !== 'no_answer' && state !== 'unreachable') paperLow.delete(deviceId);
      return { printer: printer === null ? 'none' : isEscposPrinter(printer) ? 'escpos' : 'os', state, canPrint: canPrintTicket(state), fallback: settings().kioskPrintFallback };
    },
    /** For the alert strip: one alert per kiosk whose roll is nearly out. */
    alerts: (): Alert[] => [...paperLow].map(([deviceId, deviceName]) => ({ kind: 'printer_paper_low', deviceId, deviceName })),
  };
}
export type KioskPrinterService = ReturnType<typeof createKioskPrinterService>;
