/**
 * Restart delays for the hub process: 0.5 s, 1 s, 2 s, ... capped at 30 s.
 * A run that stayed up for `stableMs` resets the count, so a hub that crashes
 * once a week restarts at once and one that crashes at start-up does not spin.
 */
export interface Backoff {
  /** Delay before the next start, and counts the attempt. */
  next(): number;
  /** Tell it the process has been up since `startedAt` and just stopped at `now`. */
  stopped(startedAt: number, now: number): void;
  readonly attempts: number;
}

export function createBackoff(opts: { baseMs?: number; maxMs?: number; stableMs?: number } = {}): Backoff {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const stable = opts.stableMs ?? 60_000;
  let attempts = 0;
  return {
    next() {
      const delay = Math.min(max, base * 2 ** Math.min(attempts, 30));
      attempts += 1;
      return delay;
    },
    stopped(startedAt, now) {
      if (now - startedAt >= stable) attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
