import type { Database } from './db';

/**
 * The district server's own numbered migrations (the hub has its own in
 * src/main/db/migrations). Each runs in one transaction with its number
 * recorded in schema_migrations; never edit a shipped one.
 */
export const districtMigrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'offices, hubs, mutations, changes',
    sql: /* sql */ `
CREATE TABLE offices (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  agency_code text NOT NULL,
  -- the office's change sequence: bumped (row-locked) by every change, so seqs commit in order
  change_seq  bigint NOT NULL DEFAULT 0,
  -- cursors below this can no longer be served (tombstones purged): the hub must take a snapshot
  min_seq     bigint NOT NULL DEFAULT 0
);
CREATE TABLE enrolment_codes (
  code_hash  text PRIMARY KEY,
  office_id  text NOT NULL REFERENCES offices (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at    bigint
);
CREATE TABLE hubs (
  id         uuid PRIMARY KEY,
  office_id  text NOT NULL REFERENCES offices (id),
  name       text NOT NULL,
  public_key text NOT NULL,
  epoch      int NOT NULL,
  created_at bigint NOT NULL,
  revoked_at bigint
);
CREATE TABLE hub_epochs (
  hub_id     uuid NOT NULL REFERENCES hubs (id),
  epoch      int NOT NULL,
  last_seq   bigint NOT NULL DEFAULT 0,
  started_at bigint NOT NULL,
  retired_at bigint,
  PRIMARY KEY (hub_id, epoch)
);
-- Every mutation a hub pushed, with the result it got: a retry gets this result back.
CREATE TABLE mutations (
  hub_id      uuid NOT NULL REFERENCES hubs (id),
  epoch       int NOT NULL,
  seq         bigint NOT NULL,
  mutation_id uuid NOT NULL,
  kind        text NOT NULL,
  fingerprint text NOT NULL,
  payload     jsonb,
  status      text NOT NULL CHECK (status IN ('applied', 'rejected')),
  reason      text,
  recorded_at bigint NOT NULL,
  PRIMARY KEY (hub_id, epoch, seq),
  UNIQUE (hub_id, mutation_id)
);
CREATE TABLE nonces (
  hub_id     uuid NOT NULL,
  nonce      text NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (hub_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);

-- Hub-owned data as received.
CREATE TABLE tickets (
  id        uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices (id),
  data      jsonb NOT NULL,
  closed    jsonb
);
CREATE TABLE ratings (
  id        uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices (id),
  data      jsonb NOT NULL
);
-- A dossier: what the hub received (received), and the fields the district owns.
CREATE TABLE dossiers (
  code            text PRIMARY KEY,
  office_id       text NOT NULL REFERENCES offices (id),
  received        jsonb NOT NULL,
  status          int NOT NULL,
  status_before   int,
  stage           text,
  department      text,
  handler         text,
  due_at          bigint,
  result_ready_at bigint,
  supplement      jsonb,
  note            text,
  updated_at      bigint NOT NULL
);
CREATE INDEX dossiers_office ON dossiers (office_id);
CREATE TABLE dossier_history (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL REFERENCES dossiers (code),
  at          bigint NOT NULL,
  actor       text NOT NULL,
  from_status int,
  to_status   int NOT NULL,
  note        text
);

-- Catalogue, holidays and notices are published district-wide (office_id NULL) or to one office.
CREATE TABLE procedures (code text PRIMARY KEY, data jsonb NOT NULL, updated_at bigint NOT NULL);
CREATE TABLE calendar_days (date text PRIMARY KEY, data jsonb NOT NULL, updated_at bigint NOT NULL);
CREATE TABLE notices (id text PRIMARY KEY, office_id text REFERENCES offices (id), data jsonb NOT NULL);

-- What each office's hub pulls: the latest state per (collection, key), stamped
-- with the office's change seq; data NULL is a tombstone.
CREATE TABLE changes (
  office_id  text NOT NULL REFERENCES offices (id),
  collection text NOT NULL,
  key        text NOT NULL,
  seq        bigint NOT NULL,
  data       jsonb,
  PRIMARY KEY (office_id, collection, key)
);
CREATE INDEX changes_seq ON changes (office_id, seq);
`,
  },
  {
    version: 20,
    name: 'fee payment status, extensions granted (issue 12)',
    sql: /* sql */ `
-- Whether the fee was paid (the account holder says so; NULL = not said), pulled by the hub.
ALTER TABLE dossiers ADD COLUMN payment_status text CHECK (payment_status IS NULL OR payment_status IN ('unpaid', 'paid'));
-- Nghị định 118/2025 Điều 19 khoản 6: the result date moves at most once.
ALTER TABLE dossiers ADD COLUMN extensions int NOT NULL DEFAULT 0;
`,
  },
  {
    version: 22,
    name: 'dossier channel and online payment',
    sql: /* sql */ `
-- 1 in person, 2 online (filed on the portal), 3 public postal service (docs/legal.md §4)
ALTER TABLE dossiers ADD COLUMN channel int NOT NULL DEFAULT 1 CHECK (channel IN (1, 2, 3));
-- DuocThanhToanTrucTuyen: 0 no, 1 national portal, 2 the province's payment gateway
ALTER TABLE dossiers ADD COLUMN paid_online int NOT NULL DEFAULT 0 CHECK (paid_online IN (0, 1, 2));
`,
  },
  {
    // Digitised files (issue 15): bytea chunks in the database, not large objects or files (src/district/attachments.ts says why).
    version: 40,
    name: 'attachments',
    sql: `
CREATE TABLE attachment_files (
  office_id  text NOT NULL REFERENCES offices (id),
  sha256     text NOT NULL CHECK (length(sha256) = 64),
  size       bigint NOT NULL CHECK (size > 0),
  received   bigint NOT NULL CHECK (received >= 0 AND received <= size),
  done       boolean NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (office_id, sha256)
);
CREATE INDEX attachment_files_sha ON attachment_files (sha256) WHERE done;
CREATE TABLE attachment_chunks (
  office_id text NOT NULL,
  sha256    text NOT NULL,
  "offset"  bigint NOT NULL,
  data      bytea NOT NULL,
  PRIMARY KEY (office_id, sha256, "offset"),
  FOREIGN KEY (office_id, sha256) REFERENCES attachment_files (office_id, sha256)
);
CREATE TABLE attachment_refs (
  office_id    text NOT NULL REFERENCES offices (id),
  uid          text NOT NULL,
  sha256       text NOT NULL,
  dossier_code text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('component', 'result')),
  position     int,
  name         text NOT NULL,
  pages        int NOT NULL,
  created_at   bigint NOT NULL,
  PRIMARY KEY (office_id, uid),
  FOREIGN KEY (office_id, sha256) REFERENCES attachment_files (office_id, sha256)
);
CREATE INDEX attachment_refs_dossier ON attachment_refs (dossier_code);
`,
  },
];

export async function migrateDistrict(db: Database): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
  const { rows } = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  const current = rows[0]?.v ?? 0;
  const newest = districtMigrations.at(-1)!.version;
  if (current > newest) throw new Error(`The district database was written by a newer server (schema ${current}; this one knows up to ${newest}).`);
  for (const m of districtMigrations.filter((x) => x.version > current)) {
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
    });
  }
}
