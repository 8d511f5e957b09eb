/**
 * Issue 12 §2: a two-tier catalogue, versioned, and the office's agency codes.
 *
 * - `procedures` is rebuilt (SQLite cannot change a CHECK): level may be
 *   'province' now; 'district' stays readable for rows from before the reform,
 *   and the validator (src/shared/domain/procedureRules.ts) keeps it out of
 *   anything new. Its documents table is rebuilt beside it, so dropping the old
 *   table never cascades into the documents (foreign keys are on).
 * - `procedure_versions`: every version of a procedure as it was published
 *   (canonical JSON) with its hash; `procedures.version` is the one in force.
 *   Version 1 of every existing procedure is written here from its rows.
 * - `dossiers.procedure_version` / `procedure_level`: what a dossier was
 *   received under, so a later import or pull never rewrites its receipt or
 *   due time; NULL version = received before versions were kept.
 * - `agency_codes`: the codes the office has used and the office days each
 *   was in force, so an old dossier code still resolves after a merge.
 */
export const sql = /* sql */ `
CREATE TABLE procedures_v21 (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  national_code      TEXT UNIQUE,
  name_vi            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  field_vi           TEXT NOT NULL,
  field_en           TEXT NOT NULL,
  level              TEXT NOT NULL CHECK (level IN ('province', 'commune', 'district')),
  implementing_agency TEXT,
  processing_value   INTEGER NOT NULL CHECK (processing_value >= 0),
  processing_unit    TEXT NOT NULL CHECK (processing_unit IN ('working_days', 'calendar_days')),
  processing_hours   INTEGER NOT NULL CHECK (processing_hours >= 0),
  processing_note_vi TEXT,
  processing_note_en TEXT,
  fee_text_vi        TEXT NOT NULL,
  fee_text_en        TEXT NOT NULL,
  fee_amount         INTEGER CHECK (fee_amount >= 0),
  legal_basis        TEXT NOT NULL CHECK (json_valid(legal_basis)),
  result_methods     TEXT NOT NULL CHECK (json_valid(result_methods)),
  steps              TEXT NOT NULL CHECK (json_valid(steps)),
  sort_key           TEXT NOT NULL,
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
INSERT INTO procedures_v21 (id, code, national_code, name_vi, name_en, field_vi, field_en, level, processing_value, processing_unit, processing_hours,
    processing_note_vi, processing_note_en, fee_text_vi, fee_text_en, fee_amount, legal_basis, result_methods, steps, sort_key, active, updated_at)
  SELECT id, code, national_code, name_vi, name_en, field_vi, field_en, level, processing_value, processing_unit, processing_hours,
    processing_note_vi, processing_note_en, fee_text_vi, fee_text_en, fee_amount, legal_basis, result_methods, steps, sort_key, active, updated_at
  FROM procedures;

CREATE TABLE procedure_documents_v21 (
  procedure_id     INTEGER NOT NULL REFERENCES procedures_v21 (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name_vi          TEXT NOT NULL,
  name_en          TEXT NOT NULL,
  originals        INTEGER NOT NULL CHECK (originals >= 0),
  certified_copies INTEGER NOT NULL CHECK (certified_copies >= 0),
  photocopies      INTEGER NOT NULL CHECK (photocopies >= 0),
  PRIMARY KEY (procedure_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO procedure_documents_v21 SELECT procedure_id, position, name_vi, name_en, originals, certified_copies, photocopies FROM procedure_documents;

DROP TABLE procedure_documents;
DROP TABLE procedures;
ALTER TABLE procedures_v21 RENAME TO procedures;
ALTER TABLE procedure_documents_v21 RENAME TO procedure_documents;
CREATE INDEX procedures_field ON procedures (field_vi, sort_key);
CREATE INDEX procedures_sort ON procedures (sort_key);

CREATE TABLE procedure_versions (
  procedure_code TEXT NOT NULL,
  version        INTEGER NOT NULL CHECK (version >= 1),
  data           TEXT NOT NULL CHECK (json_valid(data)),
  -- sha256 of the canonical JSON: an unchanged procedure sent again makes no new version
  content_hash   TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('seed', 'import', 'district', 'migration')),
  valid_from     INTEGER NOT NULL,
  PRIMARY KEY (procedure_code, version)
) STRICT, WITHOUT ROWID;

-- Version 1 of what the store holds now. Its hash is left empty: the first upsert after the
-- migration compares whole procedures, not hashes, and writes version 2 only if something differs.
INSERT INTO procedure_versions (procedure_code, version, data, content_hash, source, valid_from)
  SELECT p.code, 1,
    json_object('code', p.code, 'nationalCode', p.national_code, 'nameVi', p.name_vi, 'nameEn', p.name_en, 'fieldVi', p.field_vi, 'fieldEn', p.field_en,
      'level', p.level, 'implementingAgency', NULL,
      'processing', json_object('value', p.processing_value, 'unit', p.processing_unit, 'noteVi', p.processing_note_vi, 'noteEn', p.processing_note_en),
      'fee', json_object('amount', p.fee_amount, 'textVi', p.fee_text_vi, 'textEn', p.fee_text_en),
      'documents', json((SELECT json_group_array(json_object('nameVi', d.name_vi, 'nameEn', d.name_en, 'originals', d.originals, 'certifiedCopies', d.certified_copies, 'photocopies', d.photocopies))
                    FROM (SELECT * FROM procedure_documents WHERE procedure_id = p.id ORDER BY position) d)),
      'steps', json(p.steps), 'legalBasis', json(p.legal_basis), 'resultMethods', json(p.result_methods)),
    '', 'migration', p.updated_at
  FROM procedures p;

ALTER TABLE dossiers ADD COLUMN procedure_version INTEGER;
ALTER TABLE dossiers ADD COLUMN procedure_level TEXT CHECK (procedure_level IS NULL OR procedure_level IN ('province', 'commune', 'district'));
-- The level a dossier was received under is its label for good (a district one stays "Cấp huyện").
UPDATE dossiers SET procedure_level = (SELECT level FROM procedures p WHERE p.code = dossiers.procedure_code);

CREATE TABLE agency_codes (
  code       TEXT PRIMARY KEY,
  -- office days, inclusive; on the day of a change both codes are in force
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
) STRICT, WITHOUT ROWID;
`;
