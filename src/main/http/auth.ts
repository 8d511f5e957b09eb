import type { FastifyRequest } from 'fastify';
import { AppError, type Role } from '../../shared/api';
import type { AuthService, Authenticated } from '../services/auth';

/** The bearer token of a request: the Authorization header, or `access_token` for EventSource (which cannot set headers). */
export function tokenOf(req: FastifyRequest, allowQuery: boolean): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  if (allowQuery) {
    const q = (req.query as Record<string, unknown> | undefined)?.access_token;
    if (typeof q === 'string') return q;
  }
  return undefined;
}

/**
 * Resolves the caller and checks the route's roles; throws the 401/403 the client shows.
 * A session that must change its demo PIN (LAN mode) gets 403 PIN_CHANGE_REQUIRED on every
 * route not marked `beforePinChange`, the live event stream included.
 */
export function authorise(auth: AuthService, req: FastifyRequest, roles: readonly Role[], allowQuery = false, beforePinChange = false): Authenticated | null {
  if (roles.includes('public')) return null;
  const token = tokenOf(req, allowQuery);
  const who = token ? auth.authenticate(token) : undefined;
  if (!who) throw new AppError(401, 'UNAUTHENTICATED', token ? 'Your session has ended or this device was revoked. Log in or pair the device again.' : 'Log in or pair this device first.');
  if (!roles.includes(who.principal.role)) {
    throw new AppError(403, 'FORBIDDEN', `A ${who.principal.role} cannot do this.`);
  }
  if (who.pinChangeRequired && !beforePinChange) {
    throw new AppError(403, 'PIN_CHANGE_REQUIRED', 'This hub is open to the office network and this PIN is a demo PIN printed in the README: change it first (POST /api/v1/auth/change-pin).');
  }
  return who;
}
