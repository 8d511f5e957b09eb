import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** End-to-end tests drive the built UI, exactly what ships: build it once per run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--only=renderer', '--quiet'], { stdio: 'inherit' });
  fs.mkdirSync('test-results', { recursive: true });
}
