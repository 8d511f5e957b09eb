import { z } from 'zod';
import { PRINTER_STATES } from '../domain/escposTarget';

/** What the office offers when the kiosk's ticket cannot be printed: the number on screen only, or "please go to the counter". */
export const kioskPrintFallbackSchema = z.enum(['screen_only', 'go_to_counter']);
export type KioskPrintFallback = z.infer<typeof kioskPrintFallbackSchema>;
export const thermalSettingsSchema = z.object({ kioskPrintFallback: kioskPrintFallbackSchema });
export type ThermalSettings = z.infer<typeof thermalSettingsSchema>;

/** The kiosk's printer before it issues a number. */
export const kioskPrinterStatusSchema = z.object({
  /** `none`: no printer assigned in /admin (the device's own); `os`: a spooler printer (cannot be asked); `escpos`. */
  printer: z.enum(['none', 'os', 'escpos']),
  state: z.enum(PRINTER_STATES),
  canPrint: z.boolean(),
  fallback: kioskPrintFallbackSchema,
});
export type KioskPrinterStatus = z.infer<typeof kioskPrinterStatusSchema>;

/** Spread into `routes` (src/shared/api/routes.ts). */
export const thermalPrintingRoutes = {
  kioskPrinterStatus: {
    method: 'GET',
    path: '/kiosk/printer-status',
    roles: ['kiosk'],
    summary: "The kiosk's thermal printer asked now (DLE EOT: online, cover open, paper end, near end), and what the office offers if it cannot print",
    response: kioskPrinterStatusSchema,
  },
  thermalSettings: { method: 'GET', path: '/admin/thermal-printing', roles: ['admin'], summary: "What the kiosk offers when its ticket cannot be printed", response: thermalSettingsSchema },
  thermalSettingsUpdate: { method: 'PUT', path: '/admin/thermal-printing', roles: ['admin'], summary: "Change what the kiosk offers when its ticket cannot be printed", body: thermalSettingsSchema, response: thermalSettingsSchema },
} as const;
