/**
 * The two hub calls the main process makes itself (no `electron` import):
 * enrolling its own windows with the per-launch local secret, and checking an
 * admin PIN with a window's device token when leaving kiosk mode.
 */
import { pairResponse, verifyPinResponse } from '../../shared/api/schemas';
import { API_PREFIX } from '../../shared/api';

export const LOCAL_SECRET_HEADER = 'x-motcua-local-secret';

/** A device token for a window of `role` (kiosk, counter, display). */
export async function localEnrol(origin: string, secret: string, role: 'kiosk' | 'counter' | 'display', name: string): Promise<string> {
  const res = await fetch(`${origin}${API_PREFIX}/devices/local-enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LOCAL_SECRET_HEADER]: secret },
    body: JSON.stringify({ role, name }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`the hub refused to enrol the ${role} window (${res.status}): ${errorMessage(await res.json().catch(() => null)) ?? res.statusText}`);
  return pairResponse.parse(await res.json()).token;
}

export type PinCheck = { ok: true } | { ok: false; message: string };

/** Asks the hub whether `pin` is an active admin's; never throws. */
export async function verifyAdminPin(origin: string, token: string, pin: string): Promise<PinCheck> {
  try {
    const res = await fetch(`${origin}${API_PREFIX}/devices/verify-admin-pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ pin }),
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, message: errorMessage(body) ?? `The hub answered ${res.status}.` };
    const parsed = verifyPinResponse.safeParse(body);
    if (!parsed.success) return { ok: false, message: 'The hub gave an answer this app does not understand.' };
    return parsed.data.ok ? { ok: true } : { ok: false, message: 'Wrong PIN.' };
  } catch (e) {
    return { ok: false, message: `Could not reach the hub to check the PIN: ${(e as Error).message}` };
  }
}

function errorMessage(body: unknown): string | null {
  const m = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof m === 'string' ? m : null;
}
