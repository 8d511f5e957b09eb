import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { SYNC_HEADERS, SYNC_PREFIX, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, signingString, type SyncErrorCode } from '../../shared/api/sync';

/** A failed exchange with the district server, sorted by what the hub should do about it. */
export class SyncHttpError extends Error {
  constructor(
    /** 0 = no answer (network down, timeout, connection cut). */
    readonly status: number,
    readonly code: SyncErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  /** Worth retrying later, unchanged: no answer, 5xx, 429. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export interface ClientIdentity {
  hubId: string;
  privateKey: string;
}

export interface SyncClientOptions {
  baseUrl: string;
  identity: () => ClientIdentity | null;
  /** The hub's clock (may be wrong: the offset below corrects it for signatures). */
  now: () => number;
  clockOffset: () => number;
  onServerTime: (offset: number) => void;
  timeoutMs?: number;
  /** Tests pretend to be a newer or older hub. */
  protocolVersion?: number;
  schemaVersion?: number;
}

export function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/**
 * Signed JSON over HTTP(S) to the district server. Every request carries the
 * protocol and schema versions; every signed one a timestamp in the server's
 * time (hub clock + learnt offset), a fresh nonce and an Ed25519 signature
 * over method, path, timestamp, nonce and the body's hash.
 */
export function createSyncClient(o: SyncClientOptions) {
  const base = o.baseUrl.replace(/\/+$/, '');

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { signed?: boolean; timeoutMs?: number } = {}): Promise<T> {
    const full = `${SYNC_PREFIX}${path}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      [SYNC_HEADERS.protocol]: String(o.protocolVersion ?? SYNC_PROTOCOL_VERSION),
      [SYNC_HEADERS.schema]: String(o.schemaVersion ?? SYNC_SCHEMA_VERSION),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.signed !== false) {
      const id = o.identity();
      if (!id) throw new SyncHttpError(401, 'UNKNOWN_HUB', 'This hub is not enrolled with a district server.');
      const timestamp = String(Math.round(o.now() + o.clockOffset()));
      const nonce = randomBytes(16).toString('base64url');
      const text = signingString({ method, path: full, timestamp, nonce, bodySha256: createHash('sha256').update(raw).digest('hex') });
      headers[SYNC_HEADERS.hub] = id.hubId;
      headers[SYNC_HEADERS.timestamp] = timestamp;
      headers[SYNC_HEADERS.nonce] = nonce;
      headers[SYNC_HEADERS.signature] = sign(null, Buffer.from(text), id.privateKey).toString('base64');
    }
    let res: Response;
    let text: string;
    try {
      res = await fetch(base + full, { method, headers, body: body === undefined ? undefined : raw, signal: AbortSignal.timeout(opts.timeoutMs ?? o.timeoutMs ?? 15_000) });
      text = await res.text();
    } catch (err) {
      const e = err as { name?: string; message?: string; cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message ?? 'failed');
      throw new SyncHttpError(0, 'NETWORK', `The district server did not answer (${why}).`);
    }
    const serverTime = Number(res.headers.get(SYNC_HEADERS.serverTime));
    if (Number.isFinite(serverTime) && serverTime > 0) o.onServerTime(serverTime - o.now());
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new SyncHttpError(res.status >= 400 ? res.status : 502, 'INTERNAL', `The district server answered ${res.status} with something that is not JSON.`);
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      throw new SyncHttpError(res.status, (err?.code ?? 'INTERNAL') as SyncErrorCode, err?.message ?? `The district server answered ${res.status}.`, err?.details);
    }
    return json as T;
  }

  return {
    baseUrl: base,
    /** Signed request; a CLOCK_SKEW answer teaches the offset (from the answer's server time) and is retried once. */
    async signed<T>(method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs?: number): Promise<T> {
      try {
        return await request<T>(method, path, body, { timeoutMs });
      } catch (err) {
        if (err instanceof SyncHttpError && err.code === 'CLOCK_SKEW') return request<T>(method, path, body, { timeoutMs });
        throw err;
      }
    },
    unsigned: <T>(method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs?: number) => request<T>(method, path, body, { signed: false, timeoutMs }),
  };
}
export type SyncClient = ReturnType<typeof createSyncClient>;
