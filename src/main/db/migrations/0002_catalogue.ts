/**
 * The procedure catalogue. `procedure_search` is an FTS5 table holding the
 * FOLDED text (foldVietnamese: NFD, marks stripped, đ/Đ → d, lower case) of
 * each procedure's codes, names and field, with rowid = procedures.id. It keeps
 * its own copy of that folded text (a plain, not external-content, table): the
 * folded text exists nowhere else, and the rows are tiny. The repository
 * (src/main/db/repos/catalogue.ts) writes it in the same transaction as the
 * procedure; there are no triggers, since SQLite has no fold function.
 * `remove_diacritics 2` is kept as a second line of defence for any text
 * that reaches the index unfolded.
 */
export const sql = /* sql */ `
CREATE TABLE procedures (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  national_code      TEXT UNIQUE,
  name_vi            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  field_vi           TEXT NOT NULL,
  field_en           TEXT NOT NULL,
  level              TEXT NOT NULL CHECK (level IN ('commune', 'district')),
  processing_value   INTEGER NOT NULL CHECK (processing_value >= 0),
  processing_unit    TEXT NOT NULL CHECK (processing_unit IN ('working_days', 'calendar_days')),
  -- working hours: value × 8 (a working day is 8 hours); 0 = the same day
  processing_hours   INTEGER NOT NULL CHECK (processing_hours >= 0),
  processing_note_vi TEXT,
  processing_note_en TEXT,
  fee_text_vi        TEXT NOT NULL,
  fee_text_en        TEXT NOT NULL,
  -- VND; NULL = set by the province or depends on the case
  fee_amount         INTEGER CHECK (fee_amount >= 0),
  legal_basis        TEXT NOT NULL CHECK (json_valid(legal_basis)),
  result_methods     TEXT NOT NULL CHECK (json_valid(result_methods)),
  steps              TEXT NOT NULL CHECK (json_valid(steps)),
  -- the folded name, for ordering and for the name tiebreak of the ranking
  sort_key           TEXT NOT NULL,
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX procedures_field ON procedures (field_vi, sort_key);
CREATE INDEX procedures_sort ON procedures (sort_key);

CREATE TABLE procedure_documents (
  procedure_id     INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name_vi          TEXT NOT NULL,
  name_en          TEXT NOT NULL,
  originals        INTEGER NOT NULL CHECK (originals >= 0),
  certified_copies INTEGER NOT NULL CHECK (certified_copies >= 0),
  photocopies      INTEGER NOT NULL CHECK (photocopies >= 0),
  PRIMARY KEY (procedure_id, position)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE procedure_search USING fts5(
  code, name, field,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);
`;
