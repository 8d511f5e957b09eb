import { describe, expect, it } from 'vitest';
import { daysInclusive, meanAndP90, quarterOf, RATING_CRITERIA, satisfactionPercent, scoreOfOption, unionLength } from '../../src/shared/domain';
import { minutesText, quickRange } from '../../src/renderer/supervisor/dashboardRange';
import { figuresQuery, ratingBody } from '../../src/shared/api';

describe('the figures’ small statistics', () => {
  it('mean and nearest-rank p90', () => {
    expect(meanAndP90([])).toEqual({ n: 0, mean: null, p90: null });
    expect(meanAndP90([7])).toEqual({ n: 1, mean: 7, p90: 7 });
    expect(meanAndP90([25, 5, 10, 18, 8, 15])).toEqual({ n: 6, mean: 13.5, p90: 25 });
    // 10 values: the 9th smallest.
    expect(meanAndP90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90).toBe(9);
    expect(meanAndP90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10);
  });
  it('union of intervals', () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([{ from: 0, to: 10 }, { from: 5, to: 15 }, { from: 20, to: 25 }])).toBe(20);
    expect(unionLength([{ from: 20, to: 25 }, { from: 0, to: 10 }, { from: 10, to: 12 }])).toBe(17);
    expect(unionLength([{ from: 5, to: 5 }, { from: 8, to: 3 }])).toBe(0);
  });
  it('quarters, satisfaction, day counts', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(() => quarterOf('26-1-1')).toThrow(RangeError);
    expect(satisfactionPercent({ verySatisfied: 0, satisfied: 0, unsatisfied: 0 })).toBeNull();
    expect(satisfactionPercent({ verySatisfied: 1, satisfied: 1, unsatisfied: 1 })).toBe(66.7);
    expect(daysInclusive('2026-11-23', '2026-11-23')).toBe(1);
    expect(daysInclusive('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInclusive('2026-11-24', '2026-11-23')).toBe(0);
  });
  it('criteria: Decree 118 items a–e, six, each stored 2/1/0 best first', () => {
    expect(RATING_CRITERIA).toHaveLength(6);
    expect([0, 1, 2].map((i) => scoreOfOption(i as 0 | 1 | 2))).toEqual([2, 1, 0]);
    for (const c of RATING_CRITERIA) expect(c.vi.normalize('NFC')).toBe(c.vi);
  });
});

describe('the contract', () => {
  it('ranges: from ≤ to, at most 366 days, real dates', () => {
    expect(figuresQuery.safeParse({ from: '2025-11-23', to: '2026-11-23' }).success).toBe(true);
    expect(figuresQuery.safeParse({ from: '2025-11-22', to: '2026-11-23' }).success).toBe(false);
    expect(figuresQuery.safeParse({ from: '2026-11-24', to: '2026-11-23' }).success).toBe(false);
    expect(figuresQuery.safeParse({ from: '2026-02-29', to: '2026-03-01' }).success).toBe(false);
  });
  it('a rating: all criteria or none', () => {
    const all = { d118_a: 2, d118_b: 1, d118_c: 0, d118_d: 2, d118_dd: 2, d118_e: 2 };
    expect(ratingBody.safeParse({ counterId: 1, key: 't:1', level: 'satisfied', criteria: all }).success).toBe(true);
    expect(ratingBody.safeParse({ counterId: 1, key: 't:1', level: 'satisfied', criteria: null }).success).toBe(true);
    expect(ratingBody.safeParse({ counterId: 1, key: 't:1', level: 'satisfied', criteria: { ...all, d118_dd: 3 } }).success).toBe(false);
  });
});

describe('the dashboard’s quick ranges', () => {
  it('end today', () => {
    expect(quickRange('today', '2026-11-24')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(quickRange('last7', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(quickRange('thisMonth', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    expect(quickRange('thisQuarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-11-24' });
    expect(quickRange('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
  it('minutes with one decimal, Vietnamese comma', () => {
    expect(minutesText(810, 'vi')).toBe('13,5');
    expect(minutesText(810, 'en')).toBe('13.5');
    expect(minutesText(null, 'vi')).toBe('—');
  });
});
