import { spawn, type ChildProcess } from 'node:child_process';

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A crash of the bench must not leave its servers behind (only the children this process started).
process.on('exit', () => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
});

/**
 * Starts `node <script>` with `env` and resolves with the URL it prints once
 * it listens (the first http://… on a line matching `readyPattern`).
 */
export function startServer(script: string, env: Record<string, string>, readyPattern: RegExp, timeoutMs = 20_000): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let out = '';
    let err = '';
    let ready = false;
    const timer = setTimeout(() => fail(new Error(`${script} did not get ready within ${timeoutMs} ms`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${e.message}\nstdout: ${out.slice(-2000)}\nstderr: ${err.slice(-2000)}`));
    };
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const line = out.split('\n').find((l) => readyPattern.test(l));
      const url = line?.match(/https?:\/\/[^\s)]+/)?.[0];
      if (url && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ url, child, stop: () => stop(child) });
      }
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (!ready) fail(new Error(`${script} exited (${code ?? signal}) before it was ready`));
    });
  });
}

/** SIGTERM, then SIGKILL after 5 s. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
