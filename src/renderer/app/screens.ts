/** The screens of the web UI; each is its own page and bundle (vite.config.ts `ROLE_PAGES`). */
export type Screen = 'kiosk' | 'counter' | 'display' | 'admin' | 'rate' | 'launcher';

/** No router library: the first path segment picks the screen. */
export function screenOf(pathname: string): Screen {
  const first = pathname.replace(/^\/+/, '').split('/')[0]?.toLowerCase() ?? '';
  if (first === 'kiosk' || first === 'counter' || first === 'display' || first === 'admin' || first === 'rate') return first;
  return 'launcher';
}
