import { describe, expect, it } from 'vitest';
import { counterSubtitle, digitsOnly, formatClock, formatDateTime, formatLongDate, localized, splitTicketNumber } from '../../src/renderer/app/format';
import { parseDeviceHash } from '../../src/renderer/app/auth';
import i18next from 'i18next';
import { fieldIssues } from '../../src/renderer/app/errors';
import { messages } from '../../src/shared/i18n';
import { ApiError, buildUrl, errorFromResponse } from '../../src/renderer/app/api';
import { availableActions } from '../../src/renderer/counter/actions';
import { alertsForCounter } from '../../src/renderer/supervisor/counterAlerts';
import type { CounterState, Ticket } from '../../src/shared/api';

const vi = messages.vi;

// 2026-11-23 10:05:09 in Hanoi (UTC+7).
const T = Date.UTC(2026, 10, 23, 3, 5, 9);

describe('format helpers', () => {
  it('clock and dates in the office time zone', () => {
    expect(formatClock(T)).toBe('10:05:09');
    expect(formatClock(T, 'Asia/Ho_Chi_Minh', false)).toBe('10:05');
    expect(formatLongDate(T, 'vi')).toBe('Thứ Hai, 23/11/2026');
    expect(formatLongDate(T, 'en')).toBe('Monday, 23 November 2026');
    expect(formatDateTime(T)).toBe('23/11/2026 10:05');
  });
  it('an unknown time zone falls back instead of throwing', () => {
    expect(formatClock(T, 'Not/AZone')).toBe('10:05:09');
  });
  it('service names by language, English falling back to Vietnamese', () => {
    expect(localized({ nameVi: 'Chứng thực', nameEn: 'Authentication' }, 'en')).toBe('Authentication');
    expect(localized({ nameVi: 'Chứng thực', nameEn: '  ' }, 'en')).toBe('Chứng thực');
    expect(localized({ nameVi: 'Chứng thực', nameEn: 'Authentication' }, 'vi')).toBe('Chứng thực');
  });
  it('ticket numbers split into letters and digits', () => {
    expect(splitTicketNumber('A023')).toEqual({ prefix: 'A', digits: '023' });
    expect(splitTicketNumber('HT1002')).toEqual({ prefix: 'HT', digits: '1002' });
  });
  it('keypad input keeps digits only, bounded', () => {
    expect(digitsOnly('12a3 456789', 6)).toBe('123456');
  });
  it('a counter name that only repeats its number is not shown twice', () => {
    expect(counterSubtitle(1, 'Quầy 1')).toBeNull();
    expect(counterSubtitle(2, 'QUẦY  2')).toBeNull();
    expect(counterSubtitle(3, 'Counter 3')).toBeNull();
    expect(counterSubtitle(3, 'Tiếp nhận đất đai')).toBe('Tiếp nhận đất đai');
    expect(counterSubtitle(1, 'Quầy 10')).toBe('Quầy 10');
  });
});

describe('device token from the URL hash', () => {
  it('takes #device=TOKEN and keeps the rest', () => {
    expect(parseDeviceHash('#device=abc.DEF-1')).toEqual({ token: 'abc.DEF-1', rest: '' });
    expect(parseDeviceHash('#device=xyz&x=1')).toEqual({ token: 'xyz', rest: '#x=1' });
    expect(parseDeviceHash('#x=1')).toEqual({ token: null, rest: '#x=1' });
    expect(parseDeviceHash('')).toEqual({ token: null, rest: '' });
    expect(parseDeviceHash('#device=')).toEqual({ token: null, rest: '' });
  });
});

describe('API client pieces', () => {
  it('builds URLs with encoded path parameters and query', () => {
    expect(buildUrl('/tickets/:id/pdf', { id: 7 }, { lang: 'en' })).toBe('/api/v1/tickets/7/pdf?lang=en');
    expect(buildUrl('/counters/:id/state', { id: '1/2' })).toBe('/api/v1/counters/1%2F2/state');
    expect(() => buildUrl('/tickets/:id/pdf')).toThrow(/id/);
  });
  it('turns the hub error shape into an ApiError', async () => {
    const res = new Response(JSON.stringify({ error: { code: 'COUNTER_BUSY', message: 'Ticket A001 is still called', details: { status: 'called' } } }), { status: 409 });
    const err = await errorFromResponse(res);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'COUNTER_BUSY', message: 'Ticket A001 is still called', details: { status: 'called' } });
  });
  it('a non-JSON error (a proxy page) still gives a usable error', async () => {
    const err = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(err).toMatchObject({ status: 502, code: 'HUB_UNREACHABLE' });
    const e404 = await errorFromResponse(new Response('', { status: 404 }));
    expect(e404.code).toBe('HTTP_404');
  });
  it('reads the validation details the hub sends, in the screen language by rule', async () => {
    await i18next.init({ lng: 'vi', resources: { vi: { translation: vi } } });
    expect(
      fieldIssues([
        { path: 'pin', message: 'PIN must be 4–8 digits', rule: 'invalid_format' },
        { path: 'nameVi', message: 'must be at most 120 characters', rule: 'too_big', limit: 120 },
        { path: 'x', message: 'hub words', rule: 'not_a_rule_we_know' },
      ]),
    ).toEqual([
      { path: 'pin', message: 'sai định dạng' },
      { path: 'nameVi', message: 'quá dài hoặc quá lớn (tối đa 120)' },
      { path: 'x', message: 'hub words' },
    ]);
    expect(fieldIssues(undefined)).toEqual([]);
    expect(fieldIssues({ status: 'called' })).toEqual([]);
  });
});

