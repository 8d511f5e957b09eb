import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { flat, runOfficeDay } from '../helpers/allDay';

/**
 * A kiosk and a lobby display through a compressed 12-hour office day
 * (tests/helpers/allDay.ts): tickets issued, called and served through the
 * hub, citizens at the kiosk, idle resets, two hub restarts. Their JS heap
 * and DOM stay flat: the last hour within 10 % of the second. The long day
 * (thousands of tickets) is bench/all-day.ts.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a kiosk and a display run all day', () => {
  it('12 compressed hours, two hub restarts: heap and DOM nodes flat on both', async () => {
    const day = await runOfficeDay(browser, { hours: 12, ticketsPerHour: 25, kioskTicketsPerHour: 2, restartAfter: [4, 8] });
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(path.join('test-results', 'all-day-short.json'), JSON.stringify(day, null, 2));
    expect(day.samples).toHaveLength(12);
    expect(day.restarts).toBe(2);
    expect(day.tickets).toBe(300);
    expect(day.calls).toBeGreaterThan(250);
    expect(day.idleResets).toBe(12);
    for (const key of ['kioskHeapMb', 'kioskNodes', 'displayHeapMb', 'displayNodes'] as const) {
      const f = flat(day.samples, key);
      expect({ key, ...f, ok: f.ok }).toEqual({ key, ...f, ok: true });
    }
  }, 180_000);
});
