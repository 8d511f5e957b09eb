import { afterAll, describe, expect, it } from 'vitest';
import { fuzzOperation } from './lib/fuzz';
import { KNOWN_BODIES, makeFuzzOffice, startFuzzHub } from './lib/fuzzOffice';
import { routes, type RouteDef } from '../../src/shared/api';
import { operationsOf } from './lib/openapi';

/**
 * Property-based fuzzing (fast-check) of every operation in the hub's OpenAPI
 * document: valid, mutated, junk and malformed bodies, edge strings in paths
 * and queries, every kind of caller. Never a 5xx, never a crash, the error
 * shape always, and a refused request leaves the store exactly as it was.
 * `npm run test:reliability` runs the same with many more runs per route.
 */
// Print routes are fuzzed too: point lp at no spooler, so none of their jobs reaches a real printer
// (they answer the spooler failure, 502 PRINT_FAILED, the one 5xx the fuzzer accepts).
process.env.CUPS_SERVER = '/nonexistent/motcua-fuzz.sock';
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 20);
const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 7007);

const office = await makeFuzzOffice();
const doc = await (async () => {
  const hub = await startFuzzHub(office);
  try {
    return (await hub.api('GET', '/openapi.json')).body;
  } finally {
    await hub.dispose();
  }
})();
const operations = operationsOf(doc);
afterAll(() => office.dispose());

describe('fuzzing every route of the OpenAPI document', () => {
  it('the document lists the routes (dozens of them, with their roles)', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.find((o) => o.operationId === 'registerDossier')?.roles).toEqual(['clerk', 'admin']);
  });

  it('the known good bodies the fuzzer mutates still pass their route schema', () => {
    for (const [name, bodies] of Object.entries(KNOWN_BODIES)) {
      const schema = (routes as Record<string, RouteDef>)[name]?.body;
      expect(schema, name).toBeDefined();
      for (const b of bodies) expect(schema!.safeParse(b).success, `${name} ${JSON.stringify(b)}`).toBe(true);
    }
  });

  for (const op of operations) {
    it(`${op.operationId}: ${op.method} ${op.path}`, async () => {
      const result = await fuzzOperation(op, office, { numRuns: RUNS, seed: SEED });
      expect(result.failure).toBeNull();
      expect(result.runs).toBe(RUNS);
    });
  }
});
