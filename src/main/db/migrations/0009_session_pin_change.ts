/**
 * A clerk session opened in LAN mode with a demo PIN (printed in the README)
 * may only change that PIN or log out until it is changed. The mark lives on
 * the session, in the store, so a hub restart does not lift it.
 */
export const sql = /* sql */ `
ALTER TABLE sessions ADD COLUMN pin_change_required INTEGER NOT NULL DEFAULT 0 CHECK (pin_change_required IN (0, 1));
`;
