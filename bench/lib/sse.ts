import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SseEvent {
  event: string;
  data: string;
  /** performance.now() when the chunk that completed this event arrived. */
  at: number;
}

/**
 * A small streaming Server-Sent Events parser (the WHATWG rules that matter
 * here: `event:`/`data:` fields, comments, blank line dispatches, LF or CRLF).
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  constructor(private readonly onEvent: (e: SseEvent) => void) {}

  feed(chunk: string, at: number): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      let line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.line(line, at);
    }
  }

  private line(line: string, at: number): void {
    if (line === '') {
      if (this.data.length > 0) this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), at });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}

export interface SseConnection {
  close(): void;
}

/**
 * Opens an SSE stream with node:http; resolves once the response headers are in
 * (status 200, text/event-stream) and calls `onEvent` for every event after that.
 */
export function openSse(url: string, agent: http.Agent, onEvent: (e: SseEvent) => void): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        res.resume();
        reject(new Error(`SSE ${url.replace(/access_token=[^&]+/, 'access_token=…')} answered ${res.statusCode}`));
        return;
      }
      const parser = new SseParser(onEvent);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk, performance.now()));
      res.on('error', () => undefined);
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/**
 * N display clients; each remembers when each keyed `call` event reached it,
 * and `waitForAll(key)` resolves when every display has it.
 */
export class Audience {
  private readonly arrivals: Map<string, number>[] = [];
  private readonly connections: SseConnection[] = [];
  private waiter: { key: string; resolve: () => void } | undefined;

  constructor(
    private readonly eventName: string,
    private readonly keyOf: (data: unknown) => string,
  ) {}

  async connect(urls: readonly string[], agent: http.Agent, ready?: (e: SseEvent) => boolean): Promise<void> {
    await Promise.all(
      urls.map(async (url, i) => {
        const arrivals = new Map<string, number>();
        this.arrivals[i] = arrivals;
        let markReady: () => void = () => undefined;
        const isReady = new Promise<void>((r) => (markReady = r));
        const conn = await openSse(url, agent, (e) => {
          if (ready?.(e)) markReady();
          if (e.event !== this.eventName) return;
          arrivals.set(this.keyOf(JSON.parse(e.data)), e.at);
          this.check();
        });
        this.connections.push(conn);
        if (ready) await isReady;
      }),
    );
  }

  get size(): number {
    return this.arrivals.length;
  }

  private has(key: string): boolean {
    return this.arrivals.every((m) => m.has(key));
  }

  private check(): void {
    if (this.waiter && this.has(this.waiter.key)) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve();
    }
  }

  /** Arrival times of `key` at every display (ms, performance.now()). */
  async waitForAll(key: string, timeoutMs = 10_000): Promise<number[]> {
    if (!this.has(key)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiter = undefined;
          const missing = this.arrivals.filter((m) => !m.has(key)).length;
          reject(new Error(`event ${key} did not reach ${missing} of ${this.arrivals.length} displays within ${timeoutMs} ms`));
        }, timeoutMs);
        this.waiter = {
          key,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    }
    return this.arrivals.map((m) => m.get(key)!);
  }

  close(): void {
    for (const c of this.connections) c.close();
  }
}
