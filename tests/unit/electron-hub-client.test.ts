/**
 * The main process's own calls to the hub, against the real hub on loopback
 * (started in-process like the utilityProcess does, with a local secret).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/main/hub';
import { localEnrol, verifyAdminPin } from '../../src/main/electron/hub-client';
import { windowUrl } from '../../src/main/electron/hub-url';

const SECRET = 'per-launch-secret-0123456789abcdef';
let hub: RunningHub;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-shell-'));
  hub = await startHub({ dataDir, host: '127.0.0.1', port: 0, localSecret: SECRET });
}, 30_000);
afterAll(async () => {
  await hub?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the shell talking to its hub', () => {
  it('enrols a kiosk window with the local secret, and the token works', async () => {
    const token = await localEnrol(hub.url, SECRET, 'kiosk', 'Kiosk 1');
    expect(token.length).toBeGreaterThan(10);
    const me = await fetch(`${hub.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'device', role: 'kiosk', name: 'Kiosk 1' });
    expect(windowUrl(hub.url, 'kiosk', token)).toBe(`${hub.url}/kiosk#device=${encodeURIComponent(token)}`);
  });

  it('is refused with a wrong secret', async () => {
    await expect(localEnrol(hub.url, 'x'.repeat(SECRET.length), 'counter', 'Counter 1')).rejects.toThrow(/refused.*403/);
  });

  it('checks the admin PIN with the window token (demo admin PIN 123456)', async () => {
    const token = await localEnrol(hub.url, SECRET, 'kiosk', 'Kiosk 2');
    expect(await verifyAdminPin(hub.url, token, '123456')).toEqual({ ok: true });
    expect(await verifyAdminPin(hub.url, token, '000000')).toEqual({ ok: false, message: 'Wrong PIN.' });
    const noToken = await verifyAdminPin(hub.url, 'bogus', '123456');
    expect(noToken.ok).toBe(false);
  });

  it('says so when the hub is unreachable', async () => {
    const r = await verifyAdminPin('http://127.0.0.1:1', 'x', '123456');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach the hub/) });
  });
});
