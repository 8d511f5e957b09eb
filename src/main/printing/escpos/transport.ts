/**
 * How bytes reach an ESC/POS printer: a TCP socket (port 9100), a device file, or (Windows) a
 * shared printer fed raw through `copy /b`. Every wait has a deadline, so a printer that is
 * switched off, hangs mid-job or answers nonsense costs the kiosk a moment, never the day.
 */
import { execFile } from 'node:child_process';
import { open, writeFile, unlink } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrintError } from '../errors';

export interface EscposTimeouts {
  /** Connecting to a network printer. */
  connectMs: number;
  /** Each status byte after its DLE EOT. */
  answerMs: number;
  /** The whole job reaching the printer and its status answer after it: under the kiosk's 15 s request timeout, so the hub's reason reaches the screen. */
  jobMs: number;
}
export const DEFAULT_TIMEOUTS: EscposTimeouts = { connectMs: 1500, answerMs: 800, jobMs: 10_000 };

/** An open TCP link to the printer, with a byte queue for the status answers. */
export class TcpLink {
  private received: number[] = [];
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.waiter?.();
    });
    socket.on('error', (err) => {
      this.failure = err;
      this.waiter?.();
    });
    socket.on('close', () => {
      this.failure ??= new Error('closed');
      this.waiter?.();
    });
  }

  static connect(host: string, port: number, timeouts: EscposTimeouts): Promise<TcpLink> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrintError('PRINT_TIMEOUT', `The thermal printer at ${host}:${port} did not answer the connection.`));
      }, timeouts.connectMs);
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new PrintError('PRINTER_NOT_FOUND', `The thermal printer at ${host}:${port} cannot be reached (${err.code ?? err.message}).`, { cause: err }));
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new TcpLink(socket));
      });
    });
  }

  /** Sends `bytes` and waits for one answer byte; null when none came before the deadline. */
  async ask(bytes: Buffer, timeoutMs: number): Promise<number | null> {
    this.received = [];
    if (!this.failure) this.socket.write(bytes);
    return this.nextByte(timeoutMs);
  }

  private nextByte(timeoutMs: number): Promise<number | null> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(this.received.length > 0 ? this.received.shift()! : null);
      };
      const timer = setTimeout(finish, timeoutMs);
      if (this.received.length > 0 || this.failure) finish();
      else this.waiter = finish;
    });
  }

  /** Writes the job; resolves once the socket took it all, or fails at the deadline. */
  send(bytes: Buffer, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new PrintError('PRINT_TIMEOUT', 'The thermal printer stopped taking the ticket part-way.')), timeoutMs);
      this.socket.write(bytes, (err) => {
        clearTimeout(timer);
        if (err) reject(new PrintError('PRINT_FAILED', `The link to the thermal printer broke during the ticket (${err.message}).`, { cause: err }));
        else resolve();
      });
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }
}

/** A USB or serial printer's device file (/dev/usb/lp0, /dev/ttyUSB0, COM3): write only, no status. */
export async function writeDevice(devicePath: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  let handle;
  try {
    handle = await open(devicePath, 'w');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist (is the printer plugged in and switched on?)' : code === 'EACCES' ? 'is not writable by the hub (add its user to the lp or dialout group)' : `cannot be opened (${code ?? String(err)})`;
    throw new PrintError('PRINTER_NOT_FOUND', `The printer device ${devicePath} ${why}.`, { cause: err });
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      handle.write(bytes),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new PrintError('PRINT_TIMEOUT', `The printer device ${devicePath} stopped taking the ticket part-way.`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await handle.close().catch(() => undefined);
  }
}

/**
 * Windows: raw bytes to a shared printer with `copy /b file \\localhost\<share>`, which bypasses
 * the driver's rendering. NOT TESTED on Windows here (type-checked only); the printer must be
 * shared under the name written after escpos:raw:.
 */
export async function writeWindowsRaw(share: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  if (!/^[^\\/:*?"<>|]{1,80}$/.test(share)) throw new PrintError('INVALID_PRINT_JOB', 'The Windows printer share name is not valid.');
  const file = path.join(tmpdir(), `motcua-escpos-${process.pid}-${Date.now()}.bin`);
  await writeFile(file, bytes);
  try {
    await new Promise<void>((resolve, reject) => {
      execFile('cmd.exe', ['/d', '/c', 'copy', '/b', file, `\\\\localhost\\${share}`], { timeout: timeoutMs, windowsHide: true }, (err) =>
        err ? reject(new PrintError('PRINT_FAILED', `Windows did not take the ticket for ${share} (${err.message}).`, { cause: err })) : resolve(),
      );
    });
  } finally {
    await unlink(file).catch(() => undefined);
  }
}
