import { describe, expect, it } from 'vitest';
import { attachmentFileName, checkBroughtFile, digitisationState, isDigitised, resultExists, sniffFileType, DEFAULT_ATTACHMENT_LIMITS } from '../../src/shared/domain/digitisation';

const PDF = new TextEncoder().encode('%PDF-1.7\n%…');
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

describe('the 766 digitisation rule', () => {
  const c = (position: number, received: boolean, hasFile: boolean) => ({ position, received, hasFile });
  it('counts a dossier when each received component has a file and, once a result exists, the result has one', () => {
    expect(isDigitised({ components: [c(1, true, true), c(2, true, true)], resultExists: false, resultHasFile: false })).toBe(true);
    expect(isDigitised({ components: [c(1, true, true), c(2, true, false)], resultExists: false, resultHasFile: false })).toBe(false);
    expect(isDigitised({ components: [c(1, true, true)], resultExists: true, resultHasFile: false })).toBe(false);
    expect(isDigitised({ components: [c(1, true, true)], resultExists: true, resultHasFile: true })).toBe(true);
  });
  it('needs no file for a component that was not received, and does not count a dossier with nothing received', () => {
    expect(isDigitised({ components: [c(1, true, true), c(2, false, false)], resultExists: false, resultHasFile: false })).toBe(true);
    expect(isDigitised({ components: [c(1, false, false)], resultExists: false, resultHasFile: false })).toBe(false);
    expect(isDigitised({ components: [], resultExists: false, resultHasFile: false })).toBe(false);
  });
  it('says what is missing', () => {
    expect(digitisationState({ components: [c(1, true, false), c(2, true, true), c(3, true, false)], resultExists: true, resultHasFile: false })).toEqual({
      digitised: false,
      missingComponents: [1, 3],
      resultMissing: true,
      componentsWithFile: 1,
      componentsReceived: 3,
    });
  });
  it('a result exists from "result ready" (9) on', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter(resultExists)).toEqual([9, 10]);
  });
});

describe('files a citizen brings', () => {
  it('knows a file by its first bytes, not its name', () => {
    expect(sniffFileType(PDF)).toBe('pdf');
    expect(sniffFileType(JPEG)).toBe('jpeg');
    expect(sniffFileType(PNG)).toBe('png');
    expect(sniffFileType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
  it('refuses an empty file, a file over the limit, another kind, and a file that is not what its name says', () => {
    const L = DEFAULT_ATTACHMENT_LIMITS;
    expect(checkBroughtFile('a.pdf', new Uint8Array(), L)).toEqual({ code: 'EMPTY_FILE' });
    expect(checkBroughtFile('a.pdf', PDF, { ...L, maxFileBytes: 4 })).toEqual({ code: 'FILE_TOO_LARGE', limit: 4 });
    expect(checkBroughtFile('a.docx', PDF, L)).toEqual({ code: 'UNSUPPORTED_FILE' });
    expect(checkBroughtFile('to-khai.pdf', PNG, L)).toEqual({ code: 'FILE_TYPE_MISMATCH', named: 'pdf', actual: 'png' });
    expect(checkBroughtFile('anh.JPG', PDF, L)).toEqual({ code: 'FILE_TYPE_MISMATCH', named: 'jpeg', actual: 'pdf' });
    expect(checkBroughtFile('anh.JPEG', JPEG, L)).toBeNull();
    expect(checkBroughtFile('Tờ khai.pdf', PDF, L)).toBeNull();
  });
  it("names a PDF after its document, safe in any folder", () => {
    expect(attachmentFileName('Tờ khai: đăng ký / khai sinh?', 1)).toBe('01 Tờ khai đăng ký khai sinh.pdf');
    expect(attachmentFileName('  ', 12)).toBe('12 tai-lieu.pdf');
    expect(attachmentFileName('Kết quả', null)).toBe('ket-qua Kết quả.pdf');
    expect(attachmentFileName('Tờ khai'.normalize('NFD'), 2)).toBe('02 Tờ khai.pdf'.normalize('NFC'));
  });
});
