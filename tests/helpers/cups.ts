/**
 * A real print spooler for tests: cupsd (started when not running — CI has no
 * init system) with a cups-pdf queue whose "printer" writes each job as a PDF.
 * Needs root and: apt-get install -y cups printer-driver-cups-pdf poppler-utils.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CUPS_PDF_QUEUE = 'MotCuaPDF';
const MM = 72 / 25.4;

export const lpPresent = spawnSync('sh', ['-c', 'command -v lp']).status === 0;

const schedulerRunning = () => /scheduler is running/.test(spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } }).stdout);

/** Starts cupsd if needed and adds the cups-pdf queue if missing; returns the folder cups-pdf writes into. */
export async function ensureCupsPdfQueue(): Promise<string> {
  if (!schedulerRunning()) {
    const r = spawnSync('cupsd', [], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cupsd would not start (run as root, or start CUPS): ${r.stderr || r.error?.message}`);
    for (let i = 0; i < 50 && !schedulerRunning(); i++) await new Promise((r2) => setTimeout(r2, 100));
  }
  const queues = spawnSync('lpstat', ['-e'], { encoding: 'utf8' }).stdout.split('\n');
  if (!queues.includes(CUPS_PDF_QUEUE)) {
    const models = spawnSync('lpinfo', ['-m'], { encoding: 'utf8' }).stdout;
    const ppd = /^(\S*CUPS-PDF_noopt\.ppd)\s/m.exec(models)?.[1] ?? /^(\S*CUPS-PDF\S*\.ppd)\s/m.exec(models)?.[1];
    if (!ppd) throw new Error('cups-pdf is not installed: apt-get install -y printer-driver-cups-pdf');
    const r = spawnSync('lpadmin', ['-p', CUPS_PDF_QUEUE, '-v', 'cups-pdf:/', '-m', ppd, '-E'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`lpadmin could not add the ${CUPS_PDF_QUEUE} queue: ${r.stderr}`);
  }
  return cupsPdfOutDir();
}

/** The folder cups-pdf writes into, from its config (`Out ${HOME}/PDF` on Debian). */
export function cupsPdfOutDir(): string {
  let out = '${HOME}/PDF';
  try {
    const m = /^\s*Out\s+(.+)$/m.exec(readFileSync('/etc/cups/cups-pdf.conf', 'utf8'));
    if (m?.[1]) out = m[1].trim();
  } catch {
    /* default */
  }
  return out.replace('${HOME}', os.homedir());
}

/** Waits for the PDF cups-pdf writes for a job whose title starts with `prefix`. */
export async function waitForSpooledPdf(dir: string, prefix: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.pdf')) : undefined;
    if (hit) {
      const file = path.join(dir, hit);
      // cups-pdf writes then renames; a page count proves the file is complete.
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      if (info.status === 0 && /Pages:\s+\d+/.test(info.stdout)) return file;
    }
    if (Date.now() > deadline) throw new Error(`cups-pdf wrote no ${prefix}*.pdf into ${dir} within ${timeoutMs / 1000} s (see /var/log/cups/error_log)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function pdfPageSizeMm(file: string): { w: number; h: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  if (!m) throw new Error(`no page size in pdfinfo output:\n${out}`);
  return { w: Number(m[1]) / MM, h: Number(m[2]) / MM };
}
