import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  /** Milliseconds from sending the request to the end of the response. */
  ms: number;
}

/**
 * One JSON request over node:http with the given (keep-alive) agent. A POST
 * without a body sends `content-length: 0`, so the server sees "no body".
 */
export function request<T = unknown>(
  agent: http.Agent,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { body?: unknown; token?: string } = {},
): Promise<HttpResult<T>> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    headers['content-length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const start = performance.now();
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - start;
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        resolve({ status: res.statusCode ?? 0, body: body as T, ms });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Like `request`, but a non-2xx answer is an error that quotes the body. */
export async function call<T = unknown>(agent: http.Agent, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
  const r = await request<T>(agent, method, url, options);
  if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${url} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const keepAliveAgent = (maxSockets = Infinity) => new http.Agent({ keepAlive: true, maxSockets });
