/**
 * The audit log of sensitive actions (logins, PIN resets, refusals, hand-backs,
 * settings, devices, restores) and the printer assigned to each paired device.
 * Audit rows are written in the same transaction as the action they describe,
 * and never updated: the table has no UPDATE path in the code.
 */
export const sql = /* sql */ `
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  action      TEXT NOT NULL,
  -- who: a clerk (id = clerks.id), a device (id = devices.id), the hub itself, or an unknown caller (a failed login)
  actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('clerk', 'device', 'system', 'anonymous')),
  actor_id    INTEGER,
  actor_name  TEXT,
  -- what it was done to, e.g. "clerk:canbo1", "dossier:000.00.15.H24-261123-0042", "settings:queue"
  target      TEXT,
  -- a small JSON object with the details that matter (never a PIN, a token or a citizen's ID number)
  detail      TEXT,
  ip          TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE TABLE device_printers (
  device_id INTEGER PRIMARY KEY REFERENCES devices (id),
  printer   TEXT NOT NULL
) STRICT;
`;
