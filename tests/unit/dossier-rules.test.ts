import { describe, expect, it } from 'vitest';
import {
  canMoveDossier,
  checkCccd,
  clockRuns,
  DOSSIER_STATUS,
  dossierStatusKey,
  formatDossierCode,
  isValidPassport,
  isValidSecret,
  maskName,
  normalisePhone,
  parseDossierCode,
  parseScannedCode,
  receiptQrPayload,
} from '../../src/shared/domain';

describe('dossier code', () => {
  it('is <agency>-<yymmdd>-<4-digit sequence>', () => {
    expect(formatDossierCode('000.00.15.H24', '2026-11-23', 42)).toBe('000.00.15.H24-261123-0042');
    expect(parseDossierCode('000.00.15.h24-261123-0042')).toEqual({ agencyCode: '000.00.15.H24', officeDay: '2026-11-23', seq: 42 });
  });
  it('refuses what is not a code', () => {
    expect(() => formatDossierCode('bad code', '2026-11-23', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.15.H24', '2026-11-23', 10000)).toThrow(RangeError);
    expect(parseDossierCode('000.00.15.H24-261323-0042')).toBeNull(); // month 13
    expect(parseDossierCode('A023')).toBeNull();
  });
});

describe('receipt QR and scans', () => {
  it('carries the code and the secret; a Code 128 scan carries the code only', () => {
    const payload = receiptQrPayload('000.00.15.H24-261123-0042', 'K7M2QX');
    expect(parseScannedCode(payload)).toEqual({ code: '000.00.15.H24-261123-0042', secret: 'K7M2QX' });
    expect(parseScannedCode(' 000.00.15.H24-261123-0042 ')).toEqual({ code: '000.00.15.H24-261123-0042', secret: null });
  });
  it('is not fooled by other barcodes or bad secrets', () => {
    expect(parseScannedCode('8934563138165')).toBeNull(); // a product EAN
    expect(parseScannedCode('MCK1:000.00.15.H24-261123-0042:IL0U00')).toBeNull();
    expect(isValidSecret('K7M2QX')).toBe(true);
    expect(isValidSecret('K7M2Q')).toBe(false);
  });
});

describe('statuses', () => {
  it('numbers the national list and allows only its moves', () => {
    expect(DOSSIER_STATUS.supplement_requested).toBe(5);
    expect(dossierStatusKey(10)).toBe('handed_over');
    expect(canMoveDossier('accepted', 'supplement_requested')).toBe(true);
    expect(canMoveDossier('supplement_requested', 'accepted')).toBe(true);
    expect(canMoveDossier('result_ready', 'handed_over')).toBe(true);
    expect(canMoveDossier('accepted', 'handed_over')).toBe(false);
    expect(canMoveDossier('refused', 'accepted')).toBe(false);
    expect(canMoveDossier('accepted', 'refused')).toBe(true);
    expect(canMoveDossier('result_ready', 'refused')).toBe(false);
  });
  it('stops the clock while a supplement is awaited', () => {
    expect(clockRuns('accepted')).toBe(true);
    expect(clockRuns('supplement_requested')).toBe(false);
    expect(clockRuns('result_ready')).toBe(false);
  });
});

describe('identity and contact', () => {
  it('checks a CCCD: 12 digits, a province, a century, a birth year not in the future', () => {
    expect(checkCccd('001085012345', 2026)).toEqual({ ok: true }); // Hà Nội, male, 1985
    expect(checkCccd('079302012345', 2026)).toEqual({ ok: true }); // TP HCM, female, 2002
    expect(checkCccd('00108501234', 2026)).toEqual({ ok: false, reason: 'format' });
    expect(checkCccd('003085012345', 2026)).toEqual({ ok: false, reason: 'province' });
    expect(checkCccd('001485012345', 2026)).toEqual({ ok: false, reason: 'century' });
    expect(checkCccd('001230012345', 2026)).toEqual({ ok: false, reason: 'birth_year' }); // 2030
  });
  it('passport and phone', () => {
    expect(isValidPassport('C1234567')).toBe(true);
    expect(isValidPassport('c12')).toBe(false);
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('12345')).toBeNull();
  });
  it('masks a name for public screens', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('  Lê   Thị Ánh   Tuyết ')).toBe('Lê T. Á. T.');
    expect(maskName('Nguyễn Văn Đức'.normalize('NFD'))).toBe('Nguyễn V. Đ.');
  });
});
