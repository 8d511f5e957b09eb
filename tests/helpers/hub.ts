import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../src/main/hub';
import type { HubOptions } from '../../src/main/hub.types';

export interface TestHub extends RunningHub {
  dataDir: string;
  /** JSON request to /api/v1; returns status, parsed body and headers. */
  api<T = any>(method: string, p: string, opts?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: T; headers: Headers }>;
  login(username?: string, pin?: string): Promise<string>;
  /** Pairs a device through the admin's pairing code, the way /admin does it. */
  pairDevice(role: 'kiosk' | 'display' | 'counter', name?: string): Promise<string>;
  /** A read-only look into the store, as a second connection (WAL allows it). */
  query<T = any>(sql: string, ...params: unknown[]): T[];
}

export const DEMO = { admin: ['admin', '123456'], clerk1: ['canbo1', '111111'], clerk2: ['canbo2', '222222'] } as const;

export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const hub = await startHub({ port: 0, host: '127.0.0.1', ...options, dataDir });
  let reader: Database.Database | undefined;
  const api: TestHub['api'] = async (method, p, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${hub.url}/api/v1${p}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON (PDF, HTML) */
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };
  const login = async (username: string = DEMO.admin[0], pin: string = DEMO.admin[1]) => {
    const r = await api('POST', '/auth/login', { body: { username, pin } });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  return {
    ...hub,
    dataDir,
    api,
    login,
    async pairDevice(role, name = `Test ${role}`) {
      const admin = await login();
      const code = await api('POST', '/admin/pairing-codes', { token: admin, body: { role, name } });
      const paired = await api('POST', '/devices/pair', { body: { code: code.body.code } });
      if (paired.status !== 200) throw new Error(`pairing failed: ${JSON.stringify(paired.body)}`);
      return paired.body.token as string;
    },
    query(sql, ...params) {
      reader ??= new Database(path.join(dataDir, 'motcua.sqlite'), { readonly: true, fileMustExist: true });
      return reader.prepare(sql).all(...params) as never[];
    },
    async close() {
      reader?.close();
      await hub.close();
    },
  };
}

/** A clock the test moves by hand. */
export function fakeClock(startIso: string) {
  let t = Date.parse(startIso);
  return {
    now: () => t,
    set: (iso: string) => void (t = Date.parse(iso)),
    advance: (ms: number) => void (t += ms),
  };
}
