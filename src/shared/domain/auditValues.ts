/**
 * How an audit-log detail reads for a person: the one place that decides which
 * values are instants. The log stores what the action had in hand (a pairing
 * code's `expiresAt: 1796348424319`, a restore's ISO `backupTakenAt`); the
 * screen and the CSV show them as "dd/mm/yyyy HH:mm" in office time.
 *
 * An instant is recognised by BOTH its key and its value, so a count or an id
 * never turns into a date:
 * - key: `at`, `time`, `…At`/`…Time`/`…Until`/`…Since` (camelCase), `…_at`/`…_time`, `expires…`;
 * - value: whole epoch milliseconds between 2000 and 2100, or an ISO 8601 date-time string.
 */
import { officeDateVi, officeTimeOf, OFFICE_TIME_ZONE } from './officeDay';

const INSTANT_KEY = /^(?:at|time|until|since)$|[a-z0-9](?:At|Time|Until|Since)$|_(?:at|time|until|since)$|^expires/;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** The instant an audit value stands for, or null when it is not one (see the rule above). */
export function auditInstant(key: string, value: unknown): number | null {
  if (!INSTANT_KEY.test(key)) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= MIN_MS && value < MAX_MS ? value : null;
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? ms : null;
  }
  return null;
}

/** "04/12/2026 14:05" in office time. */
export function formatAuditInstant(ms: number, timeZone: string = OFFICE_TIME_ZONE): string {
  return `${officeDateVi(ms, timeZone)} ${officeTimeOf(ms, timeZone)}`;
}

function valueText(key: string, value: unknown, timeZone: string): string {
  const ms = auditInstant(key, value);
  if (ms !== null) return formatAuditInstant(ms, timeZone);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map((v) => valueText(key, v, timeZone)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(k, v, timeZone)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** A detail as "key: value" pairs, instants as times at any depth (`after: {expiresAt: 04/12/2026 14:05}`). */
export function auditDetailParts(detail: Record<string, unknown>, timeZone: string = OFFICE_TIME_ZONE): string[] {
  return Object.entries(detail).map(([k, v]) => `${k}: ${valueText(k, v, timeZone)}`);
}
