import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { call } from './http';
import { startServer, type Server } from './proc';

export const API = '/api/v1';
/** The demo office seeded on a new data folder (src/main/db/seed.ts). */
export const DEMO = { admin: { username: 'admin', pin: '123456' }, canbo1: { username: 'canbo1', pin: '111111' }, canbo2: { username: 'canbo2', pin: '222222' } } as const;

export interface BenchHub extends Server {
  dataDir: string;
  /** stop() and remove the data folder. */
  dispose(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The built hub CLI as a child process on a free loopback port, with a new demo
 * office in a temp folder (or the office already in `dataDir`).
 */
export async function startHub(script: string, existingDataDir?: string): Promise<BenchHub> {
  const dataDir = existingDataDir ?? tempDir('motcua-bench-hub-');
  let server: Server;
  try {
    server = await startServer(script, { MOTCUA_PORT: '0', MOTCUA_HOST: '127.0.0.1', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOG: '0' }, /^MotCua hub on /);
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(agent: http.Agent, base: string, who: { username: string; pin: string }): Promise<string> {
  const r = await call<{ token: string }>(agent, 'POST', `${base}${API}/auth/login`, { body: who });
  return r.token;
}

/** Creates a pairing code as admin and pairs a device with it (the pair route allows 10 a minute per address). */
export async function pairDevice(agent: http.Agent, base: string, adminToken: string, role: 'kiosk' | 'display', name: string): Promise<string> {
  const { code } = await call<{ code: string }>(agent, 'POST', `${base}${API}/admin/pairing-codes`, { token: adminToken, body: { role, name } });
  const { token } = await call<{ token: string }>(agent, 'POST', `${base}${API}/devices/pair`, { body: { code } });
  return token;
}
