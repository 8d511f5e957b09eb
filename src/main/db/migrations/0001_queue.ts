export const sql = /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE services (
  id      INTEGER PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  prefix  TEXT NOT NULL UNIQUE,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE clerks (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  full_name       TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
  pin_hash        TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER,
  created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE counters (
  id       INTEGER PRIMARY KEY,
  number   INTEGER NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  paused   INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  clerk_id INTEGER REFERENCES clerks (id),
  -- interleave state of the call order (src/shared/domain/callOrder.ts)
  normals_since_priority INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services (id),
  PRIMARY KEY (counter_id, service_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  clerk_id   INTEGER NOT NULL REFERENCES clerks (id),
  counter_id INTEGER REFERENCES counters (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at   INTEGER
) STRICT;

CREATE TABLE devices (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'counter')),
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at   INTEGER
) STRICT;

CREATE TABLE pairing_codes (
  code_hash  TEXT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'counter')),
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
) STRICT;

-- The last ticket sequence handed out per service per office day; read and
-- bumped in the same write transaction that inserts the ticket.
CREATE TABLE day_sequences (
  office_day TEXT NOT NULL,
  service_id INTEGER NOT NULL REFERENCES services (id),
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (office_day, service_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE tickets (
  id                 INTEGER PRIMARY KEY,
  office_day         TEXT NOT NULL,
  number             TEXT NOT NULL,
  seq                INTEGER NOT NULL,
  origin_service_id  INTEGER NOT NULL REFERENCES services (id),
  service_id         INTEGER NOT NULL REFERENCES services (id),
  priority           TEXT CHECK (priority IN ('elderly', 'disability', 'pregnant', 'small_child')),
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  source             TEXT NOT NULL CHECK (source IN ('kiosk', 'counter')),
  issued_at          INTEGER NOT NULL,
  -- arrival time used for the call order; a transfer keeps it
  queued_at          INTEGER NOT NULL,
  called_at          INTEGER,
  serving_started_at INTEGER,
  finished_at        INTEGER,
  counter_id         INTEGER REFERENCES counters (id),
  clerk_id           INTEGER REFERENCES clerks (id),
  recall_count       INTEGER NOT NULL DEFAULT 0,
  transfer_count     INTEGER NOT NULL DEFAULT 0,
  requeue_count      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (office_day, number)
) STRICT;
-- Covers the waiting counts and the call candidates (priority included, so no row lookups).
CREATE INDEX tickets_queue ON tickets (office_day, status, service_id, priority, queued_at);
-- The ticket at a counter and its served-today count, without scanning its history.
CREATE INDEX tickets_at_counter ON tickets (counter_id, office_day, status);
CREATE INDEX tickets_finished ON tickets (service_id, finished_at);

-- Every move of a ticket, for the supervisor's figures and the board's last calls.
CREATE TABLE ticket_events (
  id              INTEGER PRIMARY KEY,
  ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
  at              INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('issue', 'call', 'recall', 'no_show', 'start', 'finish', 'transfer', 'requeue')),
  counter_id      INTEGER REFERENCES counters (id),
  clerk_id        INTEGER REFERENCES clerks (id),
  from_service_id INTEGER REFERENCES services (id),
  to_service_id   INTEGER REFERENCES services (id)
) STRICT;
CREATE INDEX ticket_events_kind_at ON ticket_events (kind, at);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id);
`;
