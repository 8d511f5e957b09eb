/**
 * The printing module against a real CUPS: cupsd with a cups-pdf queue, whose
 * "printer" writes each job as a PDF file we can measure. Proves the 80 mm
 * ticket reaches the spooler as 80 mm (without `-o media=` CUPS prints it on
 * A4) and that failures come back as PrintError a clerk can act on.
 *
 * Needs: apt-get install -y cups printer-driver-cups-pdf poppler-utils (and root, to start cupsd
 * and add the queue). Skipped, with a message, only where `lp` is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { lpArgs, lpFailure, parseLpstatDefault, parseLpstatDestinations } from '../../src/main/printing/cups';
import { buildTestPagePdf, cupsMedia, listPrinters, pdfFirstPageSizeMm, printPdf, printTestPage, PrintError } from '../../src/main/printing';

const QUEUE = 'MotCuaPDF';
const MM = 72 / 25.4;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const lpPresent = has('lp');
if (!lpPresent) {
  console.warn('[printing.test] SKIPPED the CUPS tests: `lp` is not installed (apt-get install -y cups printer-driver-cups-pdf poppler-utils).');
}

function makePdf(widthMm: number, heightMm: number, text = 'A042'): Promise<Buffer> {
  const doc = new PDFDocument({ size: [widthMm * MM, heightMm * MM], margin: 3 * MM });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(24).text(text);
  doc.end();
  return done;
}

/** The folder cups-pdf writes into, from its config (`Out ${HOME}/PDF` on Debian). */
function cupsPdfOutDir(): string {
  let out = '${HOME}/PDF';
  try {
    const m = /^\s*Out\s+(.+)$/m.exec(readFileSync('/etc/cups/cups-pdf.conf', 'utf8'));
    if (m?.[1]) out = m[1].trim();
  } catch {
    /* default */
  }
  return out.replace('${HOME}', os.homedir());
}

