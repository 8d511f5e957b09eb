import { AppError, type AdminDevice, type LanguageSettings, type Principal, type ScreenSettings, type VoiceSettings } from '../../shared/api';
import type { Store } from '../db/store';
import { isEscposPrinter, parseEscposTarget } from '../../shared/domain/escposTarget';
import type { AuditActor, AuditService } from './audit';

/** Voice, languages and per-device settings of /admin; every change is audited in its own transaction. */
export function createOfficeSettingsService(store: Store, audit: AuditService) {
  const adminDevice = (id: number): AdminDevice => ({ ...store.access.device(id)!, printer: store.deviceSettings.printer(id) });
  return {
    voice: (): VoiceSettings => store.officeSettings.voice(),
    setVoice(v: VoiceSettings, by: AuditActor): VoiceSettings {
      const before = store.officeSettings.voice();
      audit.audited(by, 'settings.voice', 'settings:voice', () => store.officeSettings.setVoice(v), () => ({ before, after: v }));
      return store.officeSettings.voice();
    },
    languages: (): LanguageSettings => store.officeSettings.languages(),
    setLanguages(v: LanguageSettings, by: AuditActor): LanguageSettings {
      if (!v.english && v.defaultLanguage === 'en') throw new AppError(400, 'VALIDATION_FAILED', 'English cannot be the default language when the screens do not offer English.', [{ path: 'defaultLanguage', message: 'must be vi when English is off', rule: 'custom' }]);
      const before = store.officeSettings.languages();
      audit.audited(by, 'settings.languages', 'settings:languages', () => store.officeSettings.setLanguages(v), () => ({ before, after: v }));
      return store.officeSettings.languages();
    },
    /** What a screen needs at start; the printer is the calling device's (a clerk's screen has none assigned here). */
    screen(principal: Principal | undefined): ScreenSettings {
      return {
        languages: store.officeSettings.languages(),
        voice: store.officeSettings.voice(),
        printer: principal?.kind === 'device' ? store.deviceSettings.printer(principal.deviceId) : null,
      };
    },
    devices(): AdminDevice[] {
      const printers = store.deviceSettings.printers();
      return store.access.devices().map((d) => ({ ...d, printer: printers.get(d.id) ?? null }));
    },
    updateDevice(id: number, body: { name: string; printer: string | null }, by: AuditActor): AdminDevice {
      return store.write(() => {
        const device = store.access.device(id);
        if (!device) throw new AppError(404, 'UNKNOWN_DEVICE', `There is no device with id ${id}.`);
        if (device.revoked) throw new AppError(409, 'DEVICE_REVOKED', 'This device is revoked; pair it again to give it a new name or printer.');
        if (body.printer !== null && isEscposPrinter(body.printer)) {
          const parsed = parseEscposTarget(body.printer);
          if (!parsed.ok) throw new AppError(400, 'VALIDATION_FAILED', `The thermal printer "${body.printer}" is not valid: ${parsed.reason}.`, { field: 'printer' });
        }
        const printerBefore = store.deviceSettings.printer(id);
        store.deviceSettings.rename(id, body.name);
        store.deviceSettings.setPrinter(id, body.printer);
        audit.record('device.updated', by, `device:${id}`, { role: device.role, nameBefore: device.name, name: body.name, printerBefore, printer: body.printer });
        return adminDevice(id);
      });
    },
  };
}
export type OfficeSettingsService = ReturnType<typeof createOfficeSettingsService>;
