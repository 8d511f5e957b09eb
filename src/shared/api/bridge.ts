/**
 * What the Electron preload exposes on `window.motcua` (one function per
 * operation, nothing else). In a plain browser it is absent and the renderer
 * falls back: the print dialog, no kiosk exit.
 */
export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

/** `code` names the failure (e.g. PRINTER_NOT_FOUND) so the screen can explain it in its own language. */
export type PrintResult = { ok: true } | { ok: false; message: string; code?: string };

/** Where a page keeps its device token (localStorage); the Electron shell reads it for the kiosk-exit PIN check. */
export const DEVICE_TOKEN_KEY = 'motcua.deviceToken';

export interface AppInfo {
  version: string;
  /** The role this window was opened for. */
  role: 'kiosk' | 'counter' | 'display' | 'admin';
  kiosk: boolean;
  platform: string;
  /** The printer configured for this device, if any. */
  printer: string | null;
}

export interface MotcuaBridge {
  /** Print a PDF silently on the device's printer (or `printer` when given). */
  printPdf(input: { pdf: Uint8Array; printer?: string; copies?: number }): Promise<PrintResult>;
  listPrinters(): Promise<PrinterInfo[]>;
  appInfo(): Promise<AppInfo>;
  /** Leave kiosk mode; the hub checks the PIN against the office's admins. */
  exitKiosk(pin: string): Promise<{ ok: boolean; message?: string }>;
}

export const BRIDGE_CHANNELS = {
  printPdf: 'motcua:print-pdf',
  listPrinters: 'motcua:list-printers',
  appInfo: 'motcua:app-info',
  exitKiosk: 'motcua:exit-kiosk',
} as const;
