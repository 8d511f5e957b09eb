/**
 * The Electron security checklist applied to the session and every
 * webContents (CHECKLISTS.md "Electron"); the webPreferences are written where
 * the window is made (windows.ts). The origin a webContents may show is
 * looked up per contents: the hub origin its window was opened on, nothing
 * for contents the shell did not create.
 */
import { type Session, type WebContents } from 'electron';
import { httpOrigin, isAppUrl } from './origin';
import { allowPermissionCheck, allowPermissionRequest } from './permissions';

export type OriginLookup = (contents: WebContents | null | undefined) => string | null;

/** Navigation, pop-ups and <webview> for one webContents. */
export function lockDownContents(contents: WebContents, originOf: OriginLookup): void {
  const guard = (e: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(e.url, originOf(contents))) {
      e.preventDefault();
      console.warn(`[lockdown] blocked navigation to ${e.url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (e) => guard(e));
  contents.on('will-frame-navigate', (e) => guard(e));
  contents.on('will-redirect', (e) => guard(e));
  // Every way to a new window ends here, whatever its disposition: window.open, target=_blank,
  // shift-click ('new-window'), middle- or ctrl-click ('background-tab'/'foreground-tab'). will-navigate
  // never sees those, so this is the guard for them: deny, all of them.
  contents.setWindowOpenHandler(({ url, disposition }) => {
    console.warn(`[lockdown] denied a new window (${disposition}) to ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** Permissions, devices, downloads and outgoing requests for the session the windows use. */
export function lockDownSession(ses: Session, originOf: OriginLookup, appOrigins: () => ReadonlySet<string>): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      allowPermissionRequest(
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes },
        originOf(contents),
      ),
    );
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(
      { permission, requestingOrigin: details.securityOrigin ?? requestingOrigin, mediaType: details.mediaType, isMainFrame: details.isMainFrame },
      originOf(contents),
    ),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (e) => e.preventDefault());
  // Defence in depth behind the hub's CSP: a kiosk never talks to anything but its hub.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
    if (scheme === 'http:' || scheme === 'https:' || scheme === 'ws:' || scheme === 'wss:') {
      const origin = httpOrigin(scheme.startsWith('ws') ? url.replace(/^ws/i, 'http') : url);
      callback({ cancel: origin === null || !appOrigins().has(origin) });
      return;
    }
    callback({ cancel: scheme === 'file:' });
  });
}
