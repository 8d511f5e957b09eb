import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePath, routes, type RouteDef, type RouteName } from '../../src/shared/api';
import { dossierBody } from './lib/client';
import { DEVICE_ROUTES, GUESSING_CASES, type GuessContext } from './lib/accessCases';
import { StoreWatch } from './lib/storeSnapshot';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import path from 'node:path';

/**
 * Access, from the route table: device tokens never reach staff routes, an
 * expired session reaches nothing, and every secret that can be guessed (PINs,
 * pairing codes, dossier codes) is throttled. The cases are data
 * (lib/accessCases.ts): a new route gets its line there.
 */
const table = Object.entries(routes) as [RouteName, RouteDef][];
const clock = fakeClock('2026-12-01T08:00:00+07:00');
let hub: TestHub;
const tokens: Record<string, string> = {};
let dossierCode = '';

/** One value for every path parameter name the table uses. */
const urlOf = (def: RouteDef) => routePath(def.path, { id: 1, code: dossierCode, date: '2026-12-24', kind: 'supplement', form: '01' });

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  tokens.expired = await hub.login(DEMO.clerk2[0], DEMO.clerk2[1]);
  clock.advance(13 * 3_600_000);
  tokens.admin = await hub.login();
  tokens.clerk = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
  for (const role of ['kiosk', 'display', 'counter'] as const) tokens[role] = await hub.pairDevice(role);
  const d = await hub.api('POST', '/dossiers', { token: tokens.clerk, body: dossierBody(1) });
  dossierCode = d.body.code;
});
afterAll(async () => hub?.close());

describe('device tokens and staff routes', () => {
  for (const role of ['kiosk', 'display', 'counter'] as const) {
    it(`the route table lets a ${role} token call exactly its own routes`, () => {
      const allowed = table.filter(([, def]) => def.roles.includes(role)).map(([name]) => name);
      expect(allowed.sort()).toEqual([...DEVICE_ROUTES[role]].sort());
      // None of them is a staff-only or admin route.
      for (const name of allowed) expect(routes[name].path.startsWith('/admin')).toBe(false);
    });

    it(`a ${role} token is refused (403) by every other route, before its body is read, and nothing changes`, async () => {
      const watch = new StoreWatch(path.join(hub.dataDir, 'motcua.sqlite'), { devices: ['last_seen_at'] });
      try {
        for (const [name, def] of table) {
          if (def.roles.includes('public') || def.roles.includes(role)) continue;
          const r = await hub.api(def.method, urlOf(def), { token: tokens[role], ...(def.method === 'GET' ? {} : { raw: '{"not":"checked"' }) });
          expect({ name, status: r.status, code: r.body?.error?.code }).toEqual({ name, status: 403, code: 'FORBIDDEN' });
        }
        expect(watch.changedTables()).toEqual([]);
      } finally {
        watch.close();
      }
    });
  }

  it('an expired clerk session (12 h) is refused (401) by every route that needs a token', async () => {
    for (const [name, def] of table) {
      if (def.roles.includes('public')) continue;
      const r = await hub.api(def.method, urlOf(def), { token: tokens.expired });
      expect({ name, status: r.status, code: r.body?.error?.code }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('a clerk (not an admin) is refused by every admin route', async () => {
    for (const [name, def] of table) {
      if (def.roles.includes('clerk') || def.roles.includes('public')) continue;
      const r = await hub.api(def.method, urlOf(def), { token: tokens.clerk });
      expect({ name, status: r.status }).toEqual({ name, status: 403 });
    }
  });
});

describe('guessing secrets is throttled', () => {
  for (const c of GUESSING_CASES) {
    it(`${c.name} (${c.route}): refused within ${c.throttledWithin} wrong tries, the right one too, nothing else changes`, async () => {
      const own = await startTestHub({ clock: clock.now });
      try {
        const def = routes[c.route] as RouteDef;
        const adminToken = await own.login();
        const callerToken = c.caller === 'kiosk' ? await own.pairDevice('kiosk') : c.caller === 'clerk' ? await own.login(DEMO.clerk1[0], DEMO.clerk1[1]) : undefined;
        const code = c.caller === 'clerk' ? (await own.api('POST', '/dossiers', { token: callerToken, body: dossierBody(2) })).body.code : dossierCode;
        const ctx: GuessContext = {
          dossierCode: code,
          pairingCode: async () => (await own.api('POST', '/admin/pairing-codes', { token: adminToken, body: { role: 'display', name: 'Màn hình' } })).body.code,
        };
        const attempt = (a: { params?: Record<string, string>; body?: unknown }) =>
          own.api(def.method, routePath(def.path, a.params ?? {}), { token: callerToken, ...(a.body === undefined ? {} : { body: a.body }) });
        const watch = new StoreWatch(path.join(own.dataDir, 'motcua.sqlite'), { devices: ['last_seen_at'], clerks: ['failed_attempts', 'locked_until'], ...c.writes });
        const statuses: number[] = [];
        for (let i = 0; i < c.throttledWithin + 3; i++) {
          const r = await attempt(c.wrong(i, ctx));
          expect(c.isHit?.(r.status, r.body) ?? (r.status >= 200 && r.status < 300)).toBe(false);
          statuses.push(r.status);
        }
        expect(watch.changedTables()).toEqual([]);
        watch.close();
        // From the limit on, every attempt is throttled...
        expect(statuses.slice(c.throttledWithin)).toEqual(statuses.slice(c.throttledWithin).map((s) => (c.throttled.includes(s) ? s : -s)));
        // ...the right secret included: a guesser cannot tell a hit from a miss.
        const right = await attempt(await c.right(ctx));
        expect(c.throttled).toContain(right.status);
        expect(right.body.error.message.length).toBeGreaterThan(10);
      } finally {
        await own.close();
      }
    });
  }

  it('the dossier-code throttle is per caller and lifts when its window has passed', async () => {
    const own = await startTestHub({ clock: clock.now });
    try {
      const a = await own.login(DEMO.clerk1[0], DEMO.clerk1[1]);
      const b = await own.login(DEMO.clerk2[0], DEMO.clerk2[1]);
      const code = (await own.api('POST', '/dossiers', { token: a, body: dossierBody(3) })).body.code as string;
      for (let i = 0; i < 20; i++) expect((await own.api('GET', `/dossiers/${code.replace(/\d{4}$/, String(9000 + i))}`, { token: a })).status).toBe(404);
      expect((await own.api('GET', `/dossiers/${code}`, { token: a })).status).toBe(429);
      expect((await own.api('GET', `/dossiers/${code}`, { token: b })).status).toBe(200);
      // Looking up by a right code never counts.
      for (let i = 0; i < 30; i++) expect((await own.api('GET', `/dossiers/${code}`, { token: b })).status).toBe(200);
      clock.advance(10 * 60_000 + 1);
      expect((await own.api('GET', `/dossiers/${code}`, { token: a })).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