describe('counter actions enabled only when they can work', () => {
  const ticket = (status: Ticket['status'], recallCount = 0): Ticket => ({
    id: 1,
    number: 'A001',
    officeDay: '2026-11-23',
    serviceId: 1,
    serviceNameVi: 'A',
    serviceNameEn: 'A',
    priority: null,
    status,
    issuedAt: 0,
    calledAt: null,
    servingStartedAt: null,
    counterId: 1,
    counterNumber: 1,
    recallCount,
    transferCount: 0,
  });
  const state = (current: Ticket | null, opts: { paused?: boolean; waiting?: number } = {}): CounterState => ({
    counter: { id: 1, number: 1, name: 'Quầy 1', active: true, paused: !!opts.paused, serviceIds: [1], clerkId: 1, clerkName: 'X' },
    current,
    waiting: [{ serviceId: 1, nameVi: 'A', nameEn: 'A', prefix: 'A', waiting: opts.waiting ?? 2, priorityWaiting: 0 }],
    servedToday: 0,
    settings: { priorityInterleave: 3, recallLimit: 2, requeueLimit: 1, defaultServiceMinutes: 5, kioskReturnSeconds: 15 },
  });
  it('idle counter with people waiting: only call next (and pause)', () => {
    expect(availableActions(state(null))).toEqual({ callNext: true, recall: false, noShow: false, start: false, finish: false, transfer: false, pause: true });
  });
  it('nobody waiting or paused: cannot call', () => {
    expect(availableActions(state(null, { waiting: 0 })).callNext).toBe(false);
    expect(availableActions(state(null, { paused: true })).callNext).toBe(false);
  });
  it('called ticket: recall, no-show, start, transfer; not call next', () => {
    expect(availableActions(state(ticket('called')))).toEqual({ callNext: false, recall: true, noShow: true, start: true, finish: false, transfer: true, pause: true });
  });
  it('recall stops at the recall limit', () => {
    expect(availableActions(state(ticket('called', 2))).recall).toBe(false);
  });
  it('serving ticket: finish and transfer only', () => {
    expect(availableActions(state(ticket('serving')))).toEqual({ callNext: false, recall: false, noShow: false, start: false, finish: true, transfer: true, pause: true });
  });
  it('no state yet: nothing', () => {
    expect(Object.values(availableActions(null)).some(Boolean)).toBe(false);
  });
});

describe("a counter's alerts", () => {
  const state = {
    at: 0,
    alerts: [
      { kind: 'too_many_waiting' as const, serviceId: 1, serviceNameVi: 'Tư pháp', serviceNameEn: 'Justice', waiting: 9, threshold: 5 },
      { kind: 'long_wait' as const, serviceId: 3, serviceNameVi: 'Kinh doanh', serviceNameEn: 'Business', ticketNumber: 'C001', minutes: 40, threshold: 30 },
      { kind: 'overdue' as const, count: 1, codes: ['Z'] },
      { kind: 'due_today' as const, count: 2, codes: ['X', 'Y'] },
    ],
  };
  it("keeps the queue alerts of the counter's own services and the office's dossiers overdue and due today", () => {
    expect(alertsForCounter(state, [1, 5])!.alerts.map((a) => a.kind)).toEqual(['too_many_waiting', 'overdue', 'due_today']);
    expect(alertsForCounter(state, [2])!.alerts.map((a) => a.kind)).toEqual(['overdue', 'due_today']);
  });
  it('shows everything until the counter is known, and nothing without a feed', () => {
    expect(alertsForCounter(state, null)).toBe(state);
    expect(alertsForCounter(null, [1])).toBeNull();
  });
});
