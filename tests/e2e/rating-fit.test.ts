import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * The rating tablet fits its screen in every state: nothing scrolls, every
 * button lies wholly inside the viewport and nothing covers it (the point at
 * its centre and near each corner hits the button itself), and no two buttons
 * overlap. A 1280×800 tablet, the same tablet upright (800×1280) and full HD;
 * Vietnamese and English; the question, the question with a notice (a refused
 * or replaced rating), the Decree 118 criteria, the thanks, and the refused
 * message with nothing left to rate. Screenshots in test-results/rating-fit-*.
 */
let hub: TestHub;
let browser: Browser;
let clerk: string;
let kiosk: string;
let tablet: string;
const clock = fakeClock('2026-11-24T02:00:00Z'); // 09:00 in Hà Nội

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
  { width: 1920, height: 1080 },
];

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  browser = await launchChromium();
  const admin = await hub.login();
  const s = await hub.api('PUT', '/admin/supervisor-settings', { token: admin, body: { maxWaitingPerService: 5, maxWaitMinutes: 30, alertDueToday: true, ratingCriteria: true, ratingIdleSeconds: 300 } });
  if (s.status !== 200) throw new Error(JSON.stringify(s.body));
  clerk = await hub.login(...DEMO.clerk1);
  kiosk = await hub.pairDevice('kiosk');
  tablet = await hub.pairDevice('counter', 'Máy tính bảng quầy 1');
  await hub.api('POST', '/counters/1/open', { token: clerk });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** One citizen of service A at counter 1: called, served two minutes, finished. */
async function serveOne(): Promise<string> {
  await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
  const called = await hub.api('POST', '/counters/1/call-next', { token: clerk });
  if (called.status !== 200) throw new Error(JSON.stringify(called.body));
  await hub.api('POST', `/tickets/${called.body.current.id}/start`, { token: clerk });
  clock.advance(2 * 60_000);
  await hub.api('POST', `/tickets/${called.body.current.id}/finish`, { token: clerk });
  return called.body.current.number as string;
}

/** Holds the tablet's prompt polls until released, so a tap reaches the hub after the hub moved on. */
async function holdPolls(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  const handler = (route: Route) => void held.push(route);
  await page.route('**/api/v1/ratings/prompt*', handler);
  return async () => {
    await page.unroute('**/api/v1/ratings/prompt*', handler);
    for (const r of held) await r.continue().catch(() => undefined);
  };
}

interface Misfit {
  what: string;
  why: string;
}

/** What does not fit: page scroll, buttons outside the viewport, covered or overlapping. */
function misfits(page: Page): Promise<Misfit[]> {
  return page.evaluate(() => {
    const out: { what: string; why: string }[] = [];
    const w = window.innerWidth;
    const h = window.innerHeight;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight > h || root.scrollWidth > w) out.push({ what: 'page', why: `scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${w}×${h}` });
    const buttons = [...document.querySelectorAll('button')];
    const name = (b: Element) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().slice(0, 40);
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    buttons.forEach((b, i) => {
      const r = boxes[i]!;
      if (r.left < 0 || r.top < 0 || r.right > w || r.bottom > h) out.push({ what: name(b), why: `outside the viewport: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}` });
      // 15 % in from each edge: inside a rounded corner, on the button's own face.
      const dx = r.width * 0.15;
      const dy = r.height * 0.15;
      const points = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + dx, r.top + dy],
        [r.right - dx, r.top + dy],
        [r.left + dx, r.bottom - dy],
        [r.right - dx, r.bottom - dy],
      ];
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x!, y!);
        if (!hit || !b.contains(hit)) {
          out.push({ what: name(b), why: `covered at ${Math.round(x!)},${Math.round(y!)} by ${hit ? hit.tagName + '.' + hit.className : 'nothing'}` });
          break;
        }
      }
      for (let j = i + 1; j < buttons.length; j++) {
        const o = boxes[j]!;
        if (r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) out.push({ what: name(b), why: `overlaps ${name(buttons[j]!)}` });
      }
    });
    return out;
  });
}

/** Checks the current state at every viewport and saves a screenshot of each. */
async function checkFit(page: Page, state: string, lang: string): Promise<void> {
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `test-results/rating-fit-${state}-${lang}-${v.width}x${v.height}.png` });
    expect.soft(await misfits(page), `${state}, ${lang}, ${v.width}×${v.height}`).toEqual([]);
  }
  await page.setViewportSize(VIEWPORTS[0]!);
}

async function runStates(page: Page, lang: 'vi' | 'en'): Promise<void> {
  const L =
    lang === 'vi'
      ? { satisfied: /^Hài lòng$/, ticket: (n: string) => `Số thứ tự ${n}`, send: 'Gửi đánh giá', skip: 'Bỏ qua', expired: (n: string) => `Phiếu đánh giá số ${n} đã hết hạn.` }
      : { satisfied: /^Satisfied$/, ticket: (n: string) => `Ticket ${n}`, send: 'Send rating', skip: 'Skip', expired: (n: string) => `The rating for number ${n} has expired.` };

  // The question.
  const first = await serveOne();
  await page.getByText(L.ticket(first)).waitFor({ timeout: 8000 });
  await checkFit(page, 'question', lang);

  // The criteria, every one answered (the longest option picked, so the send button is live).
  await page.getByRole('button', { name: L.satisfied }).click();
  const groups = page.locator('fieldset');
  await groups.first().waitFor();
  const n = await groups.count();
  expect(n).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < n; i++) await groups.nth(i).getByRole('button').first().click();
  await expect.poll(() => page.getByRole('button', { name: L.send }).isEnabled()).toBe(true);
  await checkFit(page, 'criteria', lang);

  // The thanks.
  await page.getByRole('button', { name: L.send }).click();
  await page.getByRole('status').waitFor();
  await checkFit(page, 'thanks', lang);

  // A refused tap with a newer question: the notice above the current question.
  const second = await serveOne();
  await page.getByText(L.ticket(second)).waitFor({ timeout: 12_000 });
  const release = await holdPolls(page);
  const third = await serveOne();
  // With the criteria asked, a level leads to them; "Bỏ qua" there sends the level alone.
  await page.getByRole('button', { name: L.satisfied }).click();
  await page.getByRole('button', { name: L.skip }).click();
  await page.getByRole('alert').getByText(L.expired(second)).waitFor();
  await release();
  await page.getByText(L.ticket(third)).waitFor({ timeout: 8000 });
  await checkFit(page, 'refused-question', lang);

  // The same question rated elsewhere before the tap: refused as already rated, nothing left to ask.
  const releaseAgain = await holdPolls(page);
  const prompt = await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet });
  const rated = await hub.api('POST', '/ratings', { token: tablet, body: { counterId: 1, key: prompt.body.prompt.key, level: 'satisfied' } });
  expect(rated.status).toBe(200);
  await page.getByRole('button', { name: L.satisfied }).click();
  await page.getByRole('button', { name: L.skip }).click();
  await page.locator('.rate__notice').waitFor();
  await releaseAgain();
  await page.locator('.rate--welcome').waitFor();
  await checkFit(page, 'refused', lang);
}

describe('the rating tablet fits its screen', () => {
  it('in every state, at 1280×800, 800×1280 and 1920×1080, in Vietnamese and English', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0], hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${hub.url}/rate?counter=1#device=${tablet}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkFit(page, 'welcome', 'vi');
    await runStates(page, 'vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkFit(page, 'welcome', 'en');
    await runStates(page, 'en');
    await context.close();
  });
});
