import { createHash, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import type { Database, Queryable } from './db';
import { applyMutation, BatchStop, type HubContext } from './mutations';
import { canonicalJson } from '../shared/domain/canonicalJson';
import {
  COLLECTIONS,
  SIGNATURE_WINDOW_MS,
  signingString,
  type Change,
  type Collection,
  type DigestResponse,
  type EnrolResponse,
  type PullResponse,
  type PushBody,
  type PushResponse,
  type ReepochResponse,
  type SnapshotResponse,
  type SyncErrorCode,
} from '../shared/api/sync';
import { districtDossier, recordChange, type DossierDbRow } from './changes';

/** A refusal with the protocol's error code and HTTP status. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const ENROLMENT_CODE_TTL_MS = 24 * 3600_000;

export interface SignedRequest {
  method: string;
  /** Path with query string, as sent. */
  path: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
}

/** The district server's work, over one database; the HTTP layer (app.ts) only maps requests onto it. */
export function createDistrictService(db: Database, clock: { now(): number } = { now: Date.now }) {
  // ---- offices and enrolment ------------------------------------------------------------

  async function createOffice(o: { id: string; name: string; agencyCode: string }): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO offices (id, name, agency_code) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, agency_code = excluded.agency_code', [o.id, o.name, o.agencyCode]);
      // A new office receives the district-wide catalogue and calendar in its change log.
      const { rows: cnt } = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM changes WHERE office_id = $1 AND collection IN ('procedure', 'calendar_day')", [o.id]);
      if (cnt[0]!.n === 0) {
        const { rows: procs } = await tx.query<{ code: string; data: unknown }>('SELECT code, data FROM procedures ORDER BY code');
        for (const p of procs) await recordChange(tx, o.id, 'procedure', p.code, p.data);
        const { rows: days } = await tx.query<{ date: string; data: unknown }>('SELECT date, data FROM calendar_days ORDER BY date');
        for (const d of days) await recordChange(tx, o.id, 'calendar_day', d.date, d.data);
      }
    });
  }

  /** A one-time code the office admin types into /admin; valid for a day. */
  async function createEnrolmentCode(officeId: string): Promise<string> {
    const code = randomBytes(6).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8);
    const { rowCount } = await db.query('INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) SELECT $1, id, $3, $4 FROM offices WHERE id = $2', [
      sha256(code),
      officeId,
      clock.now(),
      clock.now() + ENROLMENT_CODE_TTL_MS,
    ]);
    if (rowCount === 0) throw new SyncError(404, 'NOT_FOUND', `There is no office ${officeId}.`);
    return code;
  }

  async function enrol(body: { code: string; publicKey: string; hubName: string }): Promise<EnrolResponse> {
    try {
      createPublicKey(body.publicKey);
    } catch {
      throw new SyncError(400, 'VALIDATION_FAILED', 'The public key is not a PEM-encoded Ed25519 key.');
    }
    return db.transaction(async (tx) => {
      const now = clock.now();
      const { rows } = await tx.query<{ office_id: string; name: string }>(
        `UPDATE enrolment_codes c SET used_at = $2 FROM offices o
         WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2 AND o.id = c.office_id RETURNING c.office_id, o.name`,
        [sha256(body.code.trim().toUpperCase()), now],
      );
      const office = rows[0];
      if (!office) throw new SyncError(403, 'INVALID_ENROLMENT_CODE', 'This enrolment code is unknown, used or expired. Ask the district for a new one.');
      const hubId = randomUUID();
      await tx.query('INSERT INTO hubs (id, office_id, name, public_key, epoch, created_at) VALUES ($1, $2, $3, $4, 1, $5)', [hubId, office.office_id, body.hubName, body.publicKey, now]);
      await tx.query('INSERT INTO hub_epochs (hub_id, epoch, started_at) VALUES ($1, 1, $2)', [hubId, now]);
      return { hubId, officeId: office.office_id, officeName: office.name, epoch: 1, serverTime: now };
    });
  }

  // ---- authentication -------------------------------------------------------------------

  /**
   * Checks the signature, the timestamp window and the nonce (each nonce once
   * per hub; kept for the window, so a replay inside it is refused and one
   * after it fails the timestamp check).
   */
  async function authenticate(req: SignedRequest): Promise<HubContext & { epoch: number }> {
    const h = req.headers;
    const hubId = h['x-motcua-hub'];
    const ts = h['x-motcua-timestamp'];
    const nonce = h['x-motcua-nonce'];
    const sig = h['x-motcua-signature'];
    if (!hubId || !ts || !nonce || !sig || !/^[0-9a-f-]{36}$/i.test(hubId) || !/^\d{1,16}$/.test(ts) || nonce.length > 100) {
      throw new SyncError(401, 'BAD_SIGNATURE', 'The request is not signed by an enrolled hub.');
    }
    const { rows } = await db.query<{ office_id: string; public_key: string; epoch: number; revoked_at: number | null; agency_code: string }>(
      'SELECT h.office_id, h.public_key, h.epoch, h.revoked_at, o.agency_code FROM hubs h JOIN offices o ON o.id = h.office_id WHERE h.id = $1',
      [hubId],
    );
    const hub = rows[0];
    if (!hub || hub.revoked_at !== null) throw new SyncError(401, 'UNKNOWN_HUB', 'This hub is not enrolled with the district server (or was revoked). Enrol it again from /admin.');
    const text = signingString({ method: req.method, path: req.path, timestamp: ts, nonce, bodySha256: sha256(req.rawBody) });
    let ok = false;
    try {
      ok = verify(null, Buffer.from(text), hub.public_key, Buffer.from(sig, 'base64'));
    } catch {
      ok = false;
    }
    if (!ok) throw new SyncError(401, 'BAD_SIGNATURE', 'The request signature does not verify.');
    const now = clock.now();
    if (Math.abs(Number(ts) - now) > SIGNATURE_WINDOW_MS) throw new SyncError(401, 'CLOCK_SKEW', 'The request timestamp is too far from the server clock; sign with the server time.', { serverTime: now });
    const r = await db.query('INSERT INTO nonces (hub_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [hubId, nonce, Number(ts) + SIGNATURE_WINDOW_MS]);
    if (r.rowCount === 0) throw new SyncError(401, 'REPLAYED', 'This request was already received (replayed nonce).');
    return { hubId, officeId: hub.office_id, agencyCode: hub.agency_code, epoch: hub.epoch };
  }

  async function purgeNonces(): Promise<void> {
    await db.query('DELETE FROM nonces WHERE expires_at < $1', [clock.now() - SIGNATURE_WINDOW_MS]);
  }

  /** The body names a hub; it must be the one that signed. */
  function sameHub(auth: { hubId: string }, bodyHubId: string): void {
    if (auth.hubId !== bodyHubId) throw new SyncError(403, 'HUB_MISMATCH', 'The hub named in the request is not the hub that signed it.');
  }

  // ---- push -----------------------------------------------------------------------------

  /**
   * Each mutation in its own transaction (a long batch never holds locks for
   * long, and what committed stays committed if a later one fails). A gap or
   * a divergence stops the batch; a transient database failure stops it with
   * 503 after what already committed (the retry gets those as duplicates).
   */
  async function push(auth: HubContext & { epoch: number }, body: PushBody): Promise<PushResponse & { lastSeq: number }> {
    sameHub(auth, body.hubId);
    if (body.epoch !== auth.epoch) {
      throw new SyncError(409, 'EPOCH_RETIRED', `Epoch ${body.epoch} of this hub was retired (current ${auth.epoch}). The hub re-enrols.`, { epoch: auth.epoch });
    }
    const results: PushResponse['results'] = [];
    for (const m of body.mutations) {
      try {
        results.push(await db.transaction((tx) => applyMutation(tx, auth, body.epoch, m, clock.now())));
      } catch (err) {
        if (err instanceof BatchStop) {
          if (err.code === 'SEQ_GAP') return { results, expectedSeq: err.expectedSeq, lastSeq: err.expectedSeq - 1 };
          throw new SyncError(409, 'DIVERGED', err.message, { expectedSeq: err.expectedSeq, results });
        }
        throw err;
      }
    }
    return { results, expectedSeq: null, lastSeq: await lastSeq(auth.hubId, body.epoch) };
  }

  async function lastSeq(hubId: string, epoch: number): Promise<number> {
    const { rows } = await db.query<{ last_seq: number }>('SELECT last_seq FROM hub_epochs WHERE hub_id = $1 AND epoch = $2', [hubId, epoch]);
    return rows[0]?.last_seq ?? 0;
  }

  async function hello(auth: HubContext & { epoch: number }) {
    return { hubId: auth.hubId, epoch: auth.epoch, lastSeq: await lastSeq(auth.hubId, auth.epoch), serverTime: clock.now() };
  }

  /** A restored hub: a new epoch, and which of its mutations the server holds. */
  async function reepoch(auth: HubContext & { epoch: number }, body: { hubId: string; knownMutationIds: string[] }): Promise<ReepochResponse> {
    sameHub(auth, body.hubId);
    return db.transaction(async (tx) => {
      const now = clock.now();
      const { rows: h } = await tx.query<{ epoch: number }>('SELECT epoch FROM hubs WHERE id = $1 FOR UPDATE', [auth.hubId]);
      const epoch = h[0]!.epoch + 1;
      await tx.query('UPDATE hub_epochs SET retired_at = $2 WHERE hub_id = $1 AND retired_at IS NULL', [auth.hubId, now]);
      await tx.query('INSERT INTO hub_epochs (hub_id, epoch, started_at) VALUES ($1, $2, $3)', [auth.hubId, epoch, now]);
      await tx.query('UPDATE hubs SET epoch = $2 WHERE id = $1', [auth.hubId, epoch]);
      const known = new Set(body.knownMutationIds.map((x) => x.toLowerCase()));
      const { rows } = await tx.query<{ mutation_id: string; kind: string; payload: unknown; status: 'applied' | 'rejected'; reason: string | null }>(
        'SELECT mutation_id, kind, payload, status, reason FROM mutations WHERE hub_id = $1 ORDER BY epoch, seq',
        [auth.hubId],
      );
      return {
        epoch,
        alreadyHave: rows.filter((r) => known.has(r.mutation_id)).map((r) => ({ id: r.mutation_id, status: r.status, reason: r.reason })),
        lostOnHub: rows.filter((r) => !known.has(r.mutation_id)).map((r) => ({ id: r.mutation_id, kind: r.kind, payload: r.payload })),
      };
    });
  }

  // ---- pull -----------------------------------------------------------------------------

  async function pull(auth: HubContext, cursor: number, limit: number): Promise<PullResponse> {
    const { rows: o } = await db.query<{ change_seq: number; min_seq: number }>('SELECT change_seq, min_seq FROM offices WHERE id = $1', [auth.officeId]);
    const office = o[0]!;
    if (cursor < office.min_seq) return { kind: 'reset', reason: `Changes before ${office.min_seq} are no longer kept.` };
    if (cursor > office.change_seq) return { kind: 'reset', reason: `Cursor ${cursor} is ahead of this server (${office.change_seq}); the server was restored.` };
    const { rows } = await db.query<{ seq: number; collection: Collection; key: string; data: unknown }>(
      'SELECT seq, collection, key, data FROM changes WHERE office_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [auth.officeId, cursor, limit + 1],
    );
    const hasMore = rows.length > limit;
    const changes: Change[] = rows.slice(0, limit).map((r) => ({ seq: r.seq, collection: r.collection, key: r.key, data: r.data }));
    return { kind: 'changes', changes, cursor: changes.at(-1)?.seq ?? cursor, hasMore };
  }

  async function snapshot(auth: HubContext, q: { collection: Collection; after: string; asOf?: number; limit: number }): Promise<SnapshotResponse> {
    let asOf = q.asOf;
    if (asOf === undefined) {
      const { rows } = await db.query<{ change_seq: number }>('SELECT change_seq FROM offices WHERE id = $1', [auth.officeId]);
      asOf = rows[0]!.change_seq;
    }
    const { rows } = await db.query<{ key: string; data: unknown }>(
      `SELECT key, data FROM changes WHERE office_id = $1 AND collection = $2 AND data IS NOT NULL AND key COLLATE "C" > $3 ORDER BY key COLLATE "C" LIMIT $4`,
      [auth.officeId, q.collection, q.after, q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    return { collection: q.collection, asOf, rows: page, next: rows.length > q.limit ? page.at(-1)!.key : null };
  }

  /** Count and SHA-256 of every live row per collection (key TAB canonical JSON, by key). */
  async function digest(auth: HubContext): Promise<DigestResponse> {
    const { rows: o } = await db.query<{ change_seq: number }>('SELECT change_seq FROM offices WHERE id = $1', [auth.officeId]);
    const out: DigestResponse['collections'] = [];
    for (const collection of COLLECTIONS) {
      const hash = createHash('sha256');
      let count = 0;
      let after = '';
      for (;;) {
        const { rows } = await db.query<{ key: string; data: unknown }>(
          `SELECT key, data FROM changes WHERE office_id = $1 AND collection = $2 AND data IS NOT NULL AND seq <= $3 AND key COLLATE "C" > $4 ORDER BY key COLLATE "C" LIMIT 20000`,
          [auth.officeId, collection, o[0]!.change_seq, after],
        );
        for (const r of rows) hash.update(`${r.key}\t${canonicalJson(r.data)}\n`);
        count += rows.length;
        if (rows.length < 20000) break;
        after = rows.at(-1)!.key;
      }
      out.push({ collection, count, hash: hash.digest('hex') });
    }
    return { cursor: o[0]!.change_seq, collections: out };
  }

  async function lookup(auth: HubContext, code: string) {
    const { rows } = await db.query<DossierDbRow & { seq: number | null }>(
      `SELECT d.*, c.seq FROM dossiers d LEFT JOIN changes c ON c.office_id = d.office_id AND c.collection = 'dossier' AND c.key = d.code
       WHERE d.code = $1 AND d.office_id = $2`,
      [code, auth.officeId],
    );
    const r = rows[0];
    if (!r) throw new SyncError(404, 'UNKNOWN_DOSSIER', `The district has no dossier ${code.slice(0, 60)} from this office.`);
    return { dossier: districtDossier(r), seq: r.seq ?? 0, asOf: clock.now() };
  }

  return { db, createOffice, createEnrolmentCode, enrol, authenticate, purgeNonces, push, hello, reepoch, pull, snapshot, digest, lookup };
}
export type DistrictService = ReturnType<typeof createDistrictService>;
export type { Queryable };
