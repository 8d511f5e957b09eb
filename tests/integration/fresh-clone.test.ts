import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's first commands on a fresh clone: a copy of what git would
 * check out (tracked files, and new ones not ignored) in a temporary folder,
 * with no data/ and no dist/, node_modules linked from this checkout. Then
 * `npm run district` and `npm run hub` there, on free loopback ports, until
 * each answers over HTTP; they must have created their data folders.
 */
const repo = process.cwd();
let clone: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-fresh-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    const from = path.join(repo, f);
    if (!fs.existsSync(from) || fs.statSync(from).isDirectory()) continue; // deleted in the work tree, or a submodule
    fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    fs.copyFileSync(from, path.join(clone, f));
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
});
afterAll(async () => {
  await Promise.all(children.map(stop));
  fs.rmSync(clone, { recursive: true, force: true });
});

/** npm starts a shell that starts node: the child leads its own process group, so stopping it stops them all. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** `npm run <script>` in the clone with only the given settings; resolves with the first URL its output announces. */
function npmRun(script: string, env: Record<string, string>, announces: RegExp): Promise<string> {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (/^(MOTCUA_|DISTRICT_)/.test(k) || k === 'DATABASE_URL') delete clean[k];
  const child = spawn('npm', ['run', '--silent', script], { cwd: clone, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = announces.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`npm run ${script} exited ${code}:\n${out}`)));
  });
}

describe('a fresh clone with no data/', () => {
  it('npm run district and npm run hub start, answer over HTTP and create their data folders', { timeout: 240_000 }, async () => {
    expect(fs.existsSync(path.join(clone, 'data'))).toBe(false);
    const [district, hub] = await Promise.all([
      npmRun('district', { DISTRICT_PORT: '0' }, /"district":"(http:\/\/127\.0\.0\.1:\d+)"/),
      npmRun('hub', { MOTCUA_PORT: '0' }, /MotCua hub on (http:\/\/127\.0\.0\.1:\d+)/),
    ]);
    const d = await fetch(`${district}/health`);
    expect(d.status).toBe(200);
    expect(await d.json()).toMatchObject({ ok: true, database: 'pglite' });
    const h = await fetch(`${hub}/api/v1/health`);
    expect(h.status).toBe(200);
    const kiosk = await fetch(`${hub}/kiosk`);
    expect(kiosk.status).toBe(200);
    expect(await kiosk.text()).toContain('<div id="root">');

    expect(fs.readdirSync(path.join(clone, 'data', 'district')).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(clone, 'data', 'motcua.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(clone, 'data', 'office.json'))).toBe(true);
  });
});
