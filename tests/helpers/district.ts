import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, postgresDatabase, type Database } from '../../src/district/db';
import { migrateDistrict } from '../../src/district/migrations';
import { buildDistrictApp } from '../../src/district/app';
import type { DistrictService } from '../../src/district/service';

export const BACK_OFFICE_TOKEN = 'test-back-office';
export const AGENCY = '000.00.15.H24';

/**
 * A database for one test file: PGlite in process by default; with
 * DATABASE_URL, a fresh schema on that PostgreSQL server (dropped at the end).
 */
/** The district tests run on PGlite always, and on PostgreSQL too when DATABASE_URL is set (CI does). */
export const BACKENDS: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function testDatabase(backend: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<{ db: Database; url: string | undefined; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base || backend === 'pglite') {
    const db = await openDatabase({});
    return { db, url: undefined, drop: async () => db.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgresDatabase(base);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const db = postgresDatabase(u.toString());
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export interface TestDistrict {
  url: string;
  service: DistrictService;
  db: Database;
  app: FastifyInstance;
  backOffice<T = any>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }>;
  enrolmentCode(officeId?: string): Promise<string>;
  close(): Promise<void>;
}

/** The district server in this process, on a free loopback port, with office "o1" (agency AGENCY). */
export async function startTestDistrict(opts: { db?: Database; clock?: { now(): number }; port?: number; backend?: 'pglite' | 'postgres' } = {}): Promise<TestDistrict> {
  const own = opts.db ? null : await testDatabase(opts.backend);
  const db = opts.db ?? own!.db;
  await migrateDistrict(db);
  const { app, service } = await buildDistrictApp(db, { backOfficeToken: BACK_OFFICE_TOKEN, clock: opts.clock });
  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  await service.createOffice({ id: 'o1', name: 'Phường Ba Đình', agencyCode: AGENCY });
  const backOffice = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(url + p, {
      method,
      headers: { authorization: `Bearer ${BACK_OFFICE_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  return {
    url,
    service,
    db,
    app,
    backOffice,
    enrolmentCode: async (officeId = 'o1') => service.createEnrolmentCode(officeId),
    async close() {
      await app.close();
      if (own) await own.drop();
    },
  };
}

/** `npm run district` as a child process (for restarts and kill -9), PGlite on disk or DATABASE_URL. */
export async function spawnDistrict(opts: { dataDir?: string; port?: number; databaseUrl?: string } = {}): Promise<{ url: string; port: number; child: ChildProcess; dataDir: string; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-district-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISTRICT_PORT: String(opts.port ?? 0),
    DISTRICT_DATA_DIR: dataDir,
    DISTRICT_BACKOFFICE_TOKEN: BACK_OFFICE_TOKEN,
    DISTRICT_DEMO_AGENCY: AGENCY,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/district/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`district did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"district":"([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`district exited ${code}: ${err}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    child,
    dataDir,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
