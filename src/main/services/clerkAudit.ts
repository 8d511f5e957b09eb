import type { ClerkRole } from '../../shared/api';

interface ClerkFields {
  fullName: string;
  role: ClerkRole;
  active: boolean;
}

/**
 * The audit action and details of a change to a clerk: a PIN reset, a disable,
 * or another change, with what changed before → after (never the PIN itself).
 */
export function clerkAuditEntry(before: ClerkFields | null, after: ClerkFields, pinReset: boolean): { action: string; detail: Record<string, unknown> } {
  if (!before) return { action: 'clerk.created', detail: { fullName: after.fullName, role: after.role } };
  const changes: Record<string, unknown> = {};
  for (const k of ['fullName', 'role', 'active'] as const) if (before[k] !== after[k]) changes[k] = { before: before[k], after: after[k] };
  if (pinReset) return { action: 'clerk.pin_reset', detail: Object.keys(changes).length ? { changes } : {} };
  if (before.active && !after.active) return { action: 'clerk.disabled', detail: { changes } };
  return { action: 'clerk.updated', detail: { changes } };
}
