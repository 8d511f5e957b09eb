import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveHub } from '../../../bench/lib/build';
import { startServer, stop, type Server } from '../../../bench/lib/proc';

/**
 * The hub as its own process (dist/main/hub-cli.cjs, or the bench's own bundle
 * of src/main/hub-cli.ts when dist is stale), so a SIGKILL takes down exactly
 * what a power cut takes down: the process, its sockets, its unsynced buffers.
 */
export interface HubProcess extends Server {
  pid: number;
  /** Kills the process at once (no handler runs) and waits for it to be gone. */
  sigkill(): Promise<void>;
  /** Resident set size of the hub in bytes (Linux /proc; ps elsewhere). */
  rss(): number;
}

let script: Promise<string> | undefined;
/** The hub bundle to run; built at most once per test process. */
export function hubScript(): Promise<string> {
  script ??= resolveHub(false).then((r) => r.script);
  return script;
}

export function tempDataDir(prefix = 'motcua-reliability-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHubProcess(dataDir: string, env: Record<string, string> = {}): Promise<HubProcess> {
  const server = await startServer(await hubScript(), { MOTCUA_PORT: '0', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOG: '0', ...env }, /^MotCua hub on /, 30_000);
  const pid = server.child.pid!;
  return {
    ...server,
    pid,
    stop: () => stop(server.child),
    sigkill: () =>
      new Promise<void>((resolve) => {
        if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
        server.child.once('exit', () => resolve());
        server.child.kill('SIGKILL');
      }),
    rss: () => rssOf(pid),
  };
}

export function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    return kb * 1024;
  } catch {
    return NaN;
  }
}