async function waitForFile(dir: string, prefix: string, timeoutMs = 30_000): Promise<string> {
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

function pageSizeMm(file: string): { w: number; h: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  if (!m) throw new Error(`no page size in pdfinfo output:\n${out}`);
  return { w: Number(m[1]) / MM, h: Number(m[2]) / MM };
}

const uniq = (label: string) => `motcua-${label}-${process.pid}-${Date.now().toString(36)}`;

describe('printing: pure parts', () => {
  it('reads the page size of a pdfkit PDF', async () => {
    expect(pdfFirstPageSizeMm(await makePdf(80, 120))).toEqual({ widthMm: 80, heightMm: 120 });
    expect(pdfFirstPageSizeMm(await makePdf(210, 297))).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pdfFirstPageSizeMm(new Uint8Array(Buffer.from('%PDF-1.4 no boxes')))).toBeNull();
  });

  it('names standard paper and writes a custom size for tickets', () => {
    expect(cupsMedia({ widthMm: 80, heightMm: 120 })).toBe('Custom.80x120mm');
    expect(cupsMedia({ widthMm: 57.5, heightMm: 100 })).toBe('Custom.57.5x100mm');
    expect(cupsMedia({ widthMm: 210, heightMm: 297 })).toBe('A4');
  });

  it('builds lp arguments without a shell or a file name', () => {
    const pdf = new Uint8Array(0);
    expect(lpArgs({ pdf, printer: 'XP 80; rm -rf /', copies: 2, media: { widthMm: 80, heightMm: 120 }, jobName: 'MotCua Kiosk 1' })).toEqual([
      '-d',
      'XP 80; rm -rf /',
      '-n',
      '2',
      '-t',
      'MotCua Kiosk 1',
      '-o',
      'media=Custom.80x120mm',
    ]);
    expect(lpArgs({ pdf, copies: 1, media: null, jobName: 'x' })).toEqual(['-n', '1', '-t', 'x']);
  });

  it('turns lp complaints into actionable errors', () => {
    expect(lpFailure('lp: Error - The printer or class does not exist.', 'XP-80C')).toMatchObject({ code: 'PRINTER_NOT_FOUND', message: expect.stringContaining('"XP-80C" was not found') });
    expect(lpFailure('lp: Error - No default destination.', undefined).code).toBe('NO_DEFAULT_PRINTER');
    expect(lpFailure('lp: Destination "X" is not accepting jobs.', 'X').code).toBe('PRINTER_NOT_ACCEPTING');
    expect(lpFailure('lp: Error - Scheduler Not Responding.', 'X').code).toBe('PRINTING_UNAVAILABLE');
    expect(lpFailure('lp: something odd', 'X')).toMatchObject({ code: 'PRINT_FAILED', message: expect.stringContaining('something odd') });
  });

  it('parses lpstat', () => {
    expect(parseLpstatDefault('system default destination: XP80\n')).toBe('XP80');
    expect(parseLpstatDefault('no system default destination\n')).toBeNull();
    expect(parseLpstatDestinations('PDF\nXP80\n\n')).toEqual(['PDF', 'XP80']);
  });

  it('refuses what is not a PDF, bad copy counts and bad printer names before any spooler', async () => {
    await expect(printPdf(Buffer.from('<html>'), {})).rejects.toMatchObject({ name: 'PrintError', code: 'INVALID_PRINT_JOB' });
    const pdf = await makePdf(80, 50);
    await expect(printPdf(pdf, { copies: 0 })).rejects.toMatchObject({ code: 'INVALID_PRINT_JOB' });
    await expect(printPdf(pdf, { printer: 'a\nb' })).rejects.toMatchObject({ code: 'INVALID_PRINT_JOB' });
  });

  it('says so when the CUPS tools are missing', async () => {
    const pdf = await makePdf(80, 50);
    const err = await printPdf(pdf, { printer: 'X' }, { platform: 'linux', cups: { lp: '/nonexistent/bin/lp' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect(err).toMatchObject({ code: 'PRINTING_UNAVAILABLE', message: expect.stringMatching(/not installed/) });
    await expect(listPrinters({ platform: 'linux', cups: { lpstat: '/nonexistent/bin/lpstat' } })).rejects.toMatchObject({ code: 'PRINTING_UNAVAILABLE' });
  });

  it('makes an 80 mm test page', async () => {
    const pdf = await buildTestPagePdf('XP-80C');
    expect(pdfFirstPageSizeMm(pdf)?.widthMm).toBe(80);
  });
});

describe.skipIf(!lpPresent)('printing through CUPS (cups-pdf queue)', () => {
  let outDir = '';

  beforeAll(async () => {
    // Start the scheduler when it is not running (containers and CI have no init system).
    if (!/scheduler is running/.test(spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } }).stdout)) {
      const r = spawnSync('cupsd', [], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cupsd would not start (run as root, or start CUPS): ${r.stderr || r.error?.message}`);
      for (let i = 0; i < 50; i++) {
        if (/scheduler is running/.test(spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } }).stdout)) break;
        await new Promise((r2) => setTimeout(r2, 100));
      }
    }
    const queues = spawnSync('lpstat', ['-e'], { encoding: 'utf8' }).stdout.split('\n');
    if (!queues.includes(QUEUE)) {
      const models = spawnSync('lpinfo', ['-m'], { encoding: 'utf8' }).stdout;
      const ppd = /^(\S*CUPS-PDF_noopt\.ppd)\s/m.exec(models)?.[1] ?? /^(\S*CUPS-PDF\S*\.ppd)\s/m.exec(models)?.[1];
      if (!ppd) throw new Error('cups-pdf is not installed: apt-get install -y printer-driver-cups-pdf');
      const r = spawnSync('lpadmin', ['-p', QUEUE, '-v', 'cups-pdf:/', '-m', ppd, '-E'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`lpadmin could not add the ${QUEUE} queue: ${r.stderr}`);
    }
    outDir = cupsPdfOutDir();
  }, 60_000);

  it('lists the queue', async () => {
    const printers = await listPrinters();
    expect(printers.map((p) => p.name)).toContain(QUEUE);
    for (const p of printers) expect(typeof p.isDefault).toBe('boolean');
  });

  it('prints an 80 mm ticket as 80 mm, not A4', async () => {
    const title = uniq('ticket');
    await printPdf(await makePdf(80, 120), { printer: QUEUE, jobName: title });
    const size = pageSizeMm(await waitForFile(outDir, title));
    expect(Math.abs(size.w - 80)).toBeLessThan(1);
    expect(Math.abs(size.h - 120)).toBeLessThan(1);
  });

  it('uses the paper size it is given', async () => {
    const title = uniq('media58');
    await printPdf(await makePdf(58, 90), { printer: QUEUE, jobName: title, media: { widthMm: 58, heightMm: 90 }, copies: 1 });
    const size = pageSizeMm(await waitForFile(outDir, title));
    expect(Math.abs(size.w - 58)).toBeLessThan(1);
    expect(Math.abs(size.h - 90)).toBeLessThan(1);
  });

  it('prints the test page at 80 mm', async () => {
    await printTestPage(QUEUE);
    const size = pageSizeMm(await waitForFile(outDir, 'MotCua_test_page'));
    expect(Math.abs(size.w - 80)).toBeLessThan(1);
  });

  it('a missing printer gives a PrintError that names it', async () => {
    const err = await printPdf(await makePdf(80, 50), { printer: 'No_Such_Printer_42' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect(err).toMatchObject({ code: 'PRINTER_NOT_FOUND' });
    expect((err as PrintError).message).toContain('"No_Such_Printer_42" was not found');
  });

  it('a queue that rejects jobs says so', async () => {
    spawnSync('cupsreject', [QUEUE]);
    try {
      const err = await printPdf(await makePdf(80, 50), { printer: QUEUE }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'PRINTER_NOT_ACCEPTING' });
    } finally {
      spawnSync('cupsaccept', [QUEUE]);
    }
  });
});
