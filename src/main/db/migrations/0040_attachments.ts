/**
 * Digitised files of a dossier (issue 15).
 *
 * - `dossier_attachments`: one row per file attached to a component (`position`, as in
 *   dossier_documents) or to the result (`position` NULL, kind 'result'). The bytes live beside the
 *   store under their SHA-256 (files/ab/abcd…), written and fsync'd before this row is inserted, so a
 *   power cut leaves either no row or a whole file. A row is never deleted: removing or replacing a file
 *   sets `removed_at` (and `replaced_by`) and is audited, so a file is never silently lost.
 * - `attachment_uploads`: the district upload of each file, named by the outbox row of the attachment
 *   (sync). `sent` is how many bytes the district has acknowledged, so an upload resumes after an
 *   outage or a restart where it stopped; `done_at` when the district checked the whole file's hash.
 */
export const sql = /* sql */ `
CREATE TABLE dossier_attachments (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
  kind         TEXT NOT NULL CHECK (kind IN ('component', 'result')),
  position     INTEGER,
  name         TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL CHECK (size > 0),
  pages        INTEGER NOT NULL CHECK (pages >= 1),
  source       TEXT NOT NULL CHECK (source IN ('camera', 'scanner', 'file')),
  clerk_id     INTEGER REFERENCES clerks (id),
  created_at   INTEGER NOT NULL,
  removed_at   INTEGER,
  removed_by   INTEGER REFERENCES clerks (id),
  replaced_by  INTEGER REFERENCES dossier_attachments (id),
  CHECK ((kind = 'result') = (position IS NULL))
) STRICT;
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id, position);
CREATE INDEX dossier_attachments_sha ON dossier_attachments (sha256);

CREATE TABLE attachment_uploads (
  attachment_id INTEGER PRIMARY KEY REFERENCES dossier_attachments (id),
  sent          INTEGER NOT NULL DEFAULT 0 CHECK (sent >= 0),
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  done_at       INTEGER
) STRICT;
CREATE INDEX attachment_uploads_pending ON attachment_uploads (attachment_id) WHERE done_at IS NULL;
`;
