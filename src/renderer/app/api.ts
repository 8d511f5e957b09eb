/**
 * The one HTTP client of the renderer, typed from the route table in
 * src/shared/api/routes.ts so the screens and the hub cannot drift apart.
 *
 *   const state = await api('callNext', { params: { id: 3 } });
 *
 * - sends `Authorization: Bearer <token>` (the token of the current screen,
 *   see setTokenSource, or `token` per call);
 * - a non-2xx answer throws ApiError with the hub's code, status and message;
 * - a request that never reaches the hub throws HubUnreachableError.
 */
import {
  API_PREFIX,
  routePath,
  routes,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../../shared/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request did not get an HTTP answer at all (hub down, network cut, timeout). */
export class HubUnreachableError extends Error {
  readonly code = 'HUB_UNREACHABLE';
  constructor(cause?: unknown) {
    super('The office hub cannot be reached', { cause });
    this.name = 'HubUnreachableError';
  }
}

export function isUnauthorized(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

type TokenSource = () => string | null;
let tokenSource: TokenSource = () => null;

/** Which token requests carry by default: the device token on kiosk/display, the clerk's on counter/admin. */
export function setTokenSource(source: TokenSource): void {
  tokenSource = source;
}

export interface CallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  query?: RouteQuery<N>;
  body?: RouteBody<N>;
  /** Overrides the default token; null sends none. */
  token?: string | null;
  signal?: AbortSignal;
  /** Milliseconds before giving up as unreachable (default 15 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function buildUrl(path: string, params?: unknown, query?: unknown): string {
  let url = API_PREFIX + routePath(path, params as Record<string, unknown> | undefined);
  if (query && typeof query === 'object') {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
      if (v !== undefined && v !== null) qs.set(k, String(v));
    }
    const s = qs.toString();
    if (s) url += `?${s}`;
  }
  return url;
}

/** Turns a non-2xx response into an ApiError, whatever its body looks like. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let details: unknown;
  try {
    const text = await res.text();
    if (text) {
      const body = JSON.parse(text) as unknown;
      const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      if (err && typeof err === 'object') {
        if (typeof err.code === 'string') code = err.code;
        if (typeof err.message === 'string') message = err.message;
        details = err.details;
      }
    }
  } catch {
    // Not JSON (a proxy's HTML page): keep the status text.
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    if (code.startsWith('HTTP_')) code = 'HUB_UNREACHABLE';
  }
  return new ApiError(res.status, code, message, details);
}

async function send(method: string, url: string, opts: { body?: unknown; token?: string | null; signal?: AbortSignal; timeoutMs?: number; accept: string }): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept };
  const token = opts.token === undefined ? tokenSource() : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal, cache: 'no-store' });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new HubUnreachableError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}

export async function api<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<RouteResponse<N>> {
  const def = routes[name];
  const url = buildUrl(def.path, opts.params, opts.query);
  const res = await send(def.method, url, {
    body: def.method === 'GET' ? undefined : (opts.body ?? (def.method === 'DELETE' ? undefined : {})),
    token: opts.token,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    accept: 'application/json',
  });
  if (res.status === 204) return undefined as RouteResponse<N>;
  let data: unknown;
  try {
    data = await res.json();
  } catch (err) {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'The hub sent an answer that is not JSON', String(err));
  }
  const parsed = def.response.safeParse(data);
  if (!parsed.success) {
    // The contract drifted: say so loudly in the console but keep the screen working.
    console.warn(`[api] ${name}: response does not match the contract`, parsed.error.issues);
    return data as RouteResponse<N>;
  }
  return parsed.data as RouteResponse<N>;
}

/** For routes that answer with bytes (the ticket PDF). */
export async function apiBytes<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<ArrayBuffer> {
  const def = routes[name];
  const url = buildUrl(def.path, opts.params, opts.query);
  const res = await send(def.method, url, {
    token: opts.token,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    accept: 'contentType' in def && def.contentType ? def.contentType : '*/*',
  });
  return res.arrayBuffer();
}

/** For a route that takes a file as its raw body (the catalogue import); the answer is JSON. */
export async function apiUpload<N extends RouteName>(name: N, bytes: ArrayBuffer, opts: Omit<CallOptions<N>, 'body'> = {}): Promise<RouteResponse<N>> {
  const def = routes[name];
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  const token = opts.token === undefined ? tokenSource() : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 120_000);
  let res: Response;
  try {
    res = await fetch(buildUrl(def.path, opts.params, opts.query), { method: def.method, headers, body: bytes, signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout, cache: 'no-store' });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new HubUnreachableError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as RouteResponse<N>;
}
