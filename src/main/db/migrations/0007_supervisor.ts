/**
 * The supervisor (issue 6): the citizens' ratings, and the indexes the figures
 * read through.
 *
 * The figures are computed on read from the event tables (ticket_events,
 * dossier_events) rather than kept in rollups: an office has at most a few
 * hundred tickets a day, so a day's events are a few thousand rows read by
 * index, and a figure can never drift from the events it sums
 * (bench/supervisor-figures.ts measures it; docs/supervisor.md says why).
 *
 * - `ratings.id` is a UUID the hub makes, so a rating keeps its identity on the
 *   way to the district server (outbox). A visit (ticket) is rated once; a
 *   hand-back (subject 'dossier') once per dossier. A visit's rating also names
 *   the dossier registered in it, so the dossier code alone is not unique.
 */
export const sql = /* sql */ `
CREATE TABLE ratings (
  id          TEXT PRIMARY KEY CHECK (length(id) = 36),
  -- what was rated: the visit (a finished ticket) or the hand-back of a result
  subject     TEXT NOT NULL CHECK (subject IN ('ticket', 'dossier')),
  office_day  TEXT NOT NULL,
  ticket_id   INTEGER REFERENCES tickets (id),
  dossier_code TEXT REFERENCES dossiers (code),
  clerk_id    INTEGER REFERENCES clerks (id),
  counter_id  INTEGER REFERENCES counters (id),
  level       TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'unsatisfied')),
  -- {criterion key: 0 | 1 | 2} when the office asks the legal criteria
  criteria    TEXT CHECK (criteria IS NULL OR json_valid(criteria)),
  created_at  INTEGER NOT NULL,
  CHECK (ticket_id IS NOT NULL OR dossier_code IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX ratings_ticket ON ratings (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE UNIQUE INDEX ratings_dossier ON ratings (dossier_code) WHERE subject = 'dossier';
CREATE INDEX ratings_day ON ratings (office_day);

-- Hand-backs (and any status reached) in a date range, without reading every timeline.
CREATE INDEX dossier_events_status_at ON dossier_events (to_status, at);
-- A clerk's hand-backs at the counter (the rating prompt).
CREATE INDEX dossier_events_clerk_at ON dossier_events (clerk_id, at);
-- Tickets finished at a counter, newest first (the rating prompt).
CREATE INDEX tickets_counter_finished ON tickets (counter_id, finished_at);
`;
