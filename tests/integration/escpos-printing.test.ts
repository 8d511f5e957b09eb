/**
 * ESC/POS thermal printing against a test printer on a loopback TCP port (tests/helpers/testPrinter.ts):
 * the status bytes of each state, the ticket as GS v 0 raster decoded back into an image and compared
 * with an independent rasterisation of the same PDF, the cut at the end, and the failures (unreachable,
 * hangs mid-job, answers garbage) as clear errors with nothing half-sent counted as printed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEscposTarget, type EscposTarget } from '../../src/shared/domain/escposTarget';
import { escposStatus, printEscpos } from '../../src/main/printing/escpos';
import { PrintError } from '../../src/main/printing';
import { decodeRaster, startTestPrinter, toPng, type TestPrinter, type TestPrinterMode } from '../helpers/testPrinter';
import { startTestHub, type TestHub } from '../helpers/hub';

const FAST = { connectMs: 1000, answerMs: 300, jobMs: 1500 };
const OUT = path.join('test-results', 'escpos');
let hub: TestHub;
let kiosk = '';
const printers: TestPrinter[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await hub.pairDevice('kiosk');
  fs.mkdirSync(OUT, { recursive: true });
}, 60_000);
afterAll(async () => {
  for (const p of printers) await p.close();
  await hub.close();
});

async function printer(mode: TestPrinterMode): Promise<TestPrinter> {
  const p = await startTestPrinter(mode);
  printers.push(p);
  return p;
}
const tcp = (p: TestPrinter, dots: 576 | 384 = 576): EscposTarget => ({ kind: 'tcp', host: '127.0.0.1', port: p.port, dots });

async function issueTicket(lang: 'vi' | 'en' = 'vi') {
  const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
  const res = await fetch(`${hub.url}/api/v1/tickets/${t.body.ticket.id}/pdf?lang=${lang}`, { headers: { authorization: `Bearer ${kiosk}` } });
  return { ticket: t.body.ticket as { id: number; number: string }, pdf: Buffer.from(await res.arrayBuffer()) };
}

/** pdftoppm's own greyscale at the width, thresholded here (not by the code under test). */
function referenceBits(pdf: Buffer, dots: number): { width: number; height: number; bits: Uint8Array } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-singlefile', '-scale-to-x', String(dots), '-scale-to-y', '-1', '-'], { input: pdf });
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(m[1]), Number(m[2])];
  const px = pgm.subarray(m[0].length);
  const bits = new Uint8Array((dots / 8) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (px[y * w + x]! < 160) bits[y * (dots / 8) + (x >> 3)]! |= 0x80 >> (x & 7);
  return { width: dots, height: h, bits };
}

const inkInRows = (img: { width: number; bits: Uint8Array }, from: number, to: number) => {
  let n = 0;
  for (let i = from * (img.width / 8); i < to * (img.width / 8); i++) for (let b = img.bits[i]!; b; b &= b - 1) n++;
  return n;
};

describe('ESC/POS status (DLE EOT 1/2/4)', () => {
  it.each([
    ['online', 'ready'],
    ['cover_open', 'cover_open'],
    ['paper_end', 'paper_end'],
    ['near_end', 'paper_near_end'],
    ['offline', 'offline'],
    ['garbage', 'garbled'],
    ['silent', 'no_answer'],
  ] as const)('a printer %s reads as %s', async (mode, state) => {
    const p = await printer(mode);
    expect(await escposStatus(tcp(p), FAST)).toBe(state);
  });

  it('a printer nobody listens for is unreachable', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    expect(await escposStatus({ kind: 'tcp', host: '127.0.0.1', port, dots: 576 }, FAST)).toBe('unreachable');
  });
});

