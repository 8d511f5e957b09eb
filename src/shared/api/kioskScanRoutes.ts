import * as k from './kioskScan';

/** The kiosk's dossier look-up and its settings (issue 4); spread into `routes`. */
export const kioskScanRoutes = {
  kioskDossierLookup: {
    method: 'POST',
    path: '/kiosk/dossier-lookup',
    roles: ['kiosk'],
    summary: "A citizen looks up a dossier from the receipt's QR (everything) or its code (status, due and step; more with the phone's last 4 digits or the receipt's secret). Failed look-ups are rate-limited per kiosk and in total.",
    body: k.kioskLookupBody,
    response: k.kioskLookupResponse,
  },
  kioskSettings: { method: 'GET', path: '/kiosk/settings', roles: ['kiosk', 'admin'], summary: "The kiosk's idle timeout and the procedure page's base URL", response: k.kioskSettingsSchema },
  adminKioskSettingsUpdate: { method: 'PUT', path: '/admin/kiosk-settings', roles: ['admin'], summary: "Change the kiosk's idle timeout and the procedure page's base URL", body: k.kioskSettingsSchema, response: k.kioskSettingsSchema },
} as const;
