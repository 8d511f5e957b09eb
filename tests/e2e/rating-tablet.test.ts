import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * The rating tablet at counter 1 in Chromium (a 1280×800 tablet, and full HD):
 * two tickets finished in a row, the tablet shows the second; a tap that reaches
 * the hub after the next citizen's service ended is refused, and the citizen is
 * told so and shown the current question. Vietnamese and English.
 */
let hub: TestHub;
let browser: Browser;
let clerk: string;
let kiosk: string;
const clock = fakeClock('2026-11-24T02:00:00Z'); // 09:00 in Hà Nội

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium();
  clerk = await hub.login(...DEMO.clerk1);
  kiosk = await hub.pairDevice('kiosk');
  await hub.api('POST', '/counters/1/open', { token: clerk });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** One citizen of service A at counter 1: called, served three minutes, finished. */
async function serveOne(): Promise<string> {
  await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
  const called = await hub.api('POST', '/counters/1/call-next', { token: clerk });
  if (called.status !== 200) throw new Error(JSON.stringify(called.body));
  await hub.api('POST', `/tickets/${called.body.current.id}/start`, { token: clerk });
  clock.advance(3 * 60_000);
  await hub.api('POST', `/tickets/${called.body.current.id}/finish`, { token: clerk });
  return called.body.current.number as string;
}

/**
 * Holds the tablet's prompt polls (the tablet does not learn of the next finish) until released:
 * the race of a tap with the counter finishing the next citizen, made certain.
 */
async function holdPolls(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  const handler = (route: Route) => void held.push(route);
  await page.route('**/api/v1/ratings/prompt*', handler);
  return async () => {
    await page.unroute('**/api/v1/ratings/prompt*', handler);
    for (const r of held) await r.continue().catch(() => undefined);
  };
}

const ratedNumbers = () => hub.query<{ number: string }>('SELECT t.number FROM ratings r JOIN tickets t ON t.id = r.ticket_id ORDER BY r.created_at').map((r) => r.number);

describe('the rating tablet follows the counter', () => {
  it('shows the ticket finished last, and a refused tap tells the citizen and shows the current one', async () => {
    const tablet = await hub.pairDevice('counter', 'Máy tính bảng quầy 1');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${hub.url}/rate?counter=1#device=${tablet}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // Two tickets finished in a row before anyone taps: the tablet asks about the second.
    const first = await serveOne();
    await page.getByText(`Số thứ tự ${first}`).waitFor({ timeout: 8000 });
    const second = await serveOne();
    await page.getByText(`Số thứ tự ${second}`).waitFor({ timeout: 8000 });
    expect(await page.getByText(`Số thứ tự ${first}`).count()).toBe(0);
    // The question it replaced is named as expired.
    await page.getByRole('alert').getByText(`Phiếu đánh giá số ${first} đã hết hạn.`).waitFor();
    await page.screenshot({ path: 'test-results/rating-replaced-vi.png' });

    // The next citizen's service ends while the tablet still shows the second: the tap is refused, and said so.
    const release = await holdPolls(page);
    const third = await serveOne();
    await page.getByRole('button', { name: /^Hài lòng$/ }).click();
    await page.getByRole('alert').getByText(`Phiếu đánh giá số ${second} đã hết hạn.`).waitFor();
    expect(await page.getByText(`Số thứ tự ${second}`).count()).toBe(0);
    await page.screenshot({ path: 'test-results/rating-refused-message-vi.png' });
    await release();
    // ... and the current one is shown, with the message still there.
    await page.getByText(`Số thứ tự ${third}`).waitFor({ timeout: 8000 });
    await page.getByText('Mời Ông/Bà đánh giá lượt phục vụ đang hiện trên màn hình.').waitFor();
    await page.screenshot({ path: 'test-results/rating-refused-vi.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/rating-refused-vi-1920.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(ratedNumbers()).toEqual([]);

    // The current one can be rated.
    await page.getByRole('button', { name: /^Hài lòng$/ }).click();
    await page.getByRole('status').waitFor();
    expect(ratedNumbers()).toEqual([third]);

    // English, the same refusal.
    await page.getByRole('button', { name: 'English' }).click();
    const fourth = await serveOne();
    await page.getByText(`Ticket ${fourth}`).waitFor({ timeout: 12_000 });
    const releaseEn = await holdPolls(page);
    const fifth = await serveOne();
    await page.getByRole('button', { name: /^Satisfied$/ }).click();
    await page.getByRole('alert').getByText(`The rating for number ${fourth} has expired.`).waitFor();
    await releaseEn();
    await page.getByText(`Ticket ${fifth}`).waitFor({ timeout: 8000 });
    await page.getByText('Please rate the service now shown on the screen.').waitFor();
    await page.screenshot({ path: 'test-results/rating-refused-en.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/rating-refused-en-1920.png' });
    expect(ratedNumbers()).toEqual([third]);
    await context.close();
  });
});