describe('the ticket as a raster image', () => {
  it.each([576, 384] as const)('prints the ticket PDF at %i dots, the same image as the PDF drawn, then cuts', async (dots) => {
    const p = await printer('online');
    const { pdf } = await issueTicket('vi');
    await printEscpos(pdf, tcp(p, dots), FAST);
    const job = decodeRaster(p.received());
    expect(job.startsWithReset).toBe(true);
    expect(job.endsWithCut).toBe(true);
    expect(job.width).toBe(dots);
    expect(job.bands).toBeGreaterThan(1);
    fs.writeFileSync(path.join(OUT, `ticket-${dots}.png`), toPng(job));
    const ref = referenceBits(pdf, dots);
    expect(job.height).toBe(ref.height);
    expect(Buffer.from(job.bits).equals(Buffer.from(ref.bits))).toBe(true);
    // The 54 pt number sits in the upper middle of the 95 mm slip: heavy ink there, little in the top margin.
    const h = job.height;
    expect(inkInRows(job, Math.round(h * 0.3), Math.round(h * 0.5))).toBeGreaterThan(dots * 8);
    expect(inkInRows(job, 0, Math.round((h * 3) / 95))).toBe(0);
  });

  it('prints at paper near end (the alert is for the staff), refuses at paper end or cover open without sending the ticket', async () => {
    const near = await printer('near_end');
    const { pdf } = await issueTicket('en');
    await printEscpos(pdf, tcp(near), FAST);
    expect(decodeRaster(near.received()).endsWithCut).toBe(true);
    for (const [mode, code] of [
      ['paper_end', 'PRINTER_PAPER_END'],
      ['cover_open', 'PRINTER_COVER_OPEN'],
      ['offline', 'PRINTER_OFFLINE'],
      ['garbage', 'PRINTER_BAD_ANSWER'],
      ['silent', 'PRINT_TIMEOUT'],
    ] as const) {
      const p = await printer(mode);
      const err = await printEscpos(pdf, tcp(p), FAST).catch((e: unknown) => e);
      expect(err, mode).toBeInstanceOf(PrintError);
      expect((err as PrintError).code).toBe(code);
      expect(decodeRaster(p.received()).bands, mode).toBe(0);
    }
  });

  it('a printer that hangs part-way is a timeout, not a printed ticket', async () => {
    const p = await printer('hang_mid_job');
    const { pdf } = await issueTicket();
    const err = await printEscpos(pdf, tcp(p), FAST).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect((err as PrintError).code).toBe('PRINT_TIMEOUT');
    expect((err as PrintError).message).toMatch(/part-way/);
  });
});

describe('printing a ticket through the hub on a thermal printer', () => {
  it('prints on escpos:tcp:…, and a refusal keeps the ticket valid with the reason', async () => {
    const ok = await printer('online');
    const { ticket } = await issueTicket();
    const r = await hub.api('POST', `/tickets/${ticket.id}/print`, { token: kiosk, body: { printer: ok.address } });
    expect(r.status).toBe(200);
    expect(decodeRaster(ok.received()).width).toBe(576);

    const empty = await printer('paper_end');
    const r2 = await hub.api('POST', `/tickets/${ticket.id}/print`, { token: kiosk, body: { printer: `${empty.address}@384` } });
    expect(r2.status).toBe(502);
    expect(r2.body.error).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'PRINTER_PAPER_END' } });
    expect(hub.query('SELECT status FROM tickets WHERE id = ?', ticket.id)).toEqual([{ status: 'waiting' }]);
  });

  it('refuses a thermal printer outside the LAN or a bad device path with the reason, sending nothing', async () => {
    const { ticket } = await issueTicket();
    for (const bad of ['escpos:tcp:8.8.8.8:9100', 'escpos:tcp:127.0.0.1:99999', 'escpos:dev:/etc/passwd', 'escpos:tcp:printer.example.com:9100', 'escpos:tcp:127.0.0.1:9100@300']) {
      const r = await hub.api('POST', `/tickets/${ticket.id}/print`, { token: kiosk, body: { printer: bad } });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toContain(parseEscposTarget(bad).ok ? '' : (parseEscposTarget(bad) as { reason: string }).reason);
    }
  });
});
