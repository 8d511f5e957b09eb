/**
 * Electronegativity over the Electron shell (docs/electron.md, "Electronegativity"): nothing but
 * the accepted findings, every accepted finding still real, and a run that could not read a file
 * or did not run is a failure, never a pass. The tool's runs mostly wait on its attempt to fetch
 * translations (offline here), so they run concurrently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/http/ui';
import {
  auditElectron,
  compareWithAccepted,
  loadAcceptedFindings,
  projectElectronVersion,
  readAcceptedFindings,
  type Finding,
} from '../helpers/electronegativity';

const root = path.resolve(import.meta.dirname, '../..');
const DOC = path.join(root, 'docs/electron.md');
const AUDIT = { timeout: 120_000 };

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-audit-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
const ids = (findings: Finding[]) => [...new Set(findings.map((f) => f.id))].sort();

// The window as it was before webPreferences were written out: the auditor cannot see through the spread.
const SPREAD_WINDOW = `import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './lockdown';
export const win = new BrowserWindow({ webPreferences: { ...secureWebPreferences({ preload: 'p.js' }), partition: 'persist:k' } });
`;
const OPEN_WINDOW = `import { BrowserWindow } from 'electron';
export const win = new BrowserWindow({
  webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false, disableBlinkFeatures: 'Auxclick' },
});
`;

describe.concurrent('Electronegativity over src/main/electron', () => {
  it('reports only the findings docs/electron.md accepts, and each of those is still reported', AUDIT, async ({ expect }) => {
    const findings = await auditElectron('src/main/electron', { root });
    const { unexpected, stale } = compareWithAccepted(findings, loadAcceptedFindings(DOC));
    expect(unexpected, 'new findings: fix them, or accept them with a reason in docs/electron.md').toEqual([]);
    expect(stale, 'accepted in docs/electron.md but no longer reported: remove the row').toEqual([]);
    // What the issue listed before the fix is gone: the auditor sees isolation, sandbox and the auxclick setting.
    expect(ids(findings)).not.toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids(findings)).not.toContain('SANDBOX_JS_CHECK');
    expect(ids(findings)).not.toContain('AUXCLICK_JS_CHECK');
  });

  it('catches a window whose settings it cannot see, and one that turns them off', AUDIT, async ({ expect }) => {
    const dir = fixture({ 'spread.ts': SPREAD_WINDOW, 'open.ts': OPEN_WINDOW });
    const findings = await auditElectron(dir, { root: dir });
    const { unexpected } = compareWithAccepted(findings, loadAcceptedFindings(DOC));
    const spread = unexpected.filter((f) => f.file === 'spread.ts').map((f) => f.id);
    const open = unexpected.filter((f) => f.file === 'open.ts').map((f) => f.id);
    expect(spread).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK']));
    expect(open).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']));
    expect(open).not.toContain('AUXCLICK_JS_CHECK');
  });

  it('fails, naming the file, when it cannot parse one', AUDIT, async ({ expect }) => {
    const dir = fixture({ 'ok.ts': SPREAD_WINDOW, 'broken.ts': 'export const = new BrowserWindow({ webPreferences: { sandbox: true } ;\n' });
    await expect(auditElectron(dir, { root: dir })).rejects.toThrow(/could not read every file:\nbroken\.ts/);
  });

  it('fails when the folder is not there', async ({ expect }) => {
    await expect(auditElectron('src/main/no-such-folder', { root })).rejects.toThrow(/no-such-folder does not exist/);
  });
});

describe('the accepted-findings table', () => {
  it('names the Electron version it audits as: the electron devDependency', () => {
    expect(projectElectronVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('has a reason for every row', () => {
    const accepted = loadAcceptedFindings(DOC);
    expect(accepted.map((a) => a.id).sort()).toEqual(['CSP_GLOBAL_CHECK', 'PRELOAD_JS_CHECK']);
    for (const a of accepted) expect(a.reason.length).toBeGreaterThan(100);
  });

  it.each([
    ['no table', '# Electron\n'],
    ['only a start marker', '<!-- electronegativity-accepted:start -->\n| check | file | why |\n|---|---|---|\n'],
    ['a row without a reason', '<!-- electronegativity-accepted:start -->\n| check | file | why |\n|---|---|---|\n| `PRELOAD_JS_CHECK` | `x.ts` | ok |\n<!-- electronegativity-accepted:end -->'],
    ['a row without backticks', '<!-- electronegativity-accepted:start -->\n| check | file | why |\n|---|---|---|\n| PRELOAD_JS_CHECK | x.ts | reviewed and fine, the preload is tiny |\n<!-- electronegativity-accepted:end -->'],
    ['no header line', '<!-- electronegativity-accepted:start -->\n| `PRELOAD_JS_CHECK` | `x.ts` | reviewed and fine, the preload is tiny |\n<!-- electronegativity-accepted:end -->'],
  ])('refuses %s rather than accept nothing', (_n, text) => {
    expect(() => readAcceptedFindings(text)).toThrow();
  });
});

describe("the hub's CSP header, through the auditor's CSP evaluator", () => {
  const require = createRequire(import.meta.url);
  const csp = require('@doyensec/csp-evaluator') as {
    CspParser: new (s: string) => { csp: unknown };
    CspEvaluator: new (c: unknown, v: unknown) => { evaluate(): { directive: string; severity: number; description: string }[] };
    Version: { CSP3: unknown };
    severities: Record<string, number>;
  };
  const evaluate = (policy: string) => new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  // What CSP_GLOBAL_CHECK counts against a policy: anything from HIGH to MEDIUM_MAYBE.
  const serious = (policy: string) => evaluate(policy).filter((f) => f.severity <= csp.severities.MEDIUM_MAYBE!);

  it("has only the note on script-src 'self' that docs/electron.md answers", () => {
    expect(serious(CONTENT_SECURITY_POLICY).map((f) => [f.directive, f.severity])).toEqual([['script-src', csp.severities.MEDIUM_MAYBE]]);
  });

  it('would flag a weaker policy', () => {
    const weak = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval' 'unsafe-inline'");
    expect(serious(weak).filter((f) => f.severity <= csp.severities.MEDIUM!).map((f) => f.directive)).toContain('script-src');
    expect(serious(CONTENT_SECURITY_POLICY.replace("object-src 'none'; ", '')).map((f) => f.directive)).toContain('object-src');
  });
});
