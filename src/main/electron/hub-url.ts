/** Small pure helpers around the hub's address. */

/** The URL windows on this PC use for a hub that reported `readyUrl` (0.0.0.0/:: → 127.0.0.1). */
export function localHubOrigin(readyUrl: string): string {
  const u = new URL(readyUrl);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`hub reported a non-http URL: ${readyUrl}`);
  if (u.hostname === '0.0.0.0' || u.hostname === '[::]' || u.hostname === '::') u.hostname = '127.0.0.1';
  return u.origin;
}

/** The page a window of `role` opens; a device token travels in the fragment, never to the server's logs. */
export function windowUrl(origin: string, role: string, token?: string | null): string {
  const base = `${origin}/${role}`;
  return token ? `${base}#device=${encodeURIComponent(token)}` : base;
}

/** Port of an http(s) origin, with the scheme's default filled in. */
export function originPort(origin: string): number {
  const u = new URL(origin);
  if (u.port) return Number(u.port);
  return u.protocol === 'https:' ? 443 : 80;
}
