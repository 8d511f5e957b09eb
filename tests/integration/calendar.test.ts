import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
});
afterAll(async () => hub.close());

const daysCount = () => hub.query<{ n: number }>('SELECT count(*) AS n FROM calendar_days')[0]!.n;

describe('the working calendar in /admin', () => {
  it('comes seeded with the official days off and swapped working days of 2025–2027', async () => {
    const days = (await hub.api('GET', '/admin/calendar-days?year=2026', { token: admin })).body as { date: string; kind: string; nameVi: string; source: string }[];
    expect(days.find((d) => d.date === '2026-02-17')).toMatchObject({ kind: 'holiday', nameVi: 'Tết Nguyên Đán', source: 'seed' });
    expect(days.find((d) => d.date === '2026-01-10')).toMatchObject({ kind: 'working_day' });
    expect(days.every((d) => d.date.startsWith('2026-'))).toBe(true);
    const all = (await hub.api('GET', '/admin/calendar-days', { token: admin })).body as { date: string }[];
    expect(new Set(all.map((d) => d.date.slice(0, 4)))).toEqual(new Set(['2025', '2026', '2027']));
  });

  it('office hours: default 07:00–11:30 and 13:30–17:00, Saturday morning optional', async () => {
    const hours = (await hub.api('GET', '/admin/office-hours', { token: admin })).body;
    expect(hours).toEqual({
      weekdaySessions: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      saturdayMorning: false,
      saturdaySessions: [{ start: '07:00', end: '11:30' }],
    });
    const changed = await hub.api('PUT', '/admin/office-hours', { token: admin, body: { ...hours, saturdayMorning: true } });
    expect(changed.status).toBe(200);
    expect((await hub.api('GET', '/admin/office-hours', { token: admin })).body.saturdayMorning).toBe(true);
  });

  it('refuses hours that cannot be, and keeps the old ones', async () => {
    const before = (await hub.api('GET', '/admin/office-hours', { token: admin })).body;
    const overlap = await hub.api('PUT', '/admin/office-hours', {
      token: admin,
      body: { ...before, weekdaySessions: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] },
    });
    expect(overlap.status).toBe(400);
    const backwards = await hub.api('PUT', '/admin/office-hours', { token: admin, body: { ...before, weekdaySessions: [{ start: '17:00', end: '07:00' }] } });
    expect(backwards.status).toBe(400);
    const badClock = await hub.api('PUT', '/admin/office-hours', { token: admin, body: { ...before, weekdaySessions: [{ start: '7h', end: '11:30' }] } });
    expect(badClock.status).toBe(400);
    expect((await hub.api('GET', '/admin/office-hours', { token: admin })).body).toEqual(before);
  });

  it('adds, changes and removes a day; bad dates change nothing', async () => {
    const before = daysCount();
    const added = await hub.api('PUT', '/admin/calendar-days/2026-11-24', { token: admin, body: { kind: 'holiday', nameVi: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnam Culture Day' } });
    expect(added.body).toMatchObject({ date: '2026-11-24', kind: 'holiday', source: 'admin', provisional: false });
    expect(daysCount()).toBe(before + 1);
    expect((await hub.api('PUT', '/admin/calendar-days/2026-02-30', { token: admin, body: { kind: 'holiday', nameVi: 'x', nameEn: 'x' } })).status).toBe(400);
    expect((await hub.api('PUT', '/admin/calendar-days/24-11-2026', { token: admin, body: { kind: 'holiday', nameVi: 'x', nameEn: 'x' } })).status).toBe(400);
    expect((await hub.api('DELETE', '/admin/calendar-days/2026-11-24', { token: admin })).status).toBe(200);
    expect((await hub.api('DELETE', '/admin/calendar-days/2026-11-24', { token: admin })).status).toBe(404);
    expect(daysCount()).toBe(before);
  });

  it('is for administrators only', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    expect((await hub.api('GET', '/admin/calendar-days', { token: clerk })).status).toBe(403);
    expect((await hub.api('PUT', '/admin/office-hours', { token: clerk, raw: '{}' })).status).toBe(403);
  });
});
