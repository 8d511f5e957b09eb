import { AppError } from '../../shared/api';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

/** Handlers of src/shared/api/thermalPrinting.ts: one service call each. */
export function thermalPrintingHandlers(hub: Hub): Pick<Handlers, 'kioskPrinterStatus' | 'thermalSettings' | 'thermalSettingsUpdate'> {
  return {
    kioskPrinterStatus: ({ auth }) => {
      if (auth?.principal.kind !== 'device') throw new AppError(403, 'FORBIDDEN', 'Only a paired kiosk asks for its printer.');
      return hub.kioskPrinter.check(auth.principal.deviceId);
    },
    thermalSettings: () => hub.kioskPrinter.settings(),
    thermalSettingsUpdate: ({ body, auth }) =>
      hub.audit.audited(actorOf(auth?.principal), 'settings.kiosk', 'settings:thermal_printing', () => hub.kioskPrinter.setSettings(body), () => ({ after: body })),
  };
}
