import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInvariants, runCrashRounds } from './lib/crash';
import { startTestHub } from '../helpers/hub';
import { tempDataDir } from './lib/hubProcess';

/**
 * The short, seeded power-cut run of `npm test` (the long one, 50 rounds, is
 * `npm run test:reliability`). SIGKILL, restart, and every acknowledged ticket,
 * call, dossier and hand-back is still there, once.
 */
const SEED = Number(process.env.MOTCUA_CRASH_SEED ?? 20261201);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('power cuts (SIGKILL of the hub process)', () => {
  it(`keeps every acknowledged write across 5 kills (seed ${SEED})`, async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    // Kills 0.3–1.5 s into each round's load, so even a starved machine gets every kind of write in.
    const report = await runCrashRounds({ seed: SEED, rounds: 5, dataDir, killWindowMs: [300, 1500] });
    expect(report.violations).toEqual([]);
    // The load really ran: writes were acknowledged in every round, and some were cut mid-flight.
    expect(report.rounds.map((r) => r.acknowledged > 0)).toEqual(report.rounds.map(() => true));
    expect(report.totals.unknown).toBeGreaterThan(0);
    expect(Math.min(report.totals.tickets, report.totals.dossiers, report.totals.calls), JSON.stringify(report.totals)).toBeGreaterThan(0);
  });
});

describe('the invariant check itself', () => {
  it('reports a lost acknowledged ticket, a lost dossier and a call that went back to waiting', async () => {
    const hub = await startTestHub();
    try {
      const kiosk = await hub.pairDevice('kiosk');
      const t = (await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } })).body.ticket;
      const file = `${hub.dataDir}/motcua.sqlite`;
      const acks = {
        tickets: new Map([
          [t.id, { id: t.id, number: t.number, officeDay: t.officeDay }],
          [9999, { id: 9999, number: 'A9999', officeDay: t.officeDay }],
        ]),
        dossiers: new Map([['X-261201-0001', { id: 1, code: 'X-261201-0001', secret: 'ABCDEF' }]]),
        calls: new Set([t.id]),
        moves: new Map(),
        unknown: 0,
        unexpected: [],
      };
      const v = checkInvariants(file, acks);
      expect(v).toEqual([
        'acknowledged ticket A9999 (id 9999) is missing',
        `ticket id ${t.id} was called (acknowledged) but is waiting`,
        'acknowledged dossier X-261201-0001 is missing',
      ]);
      acks.tickets.delete(9999);
      acks.dossiers.clear();
      acks.calls.clear();
      expect(checkInvariants(file, acks)).toEqual([]);
    } finally {
      await hub.close();
      fs.rmSync(hub.dataDir, { recursive: true, force: true });
    }
  });
});
