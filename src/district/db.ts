import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

/** What the district server needs of a database: queries and transactions, the same on PostgreSQL and PGlite. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}
export interface Database extends Queryable {
  /** Runs `fn` in one transaction (READ COMMITTED; writers lock the rows they touch). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'pglite';
}

/**
 * An error the client could not cause and a retry may cure: the database is
 * unreachable, restarting, or a serialization failure. The HTTP layer answers 503.
 */
export class TransientDbError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'TransientDbError';
  }
}

const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '40001', '40P01', '53300']);
function wrap(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code && (TRANSIENT_CODES.has(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))) return new TransientDbError(err);
  if (err instanceof Error && /Connection terminated|connection is closed|Client has encountered a connection error/i.test(err.message)) return new TransientDbError(err);
  return err;
}

/** A real PostgreSQL server through `pg`'s pool. */
export function postgresDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 8 });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // BIGINT columns come back as numbers: every sequence here stays far below 2^53.
  const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) };
  const run = async (c: pg.Pool | pg.PoolClient, text: string, params?: unknown[]) => {
    try {
      const r = await c.query({ text, values: params, types: types as never });
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    } catch (err) {
      throw wrap(err);
    }
  };
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params) as never,
    exec: async (sql) => void (await run(pool, sql)),
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw wrap(err);
      }
      const tx: Queryable = { query: (text, params) => run(client, text, params) as never, exec: async (sql) => void (await run(client, sql)) };
      try {
        await tx.query('BEGIN');
        const out = await fn(tx);
        await tx.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw wrap(err);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite: real PostgreSQL compiled to WebAssembly, in this process. One
 * connection, so every query and transaction is queued behind the one before
 * (a transaction holds the queue until it ends).
 */
export async function pgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
  const run = async (q: { query: PGlite['query'] }, text: string, params?: unknown[]) => {
    const r = await q.query(text, params, { parsers: { 20: (v: string) => Number(v) } });
    return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
  };
  return {
    kind: 'pglite',
    query: (text, params) => exclusive(() => run(db, text, params)) as never,
    exec: (sql) => exclusive(async () => void (await db.exec(sql))),
    transaction: (fn) =>
      exclusive(() =>
        db.transaction(async (t) => {
          const tx: Queryable = { query: (text, params) => run(t as never, text, params) as never, exec: async (sql) => void (await t.exec(sql)) };
          return fn(tx);
        }),
      ),
    close: () => exclusive(() => db.close()),
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return options.databaseUrl ? postgresDatabase(options.databaseUrl) : pgliteDatabase(options.dataDir);
}
