import { describe, expect, it } from 'vitest';
import { compareText, sortByText } from '../../src/shared/domain/collate';

describe('sorting text in the reader’s language', () => {
  it('puts "Đất đai" between "Dân số" and "Giáo dục" (code-point order puts it last)', () => {
    const fields = ['Xây dựng', 'Giáo dục', 'Đất đai', 'Dân số'];
    expect([...fields].sort()).toEqual(['Dân số', 'Giáo dục', 'Xây dựng', 'Đất đai']);
    expect(sortByText(fields, (f) => f)).toEqual(['Dân số', 'Đất đai', 'Giáo dục', 'Xây dựng']);
  });
  it('orders the letters of the Vietnamese alphabet: a ă â, d đ, e ê, o ô ơ, u ư', () => {
    expect(sortByText(['Ư', 'Ơ', 'U', 'Ô', 'O', 'Ê', 'E', 'Đ', 'D', 'Â', 'Ă', 'A'], (x) => x)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'E', 'Ê', 'O', 'Ô', 'Ơ', 'U', 'Ư']);
    expect(compareText('Ăn uống', 'Bảo trợ')).toBeLessThan(0);
  });
  it('compares text typed in NFD the same as NFC, and numbers in names as numbers', () => {
    expect(compareText('Đất đai'.normalize('NFD'), 'Đất đai')).toBe(0);
    expect(sortByText(['Quầy 10', 'Quầy 2', 'Quầy 1'], (x) => x)).toEqual(['Quầy 1', 'Quầy 2', 'Quầy 10']);
  });
  it('sorts English lists in English, by the key given, leaving the input untouched', () => {
    const items = [{ en: 'Land' }, { en: 'authentication' }, { en: 'Civil status' }];
    expect(sortByText(items, (i) => i.en, 'en').map((i) => i.en)).toEqual(['authentication', 'Civil status', 'Land']);
    expect(items[0]!.en).toBe('Land');
  });
});
