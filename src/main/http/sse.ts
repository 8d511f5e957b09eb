import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { EVENTS_PATH, type HubEventName } from '../../shared/api';
import type { Hub } from '../services';
import type { AuthService } from '../services/auth';
import { authorise } from './auth';

const PING_MS = 10_000;

/**
 * GET /api/v1/events: Server-Sent Events for every screen. The first event
 * (`hello`) carries the whole board, so a screen that reconnects is whole again
 * at once; `retry` asks EventSource to come back within 2 s. A comment ping
 * every 10 s lets a screen notice a dead link it would not otherwise see.
 */
export function registerEvents(app: FastifyInstance, hub: Hub, auth: AuthService): void {
  const open = new Set<ServerResponse>();
  // One JSON string per event, however many screens listen.
  const serialised = new WeakMap<object, string>();
  const frame = (name: HubEventName, data: object) => {
    let json = serialised.get(data);
    if (json === undefined) {
      json = JSON.stringify(data);
      serialised.set(data, json);
    }
    return `event: ${name}\ndata: ${json}\n\n`;
  };

  app.get(EVENTS_PATH, { schema: { hide: true } }, (req, reply) => {
    authorise(auth, req, ['kiosk', 'display', 'counter', 'clerk', 'admin'], true);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      // The stream is hijacked past the onSend hook that sets this on every other answer.
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: 2000\n\n${frame('hello', hub.queue.board())}`);
    open.add(res);
    const unsubscribe = hub.bus.subscribe((name, data) => {
      res.write(frame(name, data));
      // Node corks a chunked response on write and uncorks on the next tick, so an event would wait
      // until the rest of the request that caused it (the board rebuild, the clerk's reply) is done.
      // Flush now: the lobby hears the call first (bench: call-to-display p50 halves).
      res.socket?.uncork();
    });
    // A named event, not a comment: EventSource hides comments from the page, and the page's
    // watchdog needs to see that the link is alive.
    const ping = setInterval(() => res.write(`event: ping\ndata: {}\n\n`), PING_MS);
    const done = () => {
      clearInterval(ping);
      unsubscribe();
      open.delete(res);
    };
    res.on('close', done);
    res.on('error', done);
  });

  app.addHook('preClose', (done) => {
    for (const res of open) res.end();
    done();
  });
}
