import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/api';
import { tokenOf } from './auth';

/**
 * Throttles guessing of dossier codes. A caller (a token, or an address when it
 * has none) whose look-ups answered "no such dossier" MAX_MISSES times within
 * WINDOW_MS gets 429 on every route that looks a dossier up by its code, right
 * code or not, until the window moves on. The per-address limits of
 * @fastify/rate-limit count every request; this one counts only misses, so a
 * busy counter that opens many real dossiers is never slowed.
 *
 * A route looks a dossier up by code when its path has `dossiers/:code` (the
 * staff routes, and a kiosk look-up written the same way), or when it is named
 * in CODE_LOOKUP_ROUTES.
 */
export const MAX_MISSES = 20;
export const WINDOW_MS = 10 * 60_000;
/** Error codes that mean "that code is not a dossier" (a guess that failed). */
export const MISS_CODES: ReadonlySet<string> = new Set(['UNKNOWN_DOSSIER']);
/** Routes outside the `dossiers/:code` pattern that look a dossier up by code. */
export const CODE_LOOKUP_ROUTES: ReadonlySet<string> = new Set<string>([]);

export function isCodeLookup(name: string, path: string): boolean {
  return CODE_LOOKUP_ROUTES.has(name) || /dossiers\/:code\b/.test(path);
}

export function createGuessThrottle(now: () => number) {
  const misses = new Map<string, number[]>();
  const keyOf = (req: FastifyRequest) => {
    const token = tokenOf(req, false);
    return token ? `t:${createHash('sha256').update(token).digest('base64url').slice(0, 16)}` : `a:${req.ip}`;
  };
  const recent = (key: string) => {
    const since = now() - WINDOW_MS;
    const list = (misses.get(key) ?? []).filter((t) => t > since);
    if (list.length) misses.set(key, list);
    else misses.delete(key);
    return list;
  };
  return {
    /** Route hooks for a code look-up route. */
    hooks: {
      onRequest: async (req: FastifyRequest) => {
        if (recent(keyOf(req)).length >= MAX_MISSES) {
          throw new AppError(429, 'RATE_LIMITED', 'Too many dossier codes that do not exist. Check the receipt and try again in a few minutes.');
        }
      },
      onError: async (req: FastifyRequest, _reply: unknown, err: Error & { code?: string }) => {
        if (err instanceof AppError && MISS_CODES.has(err.code)) {
          const key = keyOf(req);
          misses.set(key, [...recent(key), now()]);
          // Callers that stopped guessing are dropped when the map grows, so it stays small for good.
          if (misses.size > 1000) for (const k of [...misses.keys()]) recent(k);
        }
      },
    },
    /** Callers being tracked (for the memory check of the long runs). */
    size: () => misses.size,
  };
}
export type GuessThrottle = ReturnType<typeof createGuessThrottle>;

/** The throttle's hooks for a route's options when the route looks a dossier up by code (else nothing). */
export function guessThrottleOptions(throttle: GuessThrottle, name: string, path: string) {
  return isCodeLookup(name, path) ? { preHandler: throttle.hooks.onRequest, onError: throttle.hooks.onError } : {};
}
