/**
 * Sync with the district server (issue 5, docs/sync-protocol.md).
 *
 * - `sync_state`: enrolment (server URL, hub id, key pair, epoch and the
 *   outbox seq the epoch starts after), the pull cursor, status figures.
 * - `sync_outbox`: one row per local change to push, written in the SAME
 *   transaction as the change. `seq` is the hub's own sequence; the seq sent
 *   in an epoch is `seq - epoch_base`. `subject` (a dossier code) lets a pull
 *   leave alone a dossier whose own change is still waiting to be pushed.
 * - `sync_ids`: the UUID each ticket gets for the protocol (local integer
 *   ids never leave the hub; a restored hub reusing an integer gets a new UUID).
 * - `sync_rows`: the hub's copy of server-owned data, one row per
 *   (collection, key) as pulled, with the change seq; the domain tables
 *   (dossier status, catalogue, calendar) are projected from it in the same
 *   transaction. `sync_rows_staging` receives a snapshot before the swap.
 * - `sync_recovered`: mutations the server held that a restored hub had lost.
 */
export const sql = /* sql */ `
CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sync_outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  subject     TEXT,
  created_at  INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  reason      TEXT,
  done_at     INTEGER,
  resolved_at INTEGER
) STRICT;
CREATE INDEX sync_outbox_pending ON sync_outbox (status, seq);
CREATE INDEX sync_outbox_subject ON sync_outbox (subject) WHERE status = 'pending';

CREATE TABLE sync_ids (
  entity    TEXT NOT NULL CHECK (entity IN ('ticket')),
  local_id  INTEGER NOT NULL,
  global_id TEXT NOT NULL UNIQUE,
  PRIMARY KEY (entity, local_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_rows (
  collection   TEXT NOT NULL,
  key          TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  data         TEXT NOT NULL,
  confirmed_at INTEGER NOT NULL,
  PRIMARY KEY (collection, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_rows_staging (
  collection TEXT NOT NULL,
  key        TEXT NOT NULL,
  data       TEXT NOT NULL,
  PRIMARY KEY (collection, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_recovered (
  mutation_id TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL,
  recovered_at INTEGER NOT NULL
) STRICT;
`;
