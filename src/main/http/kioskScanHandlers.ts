import { AppError } from '../../shared/api';
import type { Hub } from '../services';
import { actorOf } from '../services/audit';
import type { Handlers } from './handlerTypes';

/** Handlers of src/shared/api/kioskScanRoutes.ts: one service call each. */
export function kioskScanHandlers(hub: Hub): Pick<Handlers, 'kioskDossierLookup' | 'kioskSettings' | 'adminKioskSettingsUpdate'> {
  return {
    kioskDossierLookup: ({ body, auth }) => {
      // The route admits kiosks only; the id keys the per-kiosk throttle.
      if (auth?.principal.kind !== 'device') throw new AppError(403, 'FORBIDDEN', 'Only a paired kiosk can look up dossiers here.');
      return hub.kioskLookup.lookup(auth.principal.deviceId, body);
    },
    kioskSettings: () => hub.kioskLookup.settings(),
    adminKioskSettingsUpdate: ({ body, auth }) =>
      hub.audit.audited(actorOf(auth?.principal), 'settings.kiosk', 'settings:kiosk', () => hub.kioskLookup.setSettings(body), () => ({ after: body })),
  };
}
