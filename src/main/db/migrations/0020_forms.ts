/**
 * Issue 12, the forms of Thông tư 03/2025/TT-VPCP and the fee by QR.
 *
 * - `settings.formHeader`: the header every form prints (the agency, its parent,
 *   the place before the date), which used to be guessed from the office name on
 *   every print. Existing offices get what they printed before, fixed once here:
 *   the agency = the office name; the place = what follows the last
 *   "phường / xã / thị trấn / đặc khu / thị xã / quận / huyện / thành phố" in it;
 *   the parent = "Ủy ban nhân dân" + that unit (a commune centre belongs to the
 *   commune's people's committee, Nghị định 118/2025 Điều 7 khoản 3). The admin
 *   corrects them in /admin → Office. SQLite's lower() folds ASCII only, which is
 *   enough: the keywords differ from their capitalised forms in the first letter.
 * - `dossiers.payment_status`: whether the district says the fee was paid (pulled;
 *   NULL = it has not said). The counter shows "chờ xác nhận" until then.
 * - `dossier_events.department` / `handler`: who had the dossier at each step, as
 *   sync reports it, so the control sheet (form 06) can list every hand-over.
 */
export const sql = /* sql */ `
ALTER TABLE dossiers ADD COLUMN payment_status TEXT CHECK (payment_status IS NULL OR payment_status IN ('unpaid', 'paid'));
ALTER TABLE dossier_events ADD COLUMN department TEXT;
ALTER TABLE dossier_events ADD COLUMN handler TEXT;

INSERT INTO settings (key, value)
WITH RECURSIVE
  kw (k) AS (VALUES ('phường '), ('xã '), ('thị trấn '), ('đặc khu '), ('thị xã '), ('quận '), ('huyện '), ('thành phố ')),
  office (name) AS (SELECT trim(json_extract(value, '$.name')) FROM settings WHERE key = 'office' AND json_valid(value)),
  strip (rest, unit, n) AS (
    SELECT name, NULL, 0 FROM office
    UNION ALL
    SELECT substr(rest, instr(lower(rest), k) + length(k)), substr(rest, instr(lower(rest), k), length(k)), n + 1
    FROM strip, kw WHERE instr(lower(rest), k) > 0 AND n < 8
  ),
  last (rest, unit) AS (SELECT trim(rest), unit FROM strip WHERE n > 0 AND trim(rest) <> '' ORDER BY length(rest), n DESC LIMIT 1)
SELECT 'formHeader', json_object(
  'agencyName', office.name,
  'parentAgency', COALESCE((SELECT 'Ủy ban nhân dân ' || lower(substr(unit, 1, 1)) || substr(unit, 2) || rest FROM last), ''),
  'place', COALESCE((SELECT rest FROM last), '')
)
FROM office WHERE true
ON CONFLICT (key) DO NOTHING;
`;
