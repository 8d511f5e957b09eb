import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run district`'s start as a process (src/district/main.ts under tsx):
 * what it refuses, and the folder it creates. Only loopback is ever bound;
 * the non-loopback case is refused before anything listens.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-district-start-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the server with exactly these settings; resolves when it exits, or with its start line (then stops it). */
function district(env: Record<string, string>, onStart?: (line: { district: string; demoOffice: boolean; backOfficeToken: string }) => Promise<void>): Promise<Run> {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('DISTRICT_') || k === 'DATABASE_URL') delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/district/main.ts'], { env: { ...clean, DISTRICT_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  let started = false;
  let failure: unknown;
  child.stdout.on('data', (d: Buffer) => {
    run.stdout += d.toString();
    const m = /^\{"district".*\}$/m.exec(run.stdout);
    if (m && !started) {
      started = true;
      void (onStart ? onStart(JSON.parse(m[0])) : Promise.resolve()).catch((err: unknown) => (failure = err)).finally(() => child.kill('SIGTERM'));
    }
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      run.code = code;
      if (failure) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else resolve(run);
    }),
  );
}

describe('npm run district: safe defaults', () => {
  it.each([
    [{ DISTRICT_HOST: '0.0.0.0' }, 'no back-office token'],
    [{ DISTRICT_HOST: '0.0.0.0', DISTRICT_BACKOFFICE_TOKEN: 'demo-back-office' }, 'the demo back-office token'],
  ])('refuses a non-loopback address without its own token, in one line (%o)', async (env, what) => {
    const dataDir = path.join(tmp, `refused-${what.length}`);
    const run = await district({ ...env, DISTRICT_DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `Refusing to listen on 0.0.0.0 (not loopback) with ${what}: set DISTRICT_BACKOFFICE_TOKEN to a secret of your own (e.g. \`openssl rand -base64 32\`).`,
    ]);
    // Refused before anything was made: no database folder.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('on loopback: creates a new nested data folder, the demo token and the demo office, as before', async () => {
    const dataDir = path.join(tmp, 'new', 'nested', 'district');
    const run = await district({ DISTRICT_DATA_DIR: dataDir }, async (line) => {
      expect(line).toMatchObject({ backOfficeToken: 'demo-back-office', demoOffice: true });
      const res = await fetch(`${line.district}/back-office/offices/demo/enrolment-codes`, { method: 'POST', headers: { authorization: 'Bearer demo-back-office' } });
      expect(res.status).toBe(200);
      expect((await res.json()) as unknown).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{8}$/) });
    });
    expect(run.stderr).toBe('');
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
  });

  it('on loopback with DISTRICT_DEMO_OFFICE=0: no demo office', async () => {
    await district({ DISTRICT_DATA_DIR: path.join(tmp, 'no-demo'), DISTRICT_DEMO_OFFICE: '0', DISTRICT_BACKOFFICE_TOKEN: 'own-token' }, async (line) => {
      expect(line).toMatchObject({ backOfficeToken: '(set)', demoOffice: false });
      const res = await fetch(`${line.district}/back-office/offices/demo/enrolment-codes`, { method: 'POST', headers: { authorization: 'Bearer own-token' } });
      expect(res.status).toBe(404);
    });
  });
});
