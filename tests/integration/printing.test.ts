/**
 * The printing module against a real CUPS: cupsd with a cups-pdf queue, whose
 * "printer" writes each job as a PDF file we can measure. Proves the 80 mm
 * ticket reaches the spooler as 80 mm (without `-o media=` CUPS prints it on
 * A4) and that failures come back as PrintError a clerk can act on.
 *
 * Needs: apt-get install -y cups printer-driver-cups-pdf poppler-utils (and root, to start cupsd
 * and add the queue). Skipped, with a message, only where `lp` is not installed.
 */
import { spawnSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUPS_PDF_QUEUE, ensureCupsPdfQueue, lpPresent, pdfPageSizeMm, waitForSpooledPdf } from '../helpers/cups';
import { lpArgs, lpFailure, parseLpstatDefault, parseLpstatDestinations } from '../../src/main/printing/cups';
import { buildTestPagePdf, cupsMedia, listPrinters, pdfFirstPageSizeMm, printPdf, printTestPage, PrintError } from '../../src/main/printing';

const QUEUE = CUPS_PDF_QUEUE;
const MM = 72 / 25.4;

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
    outDir = await ensureCupsPdfQueue();
  }, 60_000);

  it('lists the queue', async () => {
    const printers = await listPrinters();
    expect(printers.map((p) => p.name)).toContain(QUEUE);
    for (const p of printers) expect(typeof p.isDefault).toBe('boolean');
  });

  it('prints an 80 mm ticket as 80 mm, not A4', async () => {
    const title = uniq('ticket');
    await printPdf(await makePdf(80, 120), { printer: QUEUE, jobName: title });
    const size = pdfPageSizeMm(await waitForSpooledPdf(outDir, title));
    expect(Math.abs(size.w - 80)).toBeLessThan(1);
    expect(Math.abs(size.h - 120)).toBeLessThan(1);
  });

  it('uses the paper size it is given', async () => {
    const title = uniq('media58');
    await printPdf(await makePdf(58, 90), { printer: QUEUE, jobName: title, media: { widthMm: 58, heightMm: 90 }, copies: 1 });
    const size = pdfPageSizeMm(await waitForSpooledPdf(outDir, title));
    expect(Math.abs(size.w - 58)).toBeLessThan(1);
    expect(Math.abs(size.h - 90)).toBeLessThan(1);
  });

  it('prints the test page at 80 mm', async () => {
    await printTestPage(QUEUE);
    const size = pdfPageSizeMm(await waitForSpooledPdf(outDir, 'MotCua_test_page'));
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
