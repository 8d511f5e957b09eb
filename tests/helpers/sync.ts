import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { canonicalJson } from '../../src/shared/domain/canonicalJson';
import type { TestDistrict } from './district';
import { DEMO, type TestHub } from './hub';

/** 1.001022 "Đăng ký nhận cha, mẹ, con" in the seeded catalogue. */
export function dossierBody(over: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001022',
    applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Số 1 phố Huế, Hà Nội' },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
    notes: '',
    ...over,
  };
}

/** Presses "sync now" until `done` holds (pull pages are bounded; a few rounds may be needed). */
export async function syncUntil(hub: TestHub, admin: string, done: () => Promise<boolean>, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await hub.api('POST', '/sync/now', { token: admin });
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('sync did not reach the expected state');
}

/** Minimal client of a hub on a URL (in process or a child). */
export function hubApi(url: string) {
  return async function api<T = any>(method: string, p: string, opts: { body?: unknown; token?: string } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}/api/v1${p}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
export type HubApi = ReturnType<typeof hubApi>;

export async function login(api: HubApi, who: readonly [string, string] = DEMO.admin): Promise<string> {
  const r = await api('POST', '/auth/login', { body: { username: who[0], pin: who[1] } });
  if (r.status !== 200) throw new Error(`login failed ${JSON.stringify(r.body)}`);
  return (r.body as { token: string }).token;
}

/**
 * Enrols a hub; with `office`, the hub first becomes that office (its own
 * agency code, so its dossier codes are its own) and the district creates it.
 */
export async function enrolHub(api: HubApi, admin: string, district: TestDistrict, serverUrl = district.url, office?: { id: string; agencyCode: string }): Promise<void> {
  if (office) {
    await district.service.createOffice({ id: office.id, name: `Văn phòng ${office.id}`, agencyCode: office.agencyCode });
    const set = await api('PUT', '/admin/office', { token: admin, body: { name: `Văn phòng ${office.id}`, agencyCode: office.agencyCode } });
    if (set.status !== 200) throw new Error(`office ${JSON.stringify(set.body)}`);
  }
  const code = await district.enrolmentCode(office?.id);
  const r = await api('POST', '/sync/enrol', { token: admin, body: { serverUrl, code } });
  if (r.status !== 200) throw new Error(`enrol failed ${JSON.stringify(r.body)}`);
}

/** A read-only look into a hub's store file. */
export function storeReader(dataDir: string) {
  let db: Database.Database | null = null;
  return {
    all<T = any>(sql: string, ...params: unknown[]): T[] {
      db ??= new Database(path.join(dataDir, 'motcua.sqlite'), { readonly: true, fileMustExist: true });
      return db.prepare(sql).all(...params) as T[];
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/** The hub as a child process (so a test can SIGKILL it), same data folder across restarts. */
export async function spawnHub(opts: { dataDir?: string; port?: number; sync?: Record<string, unknown>; clockOffsetMs?: number } = {}) {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-synchub-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/sync-hub.ts'], {
    env: { ...process.env, MOTCUA_TEST_HUB: JSON.stringify({ ...opts, dataDir }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"hub":"([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited ${code}: ${err}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    api: hubApi(url),
    kill: (signal: NodeJS.Signals = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * The sync invariants (CHECKLISTS.md): every outbox row applied exactly once
 * on the server or rejected there (and the hub knows which); the hub's copy
 * of server-owned data equals the server's at the cursor; local dossiers
 * follow the district's status.
 */
export async function expectConverged(district: Pick<TestDistrict, 'db'>, read: { all<T = any>(sql: string, ...p: unknown[]): T[] }, officeId = 'o1'): Promise<void> {
  const outbox = read.all<{ mutation_id: string; status: string; kind: string }>('SELECT mutation_id, status, kind FROM sync_outbox ORDER BY seq');
  expect(outbox.filter((o) => o.status === 'pending')).toEqual([]);
  const hubId = read.all<{ value: string }>("SELECT value FROM sync_state WHERE key = 'hubId'")[0]!.value;
  const { rows: server } = await district.db.query<{ mutation_id: string; status: string }>('SELECT mutation_id, status FROM mutations WHERE hub_id = $1', [hubId]);
  const serverById = new Map(server.map((s) => [s.mutation_id, s.status]));
  expect(server.length).toBe(serverById.size);
  for (const o of outbox) expect({ id: o.mutation_id, kind: o.kind, status: serverById.get(o.mutation_id) ?? 'missing' }).toEqual({ id: o.mutation_id, kind: o.kind, status: o.status });
  // Nothing the server holds is unknown to the hub (or, after a restore, recorded as recovered).
  const recovered = new Set(read.all<{ mutation_id: string }>('SELECT mutation_id FROM sync_recovered').map((r) => r.mutation_id));
  const known = new Set(outbox.map((o) => o.mutation_id));
  expect(server.filter((s) => !known.has(s.mutation_id) && !recovered.has(s.mutation_id))).toEqual([]);

  const { rows: changes } = await district.db.query<{ collection: string; key: string; data: unknown }>(
    'SELECT collection, key, data FROM changes WHERE office_id = $1 AND data IS NOT NULL ORDER BY collection, key COLLATE "C"',
    [officeId],
  );
  const mirror = read.all<{ collection: string; key: string; data: string }>('SELECT collection, key, data FROM sync_rows ORDER BY collection, key');
  expect(mirror.map((m) => `${m.collection}/${m.key}=${m.data}`)).toEqual(changes.map((c) => `${c.collection}/${c.key}=${canonicalJson(c.data)}`));
  const { rows: office } = await district.db.query<{ change_seq: number }>('SELECT change_seq FROM offices WHERE id = $1', [officeId]);
  expect(Number(read.all<{ value: string }>("SELECT value FROM sync_state WHERE key = 'cursor'")[0]?.value ?? 0)).toBe(office[0]!.change_seq);

  const { rows: dossiers } = await district.db.query<{ code: string; status: number }>('SELECT code, status FROM dossiers WHERE office_id = $1', [officeId]);
  const local = new Map(read.all<{ code: string; status: number }>('SELECT code, status FROM dossiers').map((d) => [d.code, d.status]));
  for (const d of dossiers) if (local.has(d.code)) expect({ code: d.code, status: local.get(d.code) }).toEqual({ code: d.code, status: d.status });
}

export async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
