import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from './lib/crash';
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
    const report = await runCrashRounds({ seed: SEED, rounds: 5, dataDir });
    expect(report.violations).toEqual([]);
    // The load really ran: writes were acknowledged in every round, and some were cut mid-flight.
    expect(report.rounds.every((r) => r.acknowledged > 0)).toBe(true);
    expect(report.totals.tickets).toBeGreaterThan(20);
    expect(report.totals.dossiers).toBeGreaterThan(3);
    expect(report.totals.calls).toBeGreaterThan(5);
  });
});
