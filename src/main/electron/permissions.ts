/**
 * Permission decisions, pure: deny by default; the one exception is the
 * camera (`media` with exactly ['video']) for the hub's own main frame, used
 * by the kiosk's receipt scanner. Microphone, screen capture, notifications,
 * geolocation, HID/USB/serial, fullscreen requests, clipboard: all denied.
 */
import { isAppUrl } from './origin';

export interface PermissionRequestInput {
  permission: string;
  /** The last URL the requesting frame loaded. */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  /** For `media`: which devices are asked for. */
  mediaTypes?: readonly string[] | undefined;
}

export function allowPermissionRequest(input: PermissionRequestInput, appOrigin: string | null): boolean {
  if (input.permission !== 'media') return false;
  if (!input.isMainFrame) return false;
  const types = input.mediaTypes ?? [];
  if (types.length !== 1 || types[0] !== 'video') return false;
  return isAppUrl(input.requestingUrl, appOrigin);
}

export interface PermissionCheckInput {
  permission: string;
  /** Origin (or URL) of the frame asking. */
  requestingOrigin: string | undefined;
  /** For `media`: `video`, `audio` or `unknown`. */
  mediaType?: string | undefined;
  isMainFrame?: boolean | undefined;
}

export function allowPermissionCheck(input: PermissionCheckInput, appOrigin: string | null): boolean {
  if (input.permission !== 'media') return false;
  if (input.mediaType !== 'video') return false;
  if (input.isMainFrame === false) return false;
  return isAppUrl(input.requestingOrigin, appOrigin);
}
