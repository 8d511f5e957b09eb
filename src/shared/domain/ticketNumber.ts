/**
 * Ticket numbers: a service prefix and a zero-padded daily sequence (A001, B023).
 * The sequence restarts every office day (see officeDay.ts); uniqueness per day
 * is enforced by the store (UNIQUE(office_day, number)) and by allocating the
 * sequence inside the same write transaction that inserts the ticket.
 */
export const TICKET_SEQ_WIDTH = 3;
export const MAX_TICKET_SEQ = 9999;

/** A prefix is 1–2 capital Latin letters, so it reads aloud and prints clearly. */
export const TICKET_PREFIX_PATTERN = /^[A-Z]{1,2}$/;

export function isValidTicketPrefix(prefix: string): boolean {
  return TICKET_PREFIX_PATTERN.test(prefix);
}

export function formatTicketNumber(prefix: string, seq: number): string {
  if (!isValidTicketPrefix(prefix)) throw new RangeError(`invalid ticket prefix: ${prefix}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_TICKET_SEQ) throw new RangeError(`ticket sequence out of range: ${seq}`);
  return prefix + String(seq).padStart(TICKET_SEQ_WIDTH, '0');
}

/** Splits "A023" into its prefix and sequence; null when it is not a ticket number. */
export function parseTicketNumber(number: string): { prefix: string; seq: number } | null {
  const m = /^([A-Z]{1,2})(\d{3,4})$/.exec(number.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, seq: Number(m[2]) };
}
