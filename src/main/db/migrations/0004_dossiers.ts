/**
 * Dossiers received at the counter (issue 3).
 *
 * - `dossiers` keeps a SNAPSHOT of the procedure (code, names, processing time)
 *   as it was at acceptance, so a later catalogue edit never rewrites history.
 *   `due_at` is the due computed at acceptance (for lists and sorting); the
 *   due shown is recomputed on read with the supplement pauses and the
 *   current calendar. Overdue / nearly due are never stored.
 * - The code `<agency>-<yymmdd>-<seq>` takes its sequence from
 *   `dossier_sequences`, bumped with INSERT … ON CONFLICT … RETURNING in the
 *   same transaction as the insert; UNIQUE (code) and UNIQUE (office_day, seq)
 *   back it up. The register book ("quyển / số") is the year and its own
 *   yearly sequence, UNIQUE too.
 * - `dossier_events`: every status change (the timeline), by a clerk or by the
 *   district (sync). `dossier_pauses`: supplement requests; at most one open.
 */
export const sql = /* sql */ `
CREATE TABLE dossier_sequences (
  office_day TEXT PRIMARY KEY,
  last_seq   INTEGER NOT NULL CHECK (last_seq >= 1)
) STRICT, WITHOUT ROWID;

CREATE TABLE dossiers (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  secret              TEXT NOT NULL CHECK (length(secret) = 6),
  office_day          TEXT NOT NULL,
  seq                 INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 9999),
  procedure_code      TEXT NOT NULL,
  procedure_name_vi   TEXT NOT NULL,
  procedure_name_en   TEXT NOT NULL,
  processing_value    INTEGER NOT NULL CHECK (processing_value >= 0),
  processing_unit     TEXT NOT NULL CHECK (processing_unit IN ('working_days', 'working_hours', 'calendar_days')),
  processing_hours    INTEGER NOT NULL CHECK (processing_hours >= 0),
  applicant_name      TEXT NOT NULL,
  -- foldVietnamese(applicant_name): the search key
  applicant_name_folded TEXT NOT NULL,
  applicant_id_type   TEXT NOT NULL CHECK (applicant_id_type IN ('cccd', 'passport')),
  applicant_id_number TEXT NOT NULL,
  applicant_phone     TEXT NOT NULL,
  applicant_email     TEXT,
  applicant_address   TEXT NOT NULL,
  -- {fullName, idType, idNumber} when the owner is not the applicant
  owner               TEXT CHECK (owner IS NULL OR json_valid(owner)),
  sets                INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20),
  fee_collected       INTEGER NOT NULL CHECK (fee_collected >= 0),
  result_delivery     TEXT NOT NULL CHECK (result_delivery IN ('counter', 'post')),
  postal_address      TEXT,
  notes               TEXT NOT NULL DEFAULT '',
  status              INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
  accepted_at         INTEGER NOT NULL,
  due_at              INTEGER NOT NULL,
  stage               TEXT,
  department          TEXT,
  clerk_id            INTEGER REFERENCES clerks (id),
  counter_id          INTEGER REFERENCES counters (id),
  ticket_id           INTEGER REFERENCES tickets (id),
  book_year           INTEGER NOT NULL,
  book_number         INTEGER NOT NULL CHECK (book_number >= 1),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  UNIQUE (office_day, seq),
  UNIQUE (book_year, book_number),
  CHECK (result_delivery = 'counter' OR postal_address IS NOT NULL)
) STRICT;
CREATE INDEX dossiers_accepted ON dossiers (accepted_at);
CREATE INDEX dossiers_status_due ON dossiers (status, due_at);
CREATE INDEX dossiers_ticket ON dossiers (ticket_id);

CREATE TABLE dossier_documents (
  dossier_id       INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name_vi          TEXT NOT NULL,
  name_en          TEXT,
  originals        INTEGER NOT NULL CHECK (originals BETWEEN 0 AND 20),
  certified_copies INTEGER NOT NULL CHECK (certified_copies BETWEEN 0 AND 20),
  photocopies      INTEGER NOT NULL CHECK (photocopies BETWEEN 0 AND 20),
  received         INTEGER NOT NULL CHECK (received IN (0, 1)),
  PRIMARY KEY (dossier_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE dossier_events (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL CHECK (actor IN ('clerk', 'district')),
  clerk_id    INTEGER REFERENCES clerks (id),
  -- NULL for the first event (registration)
  from_status INTEGER CHECK (from_status BETWEEN 1 AND 10),
  to_status   INTEGER NOT NULL CHECK (to_status BETWEEN 1 AND 10),
  stage       TEXT,
  note        TEXT,
  -- a new appointment (apology-and-new-date slip, or the district extending the due time)
  new_due_at  INTEGER,
  CHECK (actor = 'district' OR clerk_id IS NOT NULL)
) STRICT;
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);

CREATE TABLE dossier_pauses (
  id            INTEGER PRIMARY KEY,
  dossier_id    INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  from_at       INTEGER NOT NULL,
  to_at         INTEGER,
  -- the status the dossier returns to when the supplement arrives
  status_before INTEGER NOT NULL CHECK (status_before BETWEEN 1 AND 10),
  items         TEXT NOT NULL CHECK (json_valid(items)),
  reason        TEXT NOT NULL,
  CHECK (to_at IS NULL OR to_at >= from_at)
) STRICT;
CREATE INDEX dossier_pauses_dossier ON dossier_pauses (dossier_id, from_at);
CREATE UNIQUE INDEX dossier_pauses_open ON dossier_pauses (dossier_id) WHERE to_at IS NULL;
`;
