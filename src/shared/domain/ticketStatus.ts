/**
 * The life of a queue ticket. One table of allowed moves, used by the hub to
 * refuse an action on a ticket in the wrong state and by the counter screen to
 * enable only the buttons that can work.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketAction = 'call' | 'recall' | 'no_show' | 'start' | 'finish' | 'transfer' | 'requeue';

const allowed: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  no_show: ['called'],
  start: ['called'],
  finish: ['serving'],
  transfer: ['called', 'serving'],
  requeue: ['no_show'],
};

export function canApply(action: TicketAction, status: TicketStatus): boolean {
  return allowed[action].includes(status);
}

/** Statuses in which a ticket occupies its counter. */
export function isAtCounter(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving';
}
