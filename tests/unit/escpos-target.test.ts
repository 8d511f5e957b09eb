import { describe, expect, it } from 'vitest';
import { canPrintTicket, isEscposPrinter, parseEscposTarget } from '../../src/shared/domain/escposTarget';
import { decodeStatus, rasterJob } from '../../src/main/printing/escpos/commands';

describe('escpos: printer values in /admin', () => {
  it.each([
    ['escpos:tcp:192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100, dots: 576 }],
    ['escpos:tcp:127.0.0.1:9100@384', { kind: 'tcp', host: '127.0.0.1', port: 9100, dots: 384 }],
    ['escpos:tcp:may-in-quay1.local:9100', { kind: 'tcp', host: 'may-in-quay1.local', port: 9100, dots: 576 }],
    ['escpos:dev:/dev/usb/lp0', { kind: 'device', path: '/dev/usb/lp0', dots: 576 }],
    ['escpos:dev:COM3@384', { kind: 'device', path: 'COM3', dots: 384 }],
    ['escpos:raw:XP-80C', { kind: 'windows_raw', printer: 'XP-80C', dots: 576 }],
  ])('%s', (value, target) => {
    expect(parseEscposTarget(value)).toEqual({ ok: true, target });
  });

  it.each([
    ['escpos:tcp:8.8.8.8:9100', /office-LAN/],
    ['escpos:tcp:172.32.0.1:9100', /office-LAN/],
    ['escpos:tcp:printer.example.com:9100', /LAN printer name/],
    ['escpos:tcp:192.168.1.50', /host:port/],
    ['escpos:tcp:192.168.1.50:0', /outside/],
    ['escpos:tcp:192.168.1.50:abc', /not a number/],
    ['escpos:dev:/etc/passwd', /\/dev\//],
    ['escpos:dev:/dev/../etc/passwd', /plain device path/],
    ['escpos:tcp:127.0.0.1:9100@200', /@576/],
    ['escpos:ftp:x', /tcp:host:port/],
    ['escpos:raw:', /Windows printer/],
  ])('refuses %s with a reason', (value, reason) => {
    const r = parseEscposTarget(value);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });

  it('an OS printer name is not ESC/POS', () => {
    expect(isEscposPrinter('XP-80C')).toBe(false);
    expect(isEscposPrinter(' ESCPOS:tcp:127.0.0.1:9100')).toBe(true);
  });
});

describe('escpos: status bytes and the job', () => {
  it('reads the states, and anything without the fixed bits is garbled', () => {
    expect(decodeStatus([0x12, 0x12, 0x12])).toBe('ready');
    expect(decodeStatus([0x1a, 0x16, 0x12])).toBe('cover_open');
    expect(decodeStatus([0x1a, 0x32, 0x72])).toBe('paper_end');
    expect(decodeStatus([0x12, 0x12, 0x1e])).toBe('paper_near_end');
    expect(decodeStatus([0x1a, 0x12, 0x12])).toBe('offline');
    expect(decodeStatus([0xff, 0x12, 0x12])).toBe('garbled');
    expect(decodeStatus([0x00, 0x00, 0x00])).toBe('garbled');
    expect(canPrintTicket('paper_near_end')).toBe(true);
    expect(canPrintTicket('paper_end')).toBe(false);
  });

  it('splits the image into GS v 0 bands and ends with GS V', () => {
    const job = rasterJob({ width: 384, height: 300, bits: new Uint8Array(48 * 300).fill(0xaa) });
    expect([...job.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect([...job.subarray(2, 10)]).toEqual([0x1d, 0x76, 0x30, 0, 48, 0, 128, 0]);
    expect([...job.subarray(-4)]).toEqual([0x1d, 0x56, 66, 48]);
    expect(job.length).toBe(2 + 3 * 8 + 48 * 300 + 4);
  });
});
