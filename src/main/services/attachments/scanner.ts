import { spawn } from 'node:child_process';
import { AppError } from '../../../shared/api';

/**
 * A flatbed or sheet-fed scanner on the hub's computer through SANE's `scanimage` (Linux). Windows
 * scanners (WIA) are reached through the Electron layer on the counter PC instead (docs/digitise.md).
 * One scan at a time: a second request while the scanner works answers SCANNER_BUSY at once.
 */
export interface ScannerOptions {
  /** `scanimage` or a full path. */
  command?: string;
  /** SANE device name (`scanimage -L`); default: SANE's default device. */
  device?: string;
  /** Extra arguments after ours (a device's own options). */
  args?: readonly string[];
  resolution?: number;
  /** A page that takes longer than this is given up (scanner hung or unplugged). */
  timeoutMs?: number;
}

const MAX_SCAN_BYTES = 200 * 1024 * 1024;

/** What the clerk is told for what scanimage said (its stderr and exit code). */
function scanError(stderr: string, code: number | null): AppError {
  const text = stderr.trim().split('\n').pop() ?? '';
  if (/busy/i.test(stderr)) return new AppError(409, 'SCANNER_BUSY', 'The scanner is busy: wait for it to finish, then scan again.', { scanner: text });
  if (/no sane devices|open of device .* failed|invalid argument|no such/i.test(stderr))
    return new AppError(503, 'SCANNER_NOT_FOUND', 'No scanner answers: check that it is switched on and plugged in, then scan again.', { scanner: text });
  if (/jammed|cover/i.test(stderr)) return new AppError(409, 'SCANNER_JAMMED', 'The paper jammed or the cover is open: clear it, then scan again.', { scanner: text });
  if (/no docs|document feeder out of documents/i.test(stderr)) return new AppError(409, 'SCANNER_EMPTY', 'The feeder is empty: put the page in, then scan again.', { scanner: text });
  return new AppError(502, 'SCANNER_FAILED', `The scan stopped before the page was whole (${text || `exit ${code}`}): check the scanner's cable, then scan again.`, { scanner: text });
}

export function createScanner(options: ScannerOptions = {}) {
  let busy = false;
  return {
    /** One page as PNG bytes. Nothing is kept: a half page is thrown away with its error. */
    scanPage(): Promise<Buffer> {
      if (busy) return Promise.reject(new AppError(409, 'SCANNER_BUSY', 'The scanner is busy with another page: wait for it, then scan again.'));
      busy = true;
      const args = [...(options.device ? ['-d', options.device] : []), '--format=png', '--resolution', String(options.resolution ?? 150), ...(options.args ?? [])];
      return new Promise<Buffer>((resolve, reject) => {
        const child = spawn(options.command ?? 'scanimage', args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        let size = 0;
        let stderr = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
        child.stdout.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_SCAN_BYTES) child.kill('SIGKILL');
          else out.push(c);
        });
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        child.on('error', (err: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(
            err.code === 'ENOENT'
              ? new AppError(503, 'SCANNER_UNAVAILABLE', 'Scanning is not set up on the hub (SANE scanimage is not installed); attach a file instead.')
              : scanError(err.message, null),
          );
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          if (code === 0 && size > 0) resolve(Buffer.concat(out));
          else if (signal) reject(new AppError(504, 'SCANNER_TIMEOUT', 'The scanner stopped answering in the middle of the page: check it, then scan again.'));
          else reject(scanError(stderr, code));
        });
      }).finally(() => {
        busy = false;
      });
    },
  };
}
export type Scanner = ReturnType<typeof createScanner>;
