import { describe, expect, it } from 'vitest';
import { createCalendar, decreeDueAfterSupplement, figures766, processingEnd, progress766, rows766, type Dossier766 } from '../../src/shared/domain';
import { INDEX766_FIXTURE, INDEX766_NOW, INDEX766_PERIOD, at } from '../fixtures/index766';

describe('766 rules, one dossier at a time', () => {
  it('processing ends at done before returned, and at refusal, stop or withdrawal otherwise', () => {
    const ev = (pairs: [string, number][]) => pairs.map(([t, s]) => ({ at: at(t), toStatus: s }));
    // Returned first in the list but done earlier wins; done wins even when returned comes later.
    expect(processingEnd(ev([['11-05 10:00', 9], ['11-07 09:00', 10]]), at('11-30 23:00'))).toEqual({ at: at('11-05 10:00'), kind: 'done' });
    expect(processingEnd(ev([['11-07 09:00', 10]]), at('11-30 23:00'))).toEqual({ at: at('11-07 09:00'), kind: 'returned' });
    expect(processingEnd(ev([['11-04 09:00', 4], ['11-05 09:00', 7]]), at('11-30 23:00'))).toEqual({ at: at('11-05 09:00'), kind: 'withdrawn' });
    expect(processingEnd(ev([['11-05 09:00', 8]]), at('11-30 23:00')).kind).toBe('stopped');
    expect(processingEnd(ev([['11-05 09:00', 3]]), at('11-30 23:00')).kind).toBe('refused');
    // An end after the moment asked about does not count yet: the end is that moment.
    expect(processingEnd(ev([['12-02 09:00', 9]]), at('11-30 23:00'))).toEqual({ at: at('11-30 23:00'), kind: 'open' });
  });

  it('takes supplement waiting time off, and a second request makes the dossier late whatever the dates', () => {
    const b = INDEX766_FIXTURE.find((d) => d.code.endsWith('0002'))!;
    const p = progress766(b, at('11-30 23:00'));
    // done 11-13 10:00 − (11-09 08:00 − 11-04 08:00 = 5 days) = 11-08 10:00 ≤ appointment 11-10 17:00
    expect(p.supplementMs).toBe(5 * 86_400_000);
    expect(p.adjustedEnd).toBe(at('11-08 10:00'));
    expect(p.onTime).toBe(true);
    // Without the subtraction it would be late: the rule, not the dates, makes it on time.
    expect(at('11-13 10:00')).toBeGreaterThan(b.appointmentAt);

    const c = INDEX766_FIXTURE.find((d) => d.code.endsWith('0003'))!;
    expect(progress766(c, at('11-30 23:00'))).toMatchObject({ onTime: false, lateReason: 'second_supplement' });
  });

  it('a dossier still waiting for its supplement ends at the request', () => {
    const j = INDEX766_FIXTURE.find((d) => d.code.endsWith('0010'))!;
    const p = progress766(j, at('11-30 23:00'));
    expect(p).toMatchObject({ waitingSupplement: true, onTime: true, supplementMs: 0 });
    expect(p.end.at).toBe(at('11-24 08:00'));
  });

  it('the decree restarts the time limit after the supplement, where 766 only subtracts the wait', () => {
    // B: 3 working days again from Monday 11-09 08:00 → Thursday 11-12 08:00 (office hours 8–17, Mon–Fri).
    const due = decreeDueAfterSupplement(at('11-09 08:00'), { value: 3, unit: 'working_days' }, createCalendar());
    expect(due).toBe(at('11-12 08:00'));
    expect(due).not.toBe(INDEX766_FIXTURE.find((d) => d.code.endsWith('0002'))!.appointmentAt);
  });
});

describe('766 figures of the fixed data set, worked by hand', () => {
  const rows = rows766(INDEX766_FIXTURE, INDEX766_PERIOD, INDEX766_NOW);
  const f = figures766(rows);

  it('counts who is in the period', () => {
    // H (received 10-20, done 10-28) ended before November: out. I (received 10-25, open) is processed in November.
    expect(rows.filter((r) => r.processedInPeriod).map((r) => r.code.slice(-4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0009', '0010']);
    expect(rows.filter((r) => r.receivedInPeriod).map((r) => r.code.slice(-4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0010']);
  });

  it('matches the worked figures', () => {
    // 2.1 on time: A B D F G J of A B C D E F G I J → 6 / 9 = 66.666… → 66.67 %
    expect(f.onTime).toEqual({ numerator: 6, denominator: 9, percent: 66.67 });
    // 5.4 satisfaction: 100 − (late 3/9 + complaint or unsatisfied 2/9 (A, E)) = 100 − 55.555… = 44.44 %
    expect(f.satisfaction).toEqual({ numerator: 5, denominator: 9, percent: 44.44 });
    // 3.3 channels over the 8 received in November: online F 1/8, postal B 1/8, in person 6/8
    expect(f.onlineShare).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    expect(f.postalShare).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    expect(f.inPersonShare).toEqual({ numerator: 6, denominator: 8, percent: 75 });
    // 3.6 online payment: of B F G (a fee), F paid online → 1/3 = 33.33 %
    expect(f.onlinePayment).toEqual({ numerator: 1, denominator: 3, percent: 33.33 });
    // 4.2 digitisation: no attachments are stored yet → 0 / 8
    expect(f.digitisedComponents).toEqual({ numerator: 0, denominator: 8, percent: 0 });
    expect(f.digitisedResult).toEqual({ numerator: 0, denominator: 8, percent: 0 });
  });

  it('says why each late dossier is late', () => {
    const late = rows.filter((r) => r.parts.onTime === 'den').map((r) => [r.code.slice(-4), r.progress!.lateReason]);
    // C: two requests; E: stopped 11-20 after its appointment 11-18; I: open at the period's end, due 11-03.
    expect(late).toEqual([['0003', 'second_supplement'], ['0005', 'after_appointment'], ['0009', 'after_appointment']]);
  });

  it('gives N/A for an empty denominator, and never a negative satisfaction', () => {
    expect(figures766([]).onTime).toEqual({ numerator: 0, denominator: 0, percent: null });
    const bad: Dossier766 = { ...INDEX766_FIXTURE[4]!, code: 'X-261101-0001', complaintOrUnsatisfied: true };
    // late and complained about: 100 − (1/1 + 1/1) × 100 = −100 → 0
    expect(figures766(rows766([bad], INDEX766_PERIOD, INDEX766_NOW)).satisfaction.percent).toBe(0);
  });
});

describe('the tab’s periods', () => {
  it('a month, a quarter and a year as office days, leap years too', async () => {
    const { periodRange } = await import('../../src/renderer/supervisor/index766Period');
    expect(periodRange('month', 2026, 11)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('quarter', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('year', 2026, 7)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
