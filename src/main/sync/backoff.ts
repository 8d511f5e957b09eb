/**
 * Exponential backoff with "full jitter" (a random wait between half and all
 * of the exponential step), so many hubs coming back after a district outage
 * do not all knock at the same second.
 */
export function backoffDelay(failures: number, opts: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(step / 2 + random() * (step / 2));
}
