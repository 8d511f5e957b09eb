/**
 * One BrowserWindow per configured role. A window knows the hub origin it was
 * opened on (the only origin it may navigate to and the only one whose pages
 * may use the bridge) and its device token.
 */
import { BrowserWindow, screen } from 'electron';
import { type WindowPlan } from './device-config';
import { statusPageUrl, type StatusMessage } from './status-page';
import { windowUrl } from './hub-url';

export interface AppWindowOptions {
  plan: WindowPlan;
  preload: string;
  devTools: boolean;
  /** Called when the window's page failed to load (hub unreachable). */
  onLoadFailed(win: AppWindow, description: string): void;
}

export class AppWindow {
  readonly win: BrowserWindow;
  readonly plan: WindowPlan;
  /** The hub origin the window was opened on; null while it shows a status page. */
  origin: string | null = null;
  token: string | null = null;
  private crashTimes: number[] = [];
  private unresponsiveTimer: NodeJS.Timeout | null = null;
  allowClose = false;

  constructor(private readonly opts: AppWindowOptions) {
    this.plan = opts.plan;
    const displays = screen.getAllDisplays();
    const target = (opts.plan.display !== null ? displays[opts.plan.display] : undefined) ?? screen.getPrimaryDisplay();
    const area = target.workArea;
    const width = Math.min(1280, area.width);
    const height = Math.min(900, area.height);
    this.win = new BrowserWindow({
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      show: false,
      title: `MotCua Kiosk — ${opts.plan.name}`,
      backgroundColor: '#f5f7fa',
      autoHideMenuBar: true,
      kiosk: opts.plan.kiosk,
      fullscreen: opts.plan.fullscreen,
      // Written out here, where the window is made, so a reviewer and Electronegativity (npm test,
      // docs/electron.md) see each setting; tests/unit/electron-source.test.ts holds them to
      // CHECKLISTS.md. No spread: a spread could override any of them unseen.
      webPreferences: {
        preload: opts.preload,
        partition: opts.plan.partition,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        // A middle-click on a link asks for a new window, which setWindowOpenHandler denies
        // (lockdown.ts): that is the guard. This is the auditor's advice on top (no auxclick
        // events for the pages), harmless where Chromium no longer knows the flag.
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        safeDialogs: true,
        devTools: opts.devTools,
        // The display chimes and speaks calls with nobody touching it; the other screens play sound only after a touch.
        autoplayPolicy: opts.plan.role === 'display' ? 'no-user-gesture-required' : 'user-gesture-required',
      },
    });
    const wc = this.win.webContents;
    this.win.once('ready-to-show', () => this.win.show());
    if (opts.plan.kiosk || opts.plan.role === 'display') wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

    // A kiosk window is not closed by Alt+F4 or a stray gesture; leaving kiosk mode (admin PIN) allows it.
    this.win.on('close', (e) => {
      if (!this.allowClose && this.win.isKiosk()) e.preventDefault();
    });

    wc.on('render-process-gone', (_e, details) => {
      if (details.reason === 'clean-exit') return;
      const now = Date.now();
      this.crashTimes = [...this.crashTimes.filter((t) => now - t < 60_000), now];
      // Crash loops back off: 1 s, then up to 30 s between reloads.
      const delay = Math.min(30_000, 1000 * 2 ** (this.crashTimes.length - 1));
      console.error(`[window ${this.plan.name}] renderer gone (${details.reason}); reloading in ${delay} ms`);
      setTimeout(() => {
        if (!this.win.isDestroyed()) this.reload();
      }, delay);
    });
    wc.on('unresponsive', () => {
      if (this.unresponsiveTimer) return;
      this.unresponsiveTimer = setTimeout(() => {
        this.unresponsiveTimer = null;
        if (this.win.isDestroyed()) return;
        console.error(`[window ${this.plan.name}] unresponsive for 10 s; restarting its renderer`);
        // render-process-gone (reason "killed") then reloads it.
        wc.forcefullyCrashRenderer();
      }, 10_000);
    });
    wc.on('responsive', () => {
      if (this.unresponsiveTimer) clearTimeout(this.unresponsiveTimer);
      this.unresponsiveTimer = null;
    });
    wc.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      // -3 is ERR_ABORTED: a newer load replaced this one.
      if (!isMainFrame || code === -3 || url.startsWith('data:')) return;
      opts.onLoadFailed(this, `${description} (${code}) — ${url}`);
    });
  }

  get webContentsId(): number {
    return this.win.webContents.id;
  }

  /** Opens the role's page on `origin` (device token in the fragment). */
  open(origin: string, token: string | null): Promise<void> {
    this.origin = origin;
    this.token = token;
    return this.win.loadURL(windowUrl(origin, this.plan.role, token)).catch(() => {
      /* did-fail-load reports it */
    });
  }

  showStatus(message: StatusMessage): void {
    this.origin = null;
    void this.win.loadURL(statusPageUrl(message)).catch(() => undefined);
  }

  reload(): void {
    if (this.origin) void this.open(this.origin, this.token);
    else this.win.webContents.reload();
  }

  leaveKiosk(): void {
    this.allowClose = true;
    this.win.setKiosk(false);
    this.win.setFullScreen(false);
  }
}
