/**
 * Issue 12 (the 766 index, channels, online dossiers, withdrawal).
 *
 * - `channel`: how the dossier arrived, in the national data codes (docs/legal.md
 *   §3.2, §4): 1 in person, 2 online (national or provincial portal, pulled from
 *   the district), 3 public postal service. Every older dossier was received at
 *   the counter: 1.
 * - `has_fee`: the procedure had a fee when received (the denominator of 766's
 *   online payment, 3.6); older dossiers: a fee was collected.
 * - `paid_online`: DuocThanhToanTrucTuyen as the district reports it
 *   (0 no, 1 national portal, 2 the province's payment gateway); only the
 *   district knows, so the hub never sets it itself.
 */
export const sql = /* sql */ `
ALTER TABLE dossiers ADD COLUMN channel INTEGER NOT NULL DEFAULT 1 CHECK (channel IN (1, 2, 3));
ALTER TABLE dossiers ADD COLUMN has_fee INTEGER NOT NULL DEFAULT 0 CHECK (has_fee IN (0, 1));
ALTER TABLE dossiers ADD COLUMN paid_online INTEGER NOT NULL DEFAULT 0 CHECK (paid_online IN (0, 1, 2));
UPDATE dossiers SET has_fee = 1 WHERE fee_collected > 0;
CREATE INDEX dossiers_channel ON dossiers (channel, accepted_at);
`;
