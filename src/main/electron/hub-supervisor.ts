/**
 * Runs the office hub in an Electron utilityProcess (never child_process.fork:
 * the packaged app has the runAsNode fuse off), waits for its `ready`
 * message, and restarts it with backoff when it exits. The first port it got
 * is kept across restarts so the windows' origin (and their localStorage)
 * stays the same.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { createBackoff } from './backoff';
import { hubEnv, hubMessageSchema } from './hub-protocol';
import { localHubOrigin } from './hub-url';

export interface HubSupervisorOptions {
  modulePath: string;
  dataDir: string;
  host: string;
  port: number;
  localSecret: string;
  sqliteBinding: string;
  logFile: string;
  /** Echo the hub's output on this process's stdout (development). */
  echo: boolean;
  readyTimeoutMs?: number;
  onReady(origin: string): void;
  /** The hub is not serving: why, and when the next start is tried (ms). */
  onDown(reason: string, retryInMs: number): void;
}

const MAX_LOG_BYTES = 5 * 1024 * 1024;

export class HubSupervisor {
  private child: UtilityProcess | null = null;
  private port: number;
  private readonly backoff = createBackoff();
  private startedAt = 0;
  private readyTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private lastError: string | null = null;
  origin: string | null = null;

  constructor(private readonly opts: HubSupervisorOptions) {
    this.port = opts.port;
    mkdirSync(path.dirname(opts.logFile), { recursive: true });
    try {
      if (statSync(opts.logFile).size > MAX_LOG_BYTES) renameSync(opts.logFile, `${opts.logFile}.1`);
    } catch {
      /* no log yet */
    }
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.child || this.stopping) return;
    this.lastError = null;
    this.log(`starting hub on ${this.opts.host}:${this.port || '(free port)'}`);
    const child = utilityProcess.fork(this.opts.modulePath, [], {
      serviceName: 'MotCua hub',
      stdio: 'pipe',
      env: {
        ...process.env,
        ...hubEnv({
          dataDir: this.opts.dataDir,
          host: this.opts.host,
          port: this.port,
          localSecret: this.opts.localSecret,
          sqliteBinding: this.opts.sqliteBinding,
        }),
      },
    });
    this.child = child;
    this.startedAt = Date.now();
    child.stdout?.on('data', (d: Buffer) => this.log(d.toString('utf8'), 'out'));
    child.stderr?.on('data', (d: Buffer) => this.log(d.toString('utf8'), 'err'));
    child.on('message', (raw: unknown) => {
      const parsed = hubMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'ready') {
        this.clearReadyTimer();
        try {
          const origin = localHubOrigin(msg.url);
          this.origin = origin;
          const port = Number(new URL(msg.url).port);
          if (port > 0) this.port = port;
          this.log(`hub ready at ${origin}`);
          this.opts.onReady(origin);
        } catch (e) {
          this.lastError = (e as Error).message;
          child.kill();
        }
      } else {
        this.lastError = msg.message;
        this.log(`hub start-up error: ${msg.message}`);
        // It should exit by itself; make sure it does, so the restart timer runs.
        setTimeout(() => {
          if (this.child === child) child.kill();
        }, 2000);
      }
    });
    child.on('exit', (code) => this.onExit(child, code));
    this.readyTimer = setTimeout(() => {
      this.lastError = `the hub did not report ready within ${(this.opts.readyTimeoutMs ?? 60_000) / 1000} s`;
      this.log(this.lastError);
      child.kill();
    }, this.opts.readyTimeoutMs ?? 60_000);
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    this.clearReadyTimer();
    const now = Date.now();
    const wasReady = this.origin !== null;
    this.origin = null;
    if (this.stopping) {
      this.log(`hub stopped (exit code ${code})`);
      return;
    }
    this.backoff.stopped(this.startedAt, now);
    // A start-up failure on a port we picked ourselves may be that port being taken now: let the OS pick again.
    if (!wasReady && this.opts.port === 0) this.port = 0;
    const reason = this.lastError ?? `the hub process exited (code ${code})`;
    const delay = this.backoff.next();
    this.log(`${reason}; restarting in ${delay} ms`);
    this.opts.onDown(reason, delay);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, delay);
  }

  /** Stops the hub (SIGTERM on POSIX), waiting up to `graceMs` for it to exit. */
  stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.clearReadyTimer();
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.child = null;
        resolve();
      };
      const timer = setTimeout(done, graceMs);
      child.once('exit', done);
      child.kill();
    });
  }

  private clearReadyTimer(): void {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.readyTimer = null;
  }

  private log(text: string, stream: 'out' | 'err' | 'shell' = 'shell'): void {
    const lines = text.replace(/\n$/, '').split('\n');
    const stamp = new Date().toISOString();
    const out = lines.map((l) => `${stamp} [${stream}] ${l}\n`).join('');
    try {
      appendFileSync(this.opts.logFile, out);
    } catch {
      /* a full disk must not stop the shell */
    }
    if (this.opts.echo) process.stdout.write(lines.map((l) => `[hub] ${l}\n`).join(''));
  }
}
