import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeviceConfig, hubListen } from '../../src/main/electron/device-config';
import { startTestHub, type TestHub } from '../helpers/hub';
import { startHubProcess, tempDataDir } from './lib/hubProcess';

/**
 * What a browser is told about the web UI (CSP with frame-ancestors, nosniff,
 * no framing), and where the hub listens: loopback only unless LAN mode is on.
 */
let hub: TestHub;
let uiDir: string;
beforeAll(async () => {
  // A stand-in for the built renderer, so the real static serving runs without a Vite build.
  uiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ui-'));
  fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>MotCua</title><script type="module" src="/assets/app.js"></script>');
  fs.mkdirSync(path.join(uiDir, 'assets'));
  fs.writeFileSync(path.join(uiDir, 'assets', 'app.js'), 'console.log(1)');
  hub = await startTestHub({ uiDir });
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(uiDir, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(hub.url + p, init);

describe('security headers', () => {
  it('every UI page and asset has a strict CSP with frame-ancestors none, nosniff and X-Frame-Options', async () => {
    for (const p of ['/', '/kiosk', '/counter', '/display', '/admin', '/assets/app.js', '/no-such-page']) {
      const r = await get(p);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect({ p, csp }).toEqual({ p, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-(eval|inline)/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('API answers (JSON, errors, the live stream) are nosniff and may not be framed', async () => {
    for (const p of ['/api/v1/health', '/api/v1/dossiers', '/api/v1/nothing', '/api/v1/openapi.json']) {
      const r = await get(p);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
    const display = await hub.pairDevice('display');
    const ctrl = new AbortController();
    const sse = await get('/api/v1/events', { signal: ctrl.signal, headers: { authorization: `Bearer ${display}` } });
    expect(sse.status).toBe(200);
    expect(sse.headers.get('x-content-type-options')).toBe('nosniff');
    ctrl.abort();
  });

  it('a PDF answer is nosniff and not cached', async () => {
    const kiosk = await hub.pairDevice('kiosk');
    const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
    const r = await get(`/api/v1/tickets/${t.body.ticket.id}/pdf`, { headers: { authorization: `Bearer ${kiosk}` } });
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

/** Local IPv4 addresses the kernel lists as listening on `port` (from /proc/net/tcp). */
function listeningOn(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
    .map((f) => {
      const a = f[1]!.split(':')[0]!;
      return [3, 2, 1, 0].map((i) => parseInt(a.slice(i * 2, i * 2 + 2), 16)).join('.');
    });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe.skipIf(process.platform !== 'linux')('where the hub listens', () => {
  // An empty MOTCUA_HOST (a service file's `MOTCUA_HOST=`) used to listen on every interface.
  it.each([['unset', undefined], ['empty', '']])('npm run hub with MOTCUA_HOST %s listens on 127.0.0.1 only; the LAN cannot reach it', async (_label, host) => {
    const dir = tempDataDir();
    const env: Record<string, string> = host === undefined ? {} : { MOTCUA_HOST: host };
    if (host === undefined) delete process.env.MOTCUA_HOST;
    const p = await startHubProcess(dir, env);
    try {
      const port = Number(new URL(p.url).port);
      expect(new URL(p.url).hostname).toBe('127.0.0.1');
      expect(listeningOn(port)).toEqual(['127.0.0.1']);
      if (lanAddress) expect(await connects(lanAddress, port)).toBe(false);
    } finally {
      await p.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('LAN mode (MOTCUA_HOST=0.0.0.0) listens on every interface', async () => {
    const dir = tempDataDir();
    const p = await startHubProcess(dir, { MOTCUA_HOST: '0.0.0.0' });
    try {
      const port = Number(new URL(p.url).port);
      expect(listeningOn(port)).toEqual(['0.0.0.0']);
      if (lanAddress) expect(await connects(lanAddress, port)).toBe(true);
    } finally {
      await p.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Electron standalone hub listens on loopback unless the device config turns LAN mode on', () => {
    expect(hubListen({ ...defaultDeviceConfig(), lan: false }).host).toBe('127.0.0.1');
    expect(hubListen({ ...defaultDeviceConfig(), lan: true }).host).toBe('0.0.0.0');
    expect(defaultDeviceConfig().lan).toBe(false);
  });
});
