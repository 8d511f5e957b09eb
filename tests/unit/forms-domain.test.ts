import { describe, expect, it } from 'vitest';
import { buildVietQr, crc16CcittFalse, extensionProblem, formRefusal, handOverTiming, parseEmvTlv, vietQrProblem } from '../../src/shared/domain';

/** The pure rules behind the forms of Circular 03/2025 and the fee QR. */
describe('VietQR (NAPAS EMVCo)', () => {
  it('CRC-16/CCITT-FALSE gives the catalogued check value', () => {
    // The check value of the algorithm for "123456789" (CRC catalogue: CRC-16/IBM-3740, a.k.a. CCITT-FALSE).
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('matches a published dynamic VietQR byte for byte (the vietnam-qr-pay README example)', () => {
    // BIN 970416, account 257678859, 10 000 đồng, purpose "Chuyen tien".
    expect(buildVietQr({ bankBin: '970416', accountNumber: '257678859', amountVnd: 10_000, purpose: 'Chuyen tien' })).toBe(
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
    );
  });

  it('lays the fields out as the spec says, the CRC over everything up to and including "6304"', () => {
    const p = buildVietQr({ bankBin: '970436', accountNumber: '0011004567890', amountVnd: 1_250_000, purpose: '000.00.15.H24-261123-0042' });
    const f = parseEmvTlv(p);
    expect(f.map((x) => x.id)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(f[4]).toEqual({ id: '54', value: '1250000' });
    expect(parseEmvTlv(f[6]!.value)).toEqual([{ id: '08', value: '000.00.15.H24-261123-0042' }]);
    expect(p.slice(-8, -4)).toBe('6304');
    expect(f[7]!.value).toBe(crc16CcittFalse(p.slice(0, -4)));
  });

  it('refuses what it cannot encode instead of printing a QR banks reject', () => {
    const ok = { bankBin: '970436', accountNumber: '0011004567890', amountVnd: 50_000, purpose: 'ABC' };
    expect(vietQrProblem(ok)).toBeNull();
    expect(vietQrProblem({ ...ok, bankBin: '97043' })).toBe('bank_bin');
    expect(vietQrProblem({ ...ok, accountNumber: '12 34' })).toBe('account_number');
    expect(vietQrProblem({ ...ok, amountVnd: 0 })).toBe('amount');
    expect(vietQrProblem({ ...ok, amountVnd: 12.5 })).toBe('amount');
    expect(vietQrProblem({ ...ok, purpose: 'Lệ phí' })).toBe('purpose'); // diacritics: not ASCII
    expect(vietQrProblem({ ...ok, purpose: 'x'.repeat(26) })).toBe('purpose');
    expect(() => buildVietQr({ ...ok, purpose: 'Lệ phí' })).toThrow(/purpose/);
    expect(() => parseEmvTlv('0002')).toThrow(/malformed/);
  });
});

describe('which form applies', () => {
  const facts = { status: 'processing' as const, hasSupplementRequest: false, hasExtension: false };
  it('01 and 06 for every received dossier; 02, 03, 04, 05 only after their event', () => {
    expect(formRefusal('01', facts)).toBeNull();
    expect(formRefusal('06', facts)).toBeNull();
    expect(formRefusal('02', facts)).toBe('no_supplement_request');
    expect(formRefusal('02', { ...facts, hasSupplementRequest: true })).toBeNull();
    expect(formRefusal('03', facts)).toBe('not_refused');
    expect(formRefusal('03', { ...facts, status: 'refused' })).toBeNull();
    expect(formRefusal('04', facts)).toBe('no_extension');
    expect(formRefusal('04', { ...facts, hasExtension: true })).toBeNull();
    expect(formRefusal('05', facts)).toBe('not_stopped');
    expect(formRefusal('05', { ...facts, status: 'stopped' })).toBeNull();
    expect(formRefusal('01', { ...facts, status: 'submitted_online' })).toBe('not_received');
  });
});

describe('the extension (Nghị định 118/2025 Điều 19 khoản 6)', () => {
  const due = Date.parse('2026-11-26T02:00:00Z'); // Thursday 09:00 in Hà Nội
  const later = due + 2 * 86_400_000;
  it('once, at least a day before the due date, to a later time', () => {
    expect(extensionProblem({ now: Date.parse('2026-11-25T10:00:00Z'), dueAt: due, newDueAt: later, extensionsSoFar: 0 })).toBeNull(); // Wednesday 17:00
    expect(extensionProblem({ now: Date.parse('2026-11-25T17:30:00Z'), dueAt: due, newDueAt: later, extensionsSoFar: 0 })).toBe('too_late'); // Thursday 00:30 office time
    expect(extensionProblem({ now: due + 3600_000, dueAt: due, newDueAt: later, extensionsSoFar: 0 })).toBe('too_late');
    expect(extensionProblem({ now: Date.parse('2026-11-24T02:00:00Z'), dueAt: due, newDueAt: later, extensionsSoFar: 1 })).toBe('already_extended');
    expect(extensionProblem({ now: Date.parse('2026-11-24T02:00:00Z'), dueAt: due, newDueAt: due, extensionsSoFar: 0 })).toBe('not_later');
  });
});

describe("form 06's result column", () => {
  const due = Date.parse('2026-11-26T09:00:00Z'); // 16:00 office time
  it('before the due day, on it, after it', () => {
    expect(handOverTiming(Date.parse('2026-11-25T09:00:00Z'), due)).toBe('early');
    expect(handOverTiming(Date.parse('2026-11-26T01:00:00Z'), due)).toBe('on_time');
    expect(handOverTiming(due + 60_000, due)).toBe('late');
  });
});
