import fc from 'fast-check';
import { dbFileOf, ignoredColumns, requestArb, send, startFuzzHub, StoreWatch, urlOf, type FuzzAnswer, type FuzzOffice, type FuzzRequest } from './fuzzOffice';
import type { Operation } from './openapi';

const DEVICE_OR_STAFF = new Set(['kiosk', 'display', 'counter', 'clerk', 'admin']);

/** What must hold for any request to any route; null when it does. */
/** `tokenValid`: false when an earlier accepted request of the run revoked the device or ended the session. */
export function problemWith(op: Operation, req: FuzzRequest, ans: FuzzAnswer, tokenValid = true): string | null {
  // The hub's one 5xx by design: the OS print spooler failed (a gateway error; nothing was changed).
  const spoolerFailure = ans.status === 502 && ans.json?.error?.code === 'PRINT_FAILED';
  if (ans.status >= 500 && !spoolerFailure) return `answered ${ans.status}: ${ans.text.slice(0, 300)}`;
  if (ans.status >= 400) {
    if (!ans.contentType.includes('json') || typeof ans.json?.error?.code !== 'string' || typeof ans.json?.error?.message !== 'string' || ans.json.error.message === '') {
      return `a ${ans.status} without the error shape: ${ans.contentType} ${ans.text.slice(0, 200)}`;
    }
  }
  if (op.roles !== null) {
    const role = DEVICE_OR_STAFF.has(req.token) && tokenValid ? req.token : null;
    const admitted = role !== null && op.roles.includes(role);
    if (!admitted && ans.status < 400) return `a ${req.token} caller was let through (${ans.status}) to a route for ${op.roles.join(', ')}`;
    if (!admitted && ans.status >= 400 && ![400, 401, 403, 404, 431].includes(ans.status)) return `a ${req.token} caller got ${ans.status}, not 401/403`;
    if (role === null && ans.status === 403) return `a caller with no valid token got 403 instead of 401`;
    if (role !== null && !admitted && ans.status === 401) return `a valid ${role} token got 401 instead of 403`;
  }
  if (ans.status >= 200 && ans.status < 300 && op.binary && !ans.contentType.startsWith('application/pdf')) return `a binary route answered ${ans.contentType}`;
  return null;
}

export interface FuzzOpResult {
  operationId: string;
  runs: number;
  statuses: Record<string, number>;
  failure: string | null;
}

/** Fuzzes one operation on a fresh copy of the office; the hub must also answer /health afterwards. */
export async function fuzzOperation(op: Operation, office: FuzzOffice, opts: { numRuns: number; seed: number }): Promise<FuzzOpResult> {
  const hub = await startFuzzHub(office);
  const watch = new StoreWatch(dbFileOf(hub), ignoredColumns(op));
  const statuses: Record<string, number> = {};
  let runs = 0;
  let failure: string | null = null;
  try {
    const property = fc.asyncProperty(requestArb(op, office), async (req) => {
      runs++;
      const ans = await send(hub.url, op, req, office.tokens[req.token]);
      statuses[ans.status] = (statuses[ans.status] ?? 0) + 1;
      // A 401 for a role token: did an earlier accepted request of this run (a revoke, a deactivation) end it?
      const token = office.tokens[req.token];
      const tokenValid = ans.status !== 401 || !token || (await hub.api('GET', '/auth/me', { token })).status === 200;
      const problem = problemWith(op, req, ans, tokenValid);
      if (problem) throw new Error(`${op.method} ${urlOf(op, req)} as ${req.token} (${req.body.kind === 'none' ? 'no body' : req.body.label}): ${problem}`);
      if (ans.status >= 400) {
        const changed = watch.changedTables();
        if (changed.length) throw new Error(`${op.method} ${urlOf(op, req)} as ${req.token} was refused (${ans.status} ${ans.json?.error?.code}) but changed ${changed.join(', ')}`);
      } else watch.accept();
    });
    const outcome = await fc.check(property, { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: true });
    if (outcome.failed) {
      const err = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
      failure = `${err}\n  counterexample: ${fc.stringify(outcome.counterexample).slice(0, 600)}\n  seed ${outcome.seed}, path "${outcome.counterexamplePath}"`;
    }
    const health = await hub.api('GET', '/health');
    if (!failure && health.status !== 200) failure = `the hub stopped answering /health after fuzzing ${op.operationId}`;
  } finally {
    watch.close();
    await hub.dispose();
  }
  return { operationId: op.operationId, runs, statuses, failure };
}
