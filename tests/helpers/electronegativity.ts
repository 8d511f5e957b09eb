/**
 * Electronegativity (Doyensec's static auditor for Electron apps) run through its
 * API on a folder, and the allow-list in docs/electron.md it is held to.
 *
 * Through the API rather than the CLI: with an output file the CLI drops the
 * files it failed to parse without a word, and a file it could not read is a
 * file it did not audit. Here any such error fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>;

export interface Finding {
  /** Check id, e.g. PRELOAD_JS_CHECK. */
  id: string;
  /** Project-relative path with forward slashes, or "N/A" for a finding about the whole app. */
  file: string;
  line: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}

/**
 * Checks left out, each because it cannot give a stable answer offline:
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub
 * to tell whether a newer patch release exists (no network here, and its answer
 * changes with the calendar, not with our code).
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const;

/** The Electron version the project builds with: the installed electron devDependency. */
export function projectElectronVersion(): string {
  const version = (require('electron/package.json') as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) throw new Error('cannot read the electron devDependency version');
  return version;
}

export async function auditElectron(input: string, opts: { root: string; electronVersion?: string }): Promise<Finding[]> {
  const dir = path.resolve(opts.root, input);
  // The tool says only "Input does not exist!"; name the folder.
  if (!existsSync(dir)) throw new Error(`Electronegativity: ${dir} does not exist`);
  const mod = require('@doyensec/electronegativity') as Runner | { default: Runner };
  const run = typeof mod === 'function' ? mod : mod.default;
  const result = await run(
    {
      input: dir,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
      isRelative: false,
      isVerbose: false,
      electronVersionOverride: opts.electronVersion ?? projectElectronVersion(),
      parserPlugins: [],
    },
    false,
  );
  if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) throw new Error('Electronegativity returned no result');
  if (result.globalChecks < 1 || result.atomicChecks < 1) throw new Error(`Electronegativity ran no checks (${result.globalChecks} global, ${result.atomicChecks} atomic)`);
  if (result.errors.length > 0) {
    throw new Error(`Electronegativity could not read every file:\n${result.errors.map((e) => `${path.relative(opts.root, e.file)}: ${e.message}`).join('\n')}`);
  }
  return result.issues.map((i) => ({
    id: i.id,
    file: i.file === 'N/A' ? 'N/A' : path.relative(opts.root, i.file).split(path.sep).join('/'),
    line: i.location.line,
    severity: i.severity.name,
    confidence: i.confidence.name,
    manualReview: i.manualReview,
    description: i.description,
  }));
}

export interface AcceptedFinding {
  id: string;
  file: string;
  reason: string;
}

const START = '<!-- electronegativity-accepted:start -->';
const END = '<!-- electronegativity-accepted:end -->';

/**
 * The accepted findings: the table between the two markers in docs/electron.md,
 * rows of `| \`CHECK_ID\` | \`file\` | reason |`. Anything else in the table is an error,
 * so a typo cannot silently accept nothing (or everything).
 */
export function readAcceptedFindings(markdown: string): AcceptedFinding[] {
  const a = markdown.indexOf(START);
  const b = markdown.indexOf(END);
  if (a < 0 || b < a) throw new Error(`the accepted-findings table is missing (markers ${START} … ${END})`);
  const rows = markdown
    .slice(a + START.length, b)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|'));
  const body = rows.slice(2); // header and |---| line
  if (rows.length < 2 || !/^\|[\s|:-]+\|$/.test(rows[1]!)) throw new Error('the accepted-findings table has no header');
  return body.map((row) => {
    const m = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|(.*)\|$/.exec(row);
    if (!m) throw new Error(`not an accepted-finding row (| \`CHECK_ID\` | \`file\` | reason |): ${row}`);
    const reason = m[3]!.trim();
    if (reason.length < 20) throw new Error(`${m[1]} in ${m[2]}: say why it is accepted`);
    return { id: m[1]!, file: m[2]!, reason };
  });
}

export function loadAcceptedFindings(docFile: string): AcceptedFinding[] {
  return readAcceptedFindings(readFileSync(docFile, 'utf8'));
}

/** Findings nobody accepted, and accepted entries the tool no longer reports (the list must stay true). */
export function compareWithAccepted(findings: Finding[], accepted: AcceptedFinding[]): { unexpected: Finding[]; stale: AcceptedFinding[] } {
  const key = (x: { id: string; file: string }) => `${x.id} ${x.file}`;
  const ok = new Set(accepted.map(key));
  const seen = new Set(findings.map(key));
  return { unexpected: findings.filter((f) => !ok.has(key(f))), stale: accepted.filter((e) => !seen.has(key(e))) };
}
