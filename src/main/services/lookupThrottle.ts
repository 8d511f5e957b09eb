/**
 * Failed dossier look-ups at the kiosks, counted in a sliding window per kiosk
 * and over all kiosks together, so that trying codes one after another (or from
 * several kiosks at once) gets nowhere: past either limit, every look-up is
 * refused until enough failures have aged out of the window. A successful
 * look-up does not wipe the count (an attacker could otherwise interleave a
 * known code). Kept in memory: a hub restart forgets it, which costs an
 * attacker a restart of the office PC per handful of guesses.
 */
export interface ThrottleLimits {
  windowMs: number;
  perKiosk: number;
  total: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 10 * 60_000, perKiosk: 5, total: 20 };

export function createLookupThrottle(now: () => number, limits: ThrottleLimits = DEFAULT_THROTTLE) {
  const perKiosk = new Map<number, number[]>();
  let all: number[] = [];

  const prune = (times: number[], t: number) => {
    let i = 0;
    while (i < times.length && times[i]! <= t - limits.windowMs) i++;
    return i === 0 ? times : times.slice(i);
  };

  /** Seconds until this kiosk may look up again, or 0 when it may now. */
  function waitSeconds(kioskId: number): number {
    const t = now();
    all = prune(all, t);
    const mine = prune(perKiosk.get(kioskId) ?? [], t);
    if (mine.length === 0) perKiosk.delete(kioskId);
    else perKiosk.set(kioskId, mine);
    // Blocked until the oldest failure that keeps the count at the limit leaves the window.
    const until = (times: number[], max: number) => (times.length >= max ? times[times.length - max]! + limits.windowMs : 0);
    const free = Math.max(until(mine, limits.perKiosk), until(all, limits.total));
    return free > t ? Math.ceil((free - t) / 1000) : 0;
  }

  function fail(kioskId: number): void {
    const t = now();
    all.push(t);
    const mine = perKiosk.get(kioskId) ?? [];
    mine.push(t);
    perKiosk.set(kioskId, mine);
    // Bound the memory a flood can take: only the newest `total` failures ever matter.
    if (all.length > limits.total * 4) all = all.slice(-limits.total);
    if (perKiosk.size > 10_000) perKiosk.clear();
  }

  /** Failures left to this kiosk before it is held back (what the screen may say). */
  function left(kioskId: number): number {
    const t = now();
    return Math.max(0, Math.min(limits.perKiosk - prune(perKiosk.get(kioskId) ?? [], t).length, limits.total - prune(all, t).length));
  }

  return { waitSeconds, fail, left };
}
export type LookupThrottle = ReturnType<typeof createLookupThrottle>;
