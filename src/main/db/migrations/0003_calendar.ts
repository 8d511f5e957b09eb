export const sql = /* sql */ `
-- Official days off and swapped working days (seeded for 2025–2027, editable in /admin,
-- and later updated by the district server). Office hours live in settings ('officeHours').
CREATE TABLE calendar_days (
  date        TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'working_day')),
  name_vi     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  source      TEXT NOT NULL CHECK (source IN ('seed', 'admin', 'district')),
  updated_at  INTEGER NOT NULL
) STRICT;
`;
