/**
 * Origin rules of the shell, pure (no `electron` import) so unit tests run
 * them. Every comparison goes through the URL parser, never `startsWith`:
 * `http://127.0.0.1:8080.evil.example` or `http://127.0.0.1:8080@evil` must
 * never pass for the hub.
 */

/** The origin of an http(s) URL, or null for anything else (file:, data:, javascript:, garbage). */
export function httpOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.origin;
}

/** True when `url` is an http(s) URL on exactly `appOrigin` (scheme, host and port). */
export function isAppUrl(url: string | undefined | null, appOrigin: string | null): boolean {
  if (!appOrigin) return false;
  const origin = httpOrigin(url);
  return origin !== null && origin === appOrigin;
}

export interface SenderFrame {
  url: string;
  /** The frame is its window's main frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Whether an IPC message may be served: the sending frame still exists, is the
 * main frame, and shows a page of the hub origin its window was opened on.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string | null): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isAppUrl(frame.url, appOrigin);
}

/**
 * Normalises a configured hub URL to its origin (`http://192.168.1.10:8080`).
 * Throws on anything that is not a plain http(s) origin (paths, queries,
 * fragments and credentials are refused rather than silently dropped).
 */
export function normaliseHubUrl(input: string): string {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new Error(`"${input}" is not a URL; write it like http://192.168.1.10:8080`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`the hub URL must start with http:// or https:// (got ${parsed.protocol})`);
  }
  if (parsed.username || parsed.password) throw new Error('the hub URL must not contain a user name or password');
  if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash) {
    throw new Error('the hub URL is the address only, without a path (e.g. http://192.168.1.10:8080)');
  }
  return parsed.origin;
}
