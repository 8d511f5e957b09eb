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

/** A page from a Windows (WIA) scanner on this PC; the defaults are 150 dpi, colour. */
export interface WiaScanOptions {
  dpi?: 150 | 200 | 300;
  mode?: 'color' | 'gray' | 'text';
}
/** Same codes as the hub's SANE scanner, so the counter explains both alike. */
export type WiaScanResult =
  | { ok: true; image: string; width: number; height: number }
  | { ok: false; code: 'SCANNER_UNAVAILABLE' | 'SCANNER_NOT_FOUND' | 'SCANNER_BUSY' | 'SCANNER_JAMMED' | 'SCANNER_EMPTY' | 'SCANNER_FAILED'; message: string };

export interface MotcuaBridge {
  /** Print a PDF silently on the device's printer (or `printer` when given). */
  printPdf(input: { pdf: Uint8Array; printer?: string; copies?: number }): Promise<PrintResult>;
  listPrinters(): Promise<PrinterInfo[]>;
  appInfo(): Promise<AppInfo>;
  /** Leave kiosk mode; the hub checks the PIN against the office's admins. */
  exitKiosk(pin: string): Promise<{ ok: boolean; message?: string }>;
  /** Windows only: one page from the PC's WIA scanner (image is base64 PNG). Absent in a browser. */
  wiaScan(options?: WiaScanOptions): Promise<WiaScanResult>;
}

export const BRIDGE_CHANNELS = {
  printPdf: 'motcua:print-pdf',
  listPrinters: 'motcua:list-printers',
  appInfo: 'motcua:app-info',
  exitKiosk: 'motcua:exit-kiosk',
  wiaScan: 'motcua:wia-scan',
} as const;
