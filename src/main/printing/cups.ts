/**
 * Printing through CUPS (Linux, macOS): `lp` to queue a job, `lpstat` for the
 * printer list. Always execFile/spawn with an argument array, never a shell;
 * the PDF goes in on stdin so no temp file is left behind. Output is parsed
 * in the C locale.
 */
import { execFile, spawn } from 'node:child_process';
import { PrintError } from './errors';
import { cupsMedia, type PaperMm } from './pdf-size';

export interface CupsPrintJob {
  pdf: Uint8Array;
  printer?: string | undefined;
  copies: number;
  media: PaperMm | null;
  jobName: string;
}

export interface CupsOptions {
  /** Command names or paths (tests point them elsewhere). */
  lp?: string;
  lpstat?: string;
  timeoutMs?: number;
}

const C_LOCALE = { LANG: 'C', LC_ALL: 'C' };

export function lpArgs(job: CupsPrintJob): string[] {
  const args: string[] = [];
  if (job.printer) args.push('-d', job.printer);
  args.push('-n', String(job.copies), '-t', job.jobName);
  if (job.media) {
    // The page size the PDF was made for; without it CUPS uses the queue's default (often A4).
    args.push('-o', `media=${cupsMedia(job.media)}`);
  }
  // No file argument: lp reads the job from stdin.
  return args;
}

/** Turns `lp`'s complaint into a PrintError a clerk or technician can act on. */
export function lpFailure(stderr: string, printer: string | undefined): PrintError {
  const text = stderr.trim().replace(/^lp:\s*/i, '');
  const name = printer ? `"${printer}"` : 'the default printer';
  if (/does not exist|not found|unknown printer/i.test(text)) {
    return new PrintError(
      'PRINTER_NOT_FOUND',
      `Printer ${name} was not found. Check the printer name in this device's settings, that the printer is installed, and that the printing service (CUPS) is running.`,
    );
  }
  if (/no default destination/i.test(text)) {
    return new PrintError('NO_DEFAULT_PRINTER', 'No printer is set for this device and the computer has no default printer. Choose a printer in the device settings.');
  }
  if (/not accepting jobs/i.test(text)) {
    return new PrintError('PRINTER_NOT_ACCEPTING', `Printer ${name} is not accepting jobs. Turn it back on in the printer settings (CUPS: cupsaccept / cupsenable).`);
  }
  if (/scheduler not responding|unable to connect|connection refused/i.test(text)) {
    return new PrintError('PRINTING_UNAVAILABLE', 'The printing service (CUPS) is not running. Start it or restart the computer.');
  }
  return new PrintError('PRINT_FAILED', `Printing on ${name} failed: ${text || 'the print command failed without a message'}.`);
}

export function cupsPrint(job: CupsPrintJob, opts: CupsOptions = {}): Promise<string | null> {
  const lp = opts.lp ?? 'lp';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(lp, lpArgs(job), { env: { ...process.env, ...C_LOCALE }, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (err: PrintError | null, jobId: string | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(jobId);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new PrintError('PRINT_TIMEOUT', `The printing service did not answer within ${timeoutMs / 1000} s. Check that CUPS is running.`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        finish(new PrintError('PRINTING_UNAVAILABLE', 'The CUPS printing tools (lp) are not installed on this computer. Install CUPS (Debian/Ubuntu: apt-get install cups).', { cause: e }));
      } else {
        finish(new PrintError('PRINT_FAILED', `Could not start the print command: ${e.message}`, { cause: e }));
      }
    });
    child.on('close', (code) => {
      if (code === 0) finish(null, /request id is (\S+)/.exec(stdout)?.[1] ?? null);
      else finish(lpFailure(stderr, job.printer));
    });
    // lp may exit before reading everything (unknown printer): ignore EPIPE, the exit code tells.
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(job.pdf.buffer, job.pdf.byteOffset, job.pdf.byteLength));
  });
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: { ...process.env, ...C_LOCALE }, timeout: timeoutMs, shell: false }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.code === 'ENOENT') {
          reject(new PrintError('PRINTING_UNAVAILABLE', 'The CUPS printing tools (lpstat) are not installed on this computer. Install CUPS (Debian/Ubuntu: apt-get install cups).', { cause: err }));
        } else if (e.killed) {
          reject(new PrintError('PRINT_TIMEOUT', 'The printing service did not answer in time. Check that CUPS is running.', { cause: err }));
        } else {
          reject(new PrintError('PRINT_FAILED', `lpstat failed: ${String(stderr).trim() || err.message}`, { cause: err }));
        }
        return;
      }
      resolve(String(stdout));
    });
  });
}

/** `lpstat -d`: "system default destination: NAME" or "no system default destination". */
export function parseLpstatDefault(out: string): string | null {
  const m = /system default destination:\s*(\S+)/i.exec(out);
  return m?.[1] ?? null;
}

/** `lpstat -e`: one destination per line (instances as NAME/INSTANCE are kept). */
export function parseLpstatDestinations(out: string): string[] {
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/\s/.test(l));
}

export async function cupsDefaultPrinter(opts: CupsOptions = {}): Promise<string | null> {
  return parseLpstatDefault(await run(opts.lpstat ?? 'lpstat', ['-d'], opts.timeoutMs ?? 10_000));
}

export async function cupsListPrinters(opts: CupsOptions = {}): Promise<{ name: string; isDefault: boolean }[]> {
  const lpstat = opts.lpstat ?? 'lpstat';
  const [names, def] = await Promise.all([run(lpstat, ['-e'], opts.timeoutMs ?? 10_000), cupsDefaultPrinter(opts)]);
  return parseLpstatDestinations(names).map((name) => ({ name, isDefault: name === def }));
}
