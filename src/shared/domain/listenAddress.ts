/**
 * Where a server of ours listens, and whether that is this machine only. The
 * hub (MOTCUA_HOST) and the district server (DISTRICT_HOST) share the rule,
 * because the safe defaults hang on it: on loopback the demo credentials are
 * harmless, anywhere else everyone on the network has read them in the README.
 */

/** An empty host (`MOTCUA_HOST=` in a service file) would listen on every interface: loopback unless an address is named. */
export function listenAddress(host: string | undefined): string {
  return host?.trim() || '127.0.0.1';
}

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
