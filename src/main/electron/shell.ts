/**
 * The shell's life cycle: device config → session lock-down → windows →
 * hub (in-process utilityProcess, or a remote one) → device tokens → pages.
 */
import { app, dialog, Menu, session, type WebContents } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeviceConfigError, hubListen, loadDeviceConfig, planWindows, type DeviceConfig } from './device-config';
import { localEnrol } from './hub-client';
import { HubSupervisor } from './hub-supervisor';
import { registerBridge } from './ipc';
import { lockDownContents, lockDownSession } from './lockdown';
import { nativeBindingPath } from './native-binding';
import { type StatusMessage } from './status-page';
import { AppWindow } from './windows';

const windows = new Map<number, AppWindow>();
let hub: HubSupervisor | null = null;
let localSecret = '';
let quitting = false;

const originOf = (contents: WebContents | null | undefined): string | null => (contents ? (windows.get(contents.id)?.origin ?? null) : null);
const appOrigins = (): ReadonlySet<string> => new Set([...windows.values()].map((w) => w.origin).filter((o): o is string => o !== null));

/** Before `ready`: sandbox everywhere, one instance per user-data folder, lock-down of every webContents. */
export function prepareShell(): boolean {
  app.enableSandbox();
  // Development and tests may point the app at a throw-away folder; the installed app always uses its own.
  if (!app.isPackaged && process.env.MOTCUA_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.MOTCUA_USER_DATA_DIR));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const first = windows.values().next().value;
    if (first && !first.win.isDestroyed()) {
      if (first.win.isMinimized()) first.win.restore();
      first.win.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents, originOf));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (e) => {
    quitting = true;
    for (const w of windows.values()) w.allowClose = true;
    if (hub?.running) {
      e.preventDefault();
      const h = hub;
      hub = null;
      void h.stop().finally(() => app.quit());
    }
  });
  return true;
}

const STARTING: StatusMessage = {
  vi: { title: 'Đang khởi động…', detail: 'Vui lòng chờ trong giây lát.' },
  en: { title: 'Starting…', detail: 'Please wait a moment.' },
};

function hubDown(reason: string, retryInMs: number): StatusMessage {
  const s = Math.max(1, Math.round(retryInMs / 1000));
  return {
    tone: 'error',
    vi: { title: 'Máy chủ của bộ phận một cửa đang gặp sự cố', detail: `Hệ thống tự khởi động lại sau ${s} giây. Nếu lỗi lặp lại, hãy báo cán bộ kỹ thuật.` },
    en: { title: 'The office hub stopped', detail: `Restarting in ${s} s. If this keeps happening, call the technician.` },
    technical: reason,
  };
}

function unreachable(detail: string): StatusMessage {
  return {
    tone: 'error',
    vi: { title: 'Không kết nối được máy chủ', detail: 'Đang thử lại. Kiểm tra dây mạng và máy chủ của bộ phận một cửa.' },
    en: { title: 'Cannot reach the office hub', detail: 'Retrying. Check the network cable and the hub PC.' },
    technical: detail,
  };
}

async function enrol(origin: string, w: AppWindow): Promise<string | null> {
  if (w.plan.role === 'admin') return null; // the admin page signs in with a user name and PIN
  return localEnrol(origin, localSecret, w.plan.role, w.plan.name);
}

/** Opens (or re-opens, after a hub restart on a new origin) every window on `origin`. */
async function openAll(origin: string, standalone: boolean): Promise<void> {
  await Promise.all(
    [...windows.values()].map(async (w) => {
      if (w.win.isDestroyed()) return;
      if (w.origin === origin) return; // same hub, same origin: the page reconnects by itself
      try {
        const token = standalone ? (w.token ?? (await enrol(origin, w))) : null;
        await w.open(origin, token);
      } catch (e) {
        w.showStatus(unreachable((e as Error).message));
        setTimeout(() => {
          if (!quitting && hub?.origin === origin) void openAll(origin, standalone);
        }, 5000);
      }
    }),
  );
}

function fail(title: string, detail: string): void {
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

export async function startShell(): Promise<void> {
  Menu.setApplicationMenu(null);
  const userData = app.getPath('userData');
  let config: DeviceConfig;
  try {
    config = loadDeviceConfig(userData).config;
  } catch (e) {
    const where = e instanceof DeviceConfigError ? e.file : userData;
    fail('MotCua Kiosk — cấu hình thiết bị bị lỗi / device settings are broken', `${(e as Error).message}\n\nFix or delete ${where} and start again.`);
    return;
  }

  const standalone = config.mode === 'standalone';
  const plans = planWindows(config, { isPackaged: app.isPackaged });
  // Every session a window can use is locked down before any page loads.
  lockDownSession(session.defaultSession, originOf, appOrigins);
  for (const plan of plans) lockDownSession(session.fromPartition(plan.partition), originOf, appOrigins);

  const preload = path.join(__dirname, 'preload.cjs');
  const onLoadFailed = (w: AppWindow, description: string) => {
    const origin = w.origin;
    w.showStatus(unreachable(description));
    setTimeout(() => {
      if (quitting || w.win.isDestroyed() || !origin) return;
      if (standalone && hub?.origin !== origin) return; // the hub moved; openAll handles it
      void w.open(origin, w.token);
    }, 5000);
  };
  for (const plan of plans) {
    const w = new AppWindow({ plan, preload, devTools: !app.isPackaged, onLoadFailed });
    windows.set(w.webContentsId, w);
    w.win.on('closed', () => windows.delete(w.webContentsId));
    w.showStatus(STARTING);
  }
  registerBridge((id) => windows.get(id));

  if (!standalone) {
    await openAll(config.hubUrl!, false);
    return;
  }

  const binding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
    override: process.env.MOTCUA_SQLITE_BINDING,
  });
  if (!existsSync(binding)) {
    fail(
      'MotCua Kiosk — thiếu thư viện SQLite / SQLite module missing',
      `The database module built for Electron was not found at\n${binding}\n\n` +
        (app.isPackaged ? 'Reinstall the application.' : 'Run `node scripts/electron-native.mjs` (npm start does this for you).'),
    );
    return;
  }

  localSecret = randomBytes(32).toString('base64url');
  const listen = hubListen(config);
  hub = new HubSupervisor({
    modulePath: path.join(__dirname, '..', 'main', 'hub-process.cjs'),
    dataDir: config.dataDir ? path.resolve(config.dataDir) : path.join(userData, 'data'),
    host: listen.host,
    port: listen.port,
    localSecret,
    sqliteBinding: binding,
    logFile: path.join(userData, 'logs', 'hub.log'),
    echo: !app.isPackaged,
    onReady: (origin) => void openAll(origin, true),
    onDown: (reason, retryInMs) => {
      // Give a quick restart the chance to go unnoticed; show the error if the hub stays away.
      setTimeout(() => {
        if (quitting || hub?.origin) return;
        for (const w of windows.values()) if (!w.win.isDestroyed()) w.showStatus(hubDown(reason, retryInMs));
      }, Math.min(retryInMs, 3000) + 500);
    },
  });
  hub.start();
}
