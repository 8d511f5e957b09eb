/**
 * Baseline for the tickets benchmark: a minimal Fastify server that does one
 * durable INSERT per request, with the hub's store settings (WAL,
 * synchronous=FULL, foreign keys, busy timeout; one connection). It has no
 * auth, no validation, no numbering, no board: what is left is HTTP + JSON +
 * one fsync'ed SQLite commit, the floor a ticket request cannot go under.
 * BENCH_PORT (0 = any), BENCH_HOST (127.0.0.1), BENCH_DB (file).
 */
import Fastify from 'fastify';
import Database from 'better-sqlite3';

const file = process.env.BENCH_DB;
if (!file) throw new Error('BENCH_DB is not set');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.exec(`CREATE TABLE IF NOT EXISTS tickets (
  id INTEGER PRIMARY KEY,
  service_id INTEGER NOT NULL,
  priority TEXT,
  issued_at INTEGER NOT NULL
) STRICT`);
const insert = db.prepare('INSERT INTO tickets (service_id, priority, issued_at) VALUES (?, ?, ?)');

const app = Fastify({ logger: false });
app.post('/tickets', async (req) => {
  const body = req.body as { serviceId: number; priority: string | null };
  const id = Number(insert.run(body.serviceId, body.priority ?? null, Date.now()).lastInsertRowid);
  return { id };
});

app
  .listen({ port: Number(process.env.BENCH_PORT ?? 0), host: process.env.BENCH_HOST ?? '127.0.0.1' })
  .then(() => {
    const a = app.server.address();
    console.log(`SQLite insert baseline on http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
const close = () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
