import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoToDisplayDate, maskDateTyping, parseDisplayDate, parseDisplayTime } from '../../src/renderer/app/format';

describe('dates a person reads or types: dd/mm/yyyy', () => {
  it('shows instants and API dates day first, in office time', () => {
    const ms = Date.parse('2026-12-04T17:30:00Z'); // 00:30 on 5 December in Hà Nội
    expect(formatDate(ms)).toBe('05/12/2026');
    expect(formatDateTime(ms)).toBe('05/12/2026 00:30');
    expect(isoToDisplayDate('2026-12-04')).toBe('04/12/2026');
    expect(isoToDisplayDate('')).toBe('');
    expect(isoToDisplayDate('not a date')).toBe('');
  });

  it('reads d/m/yyyy and dd/mm/yyyy (also with . or -) as day first; 04/12 is 4 December, never 12 April', () => {
    expect(parseDisplayDate('04/12/2026')).toBe('2026-12-04');
    expect(parseDisplayDate('4/12/2026')).toBe('2026-12-04');
    expect(parseDisplayDate(' 4.12.2026 ')).toBe('2026-12-04');
    expect(parseDisplayDate('29-02-2028')).toBe('2028-02-29');
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['31/02/2026', '29/02/2026', '32/01/2026', '00/01/2026', '12/13/2026', '12/00/2026', '2026-12-04', '04/12/26', '04/12/1800', '', 'abc', '04/12/2026x']) {
      expect(parseDisplayDate(bad), bad).toBeNull();
    }
  });

  it('masks typing: slashes come by themselves, not while deleting; 8 digits in a row read as ddmmyyyy', () => {
    expect(maskDateTyping('0', '')).toBe('0');
    expect(maskDateTyping('04', '0')).toBe('04/');
    expect(maskDateTyping('04/1', '04/')).toBe('04/1');
    expect(maskDateTyping('04/12', '04/1')).toBe('04/12/');
    expect(maskDateTyping('04/12/2026', '04/12/202')).toBe('04/12/2026');
    expect(maskDateTyping('04/1', '04/12')).toBe('04/1'); // deleting
    expect(maskDateTyping('04', '04/')).toBe('04'); // deleting the slash
    expect(maskDateTyping('04122026', '')).toBe('04/12/2026'); // pasted
    expect(maskDateTyping('4/12/2026', '')).toBe('4/12/2026');
    expect(maskDateTyping('04//12', '04/')).toBe('04/12/');
    expect(maskDateTyping('ab04-12', '')).toBe('0412');
    expect(maskDateTyping('04/12/20267', '04/12/2026')).toBe('04/12/2026');
  });

  it('reads a 24-hour time', () => {
    expect(parseDisplayTime('15:30')).toBe('15:30');
    expect(parseDisplayTime('7:05')).toBe('07:05');
    expect(parseDisplayTime('1530')).toBe('15:30');
    for (const bad of ['24:00', '12:60', '3 pm', '', '1:5']) expect(parseDisplayTime(bad), bad).toBeNull();
  });
});
