/**
 * Baseline for the call-to-display benchmark: the least a server can do to
 * fan one message out to N screens. Plain node:http, no framework, no store:
 * GET /events keeps an SSE stream open; POST /echo writes its body as one
 * `call` event to every open stream, then answers 204.
 * BENCH_PORT (0 = any free port), BENCH_HOST (127.0.0.1).
 */
import http from 'node:http';

const clients = new Set<http.ServerResponse>();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/events')) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 2000\n\nevent: hello\ndata: {}\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/echo') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const frame = `event: call\ndata: ${Buffer.concat(chunks).toString('utf8')}\n\n`;
      for (const c of clients) c.write(frame);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.BENCH_PORT ?? 0), process.env.BENCH_HOST ?? '127.0.0.1', () => {
  const a = server.address();
  console.log(`SSE echo on http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
});
const close = () => {
  for (const c of clients) c.end();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
