/**
 * The main-process side of the preload bridge (src/shared/api/bridge.ts).
 * Every handler first checks who is asking: the sending frame must exist, be
 * its window's main frame, and show a page of the hub origin that window was
 * opened on. Then the arguments go through zod. Anything else is refused
 * without detail.
 */
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS, type AppInfo, type PrinterInfo, type PrintResult, type WiaScanResult } from '../../shared/api/bridge';
import { defaultPrinter, isPrintError, printPdf } from '../printing';
import { verifyAdminPin } from './hub-client';
import { exitKioskArgs, noArgs, parseArgs, printPdfArgs, wiaScanArgs } from './ipc-schemas';
import { runWiaScan } from './wiaScan';
import { isTrustedSender } from './origin';
import { type AppWindow } from './windows';

export type WindowLookup = (webContentsId: number) => AppWindow | undefined;

class BridgeRefused extends Error {
  constructor() {
    super('refused');
    this.name = 'BridgeRefused';
  }
}

function senderWindow(event: IpcMainInvokeEvent, lookup: WindowLookup): AppWindow {
  const w = lookup(event.sender.id);
  const frame = event.senderFrame;
  const ok = !!w && !!frame && isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }, w.origin);
  if (!ok || !w) {
    console.warn(`[ipc] refused a bridge call from ${frame?.url?.slice(0, 200) ?? '(gone frame)'}`);
    throw new BridgeRefused();
  }
  return w;
}

function args<T>(parsed: T | null): T {
  if (parsed === null) throw new BridgeRefused();
  return parsed;
}

/**
 * A remote-mode window was paired by its page (pairing code), so only the page holds its device
 * token: read it from the page's localStorage. Keep the key in step with src/renderer/app/auth.ts
 * (DEVICE_TOKEN_KEY). The hub still checks the PIN; a wrong token only fails the check.
 */
async function pageDeviceToken(w: AppWindow): Promise<string | null> {
  try {
    const v: unknown = await w.win.webContents.executeJavaScript("localStorage.getItem('motcua.deviceToken')", false);
    return typeof v === 'string' && v.length > 0 && v.length < 1000 ? v : null;
  } catch {
    return null;
  }
}

export function registerBridge(lookup: WindowLookup): void {
  ipcMain.handle(BRIDGE_CHANNELS.printPdf, async (event, ...raw: unknown[]): Promise<PrintResult> => {
    const w = senderWindow(event, lookup);
    const [input] = args(parseArgs(printPdfArgs, raw));
    try {
      await printPdf(input.pdf, {
        printer: input.printer ?? w.plan.printer ?? undefined,
        copies: input.copies,
        jobName: `MotCua ${w.plan.name}`,
      });
      return { ok: true };
    } catch (e) {
      const message = isPrintError(e) ? e.message : `Printing failed: ${(e as Error).message}`;
      console.error(`[print] ${w.plan.name}: ${message}`);
      return { ok: false, message };
    }
  });

  ipcMain.handle(BRIDGE_CHANNELS.listPrinters, async (event, ...raw: unknown[]): Promise<PrinterInfo[]> => {
    const w = senderWindow(event, lookup);
    args(parseArgs(noArgs, raw));
    const [printers, def] = await Promise.all([w.win.webContents.getPrintersAsync(), defaultPrinter().catch(() => null)]);
    return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: p.name === def }));
  });

  ipcMain.handle(BRIDGE_CHANNELS.appInfo, (event, ...raw: unknown[]): AppInfo => {
    const w = senderWindow(event, lookup);
    args(parseArgs(noArgs, raw));
    return { version: app.getVersion(), role: w.plan.role, kiosk: w.win.isKiosk(), platform: process.platform, printer: w.plan.printer };
  });

  ipcMain.handle(BRIDGE_CHANNELS.exitKiosk, async (event, ...raw: unknown[]): Promise<{ ok: boolean; message?: string }> => {
    const w = senderWindow(event, lookup);
    const [pin] = args(parseArgs(exitKioskArgs, raw));
    if (!w.win.isKiosk()) return { ok: true };
    const token = w.token ?? (await pageDeviceToken(w));
    if (!token || !w.origin) {
      return { ok: false, message: 'This window is not paired with the hub yet, so the PIN cannot be checked. Pair it in /admin first.' };
    }
    const check = await verifyAdminPin(w.origin, token, pin);
    if (!check.ok) return check;
    w.leaveKiosk();
    console.warn(`[kiosk] ${w.plan.name} left kiosk mode with an admin PIN`);
    return { ok: true };
  });

  // Only the counter digitises; any other window (kiosk, display) is refused like a stranger.
  ipcMain.handle(BRIDGE_CHANNELS.wiaScan, async (event, ...raw: unknown[]): Promise<WiaScanResult> => {
    const w = senderWindow(event, lookup);
    if (w.plan.role !== 'counter') throw new BridgeRefused();
    const [options] = args(parseArgs(wiaScanArgs, raw));
    return runWiaScan(options);
  });
}
