import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEVICE_CONFIG_FILE,
  DeviceConfigError,
  defaultDeviceConfig,
  hubListen,
  loadDeviceConfig,
  parseDeviceConfig,
  planWindows,
} from '../../src/main/electron/device-config';
import { createBackoff } from '../../src/main/electron/backoff';
import { hubEnv, hubMessageSchema } from '../../src/main/electron/hub-protocol';
import { statusPageHtml, statusPageUrl } from '../../src/main/electron/status-page';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'motcua-cfg-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('device config', () => {
  it('a fresh install is a standalone office with kiosk, counter and display windows, written to disk', () => {
    const dir = tmp();
    const { config, created, file } = loadDeviceConfig(dir);
    expect(created).toBe(true);
    expect(file).toBe(path.join(dir, DEVICE_CONFIG_FILE));
    expect(config).toEqual(defaultDeviceConfig());
    expect(config.mode).toBe('standalone');
    expect(config.windows?.map((w) => w.role)).toEqual(['kiosk', 'counter', 'display']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(config);
    // Read back the second time, not re-created.
    expect(loadDeviceConfig(dir).created).toBe(false);
  });

  it('parses a remote counter PC', () => {
    const c = parseDeviceConfig(JSON.stringify({ mode: 'remote', hubUrl: 'http://192.168.1.10:8080/', windows: [{ role: 'counter', printer: 'XP-80C', name: 'Quầy 2' }] }));
    expect(c.hubUrl).toBe('http://192.168.1.10:8080');
    expect(planWindows(c, { isPackaged: true })).toEqual([
      { role: 'counter', name: 'Quầy 2', kiosk: false, fullscreen: false, printer: 'XP-80C', display: null, partition: 'persist:counter-1' },
    ]);
  });

  it.each([
    ['not JSON', '{mode: standalone}', /not valid JSON/],
    ['remote without hubUrl', '{"mode":"remote"}', /hubUrl/],
    ['a hub URL with a path', '{"mode":"remote","hubUrl":"http://hub/kiosk"}', /without a path/],
    ['an unknown role', '{"windows":[{"role":"supervisor"}]}', /windows\.0\.role/],
    ['an unknown key (typo)', '{"windows":[{"role":"kiosk","printr":"X"}]}', /printr/],
    ['no windows', '{"windows":[]}', /windows/],
    ['LAN mode on a random port', '{"lan":true,"hubPort":0}', /fixed port/],
    ['a printer name with a newline', '{"windows":[{"role":"kiosk","printer":"a\\nb"}]}', /control/],
  ])('refuses %s with a message naming the problem', (_n, text, re) => {
    expect(() => parseDeviceConfig(text, '/x/motcua-device.json')).toThrow(DeviceConfigError);
    expect(() => parseDeviceConfig(text, '/x/motcua-device.json')).toThrow(re);
  });

  it('never overwrites a broken file', () => {
    const dir = tmp();
    const file = path.join(dir, DEVICE_CONFIG_FILE);
    writeFileSync(file, '{"mode":"remote"}');
    expect(() => loadDeviceConfig(dir)).toThrow(/hubUrl/);
    expect(readFileSync(file, 'utf8')).toBe('{"mode":"remote"}');
  });

  it("kiosk mode only for the installed app's kiosk windows unless the config says so", () => {
    const c = defaultDeviceConfig();
    const dev = planWindows(c, { isPackaged: false });
    expect(dev.map((w) => [w.role, w.kiosk, w.fullscreen])).toEqual([
      ['kiosk', false, false],
      ['counter', false, false],
      ['display', false, false],
    ]);
    const installed = planWindows(c, { isPackaged: true });
    expect(installed.map((w) => [w.role, w.kiosk, w.fullscreen])).toEqual([
      ['kiosk', true, false],
      ['counter', false, false],
      ['display', false, true],
    ]);
    const forced = planWindows(parseDeviceConfig('{"windows":[{"role":"kiosk","kiosk":true},{"role":"kiosk","kiosk":false}]}'), { isPackaged: false });
    expect(forced.map((w) => [w.name, w.kiosk])).toEqual([
      ['Kiosk 1', true],
      ['Kiosk 2', false],
    ]);
    // Each window has its own session, so each keeps its own device token.
    expect(new Set(forced.map((w) => w.partition)).size).toBe(2);
  });

  it('binds loopback on a free port unless LAN mode asks for the office network', () => {
    expect(hubListen(defaultDeviceConfig())).toEqual({ host: '127.0.0.1', port: 0 });
    expect(hubListen(parseDeviceConfig('{"lan":true}'))).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(hubListen(parseDeviceConfig('{"hubPort":9000}'))).toEqual({ host: '127.0.0.1', port: 9000 });
  });
});

describe('hub process protocol', () => {
  it('passes its settings in the environment', () => {
    expect(hubEnv({ dataDir: '/d', host: '127.0.0.1', port: 0, localSecret: 's', sqliteBinding: '/b.node' })).toEqual({
      MOTCUA_DATA_DIR: '/d',
      MOTCUA_HOST: '127.0.0.1',
      MOTCUA_PORT: '0',
      MOTCUA_LOCAL_SECRET: 's',
      MOTCUA_SQLITE_BINDING: '/b.node',
    });
  });
  it('understands ready and error, ignores anything else', () => {
    expect(hubMessageSchema.safeParse({ type: 'ready', url: 'http://127.0.0.1:1' }).success).toBe(true);
    expect(hubMessageSchema.safeParse({ type: 'error', message: 'x' }).success).toBe(true);
    expect(hubMessageSchema.safeParse({ type: 'ready' }).success).toBe(false);
    expect(hubMessageSchema.safeParse('ready').success).toBe(false);
  });
  it('backs off 0.5 s, 1 s, 2 s … up to 30 s and forgets after a stable run', () => {
    const b = createBackoff();
    expect([b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000]);
    for (let i = 0; i < 10; i++) b.next();
    expect(b.next()).toBe(30_000);
    b.stopped(0, 59_000);
    expect(b.next()).toBe(30_000);
    b.stopped(0, 60_000);
    expect(b.next()).toBe(500);
  });
});

describe('status page', () => {
  it('is escaped, script-free and says it in Vietnamese and English', () => {
    const html = statusPageHtml({ vi: { title: 'Đang khởi động…' }, en: { title: 'Starting…' }, technical: '<script>alert(1)</script>' });
    expect(html).toContain('Đang khởi động…');
    expect(html).toContain('Starting…');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(statusPageUrl({ vi: { title: 'a' }, en: { title: 'b' } })).toMatch(/^data:text\/html;charset=utf-8,/);
  });
});
