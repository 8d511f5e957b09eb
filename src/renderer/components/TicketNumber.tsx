import { splitTicketNumber } from '../app/format';

/** A ticket number with its letters and digits styled apart (A023); reads as one word. */
export function TicketNumber({ number, className = '' }: { number: string; className?: string }) {
  const { prefix, digits } = splitTicketNumber(number);
  return (
    <span className={`ticket-number ${className}`}>
      <span className="ticket-number__prefix">{prefix}</span>
      <span className="ticket-number__digits">{digits}</span>
    </span>
  );
}
