import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callClips } from '../../src/shared/domain';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * The lobby display when two calls come a second apart: the big "Xin mời số"
 * card, the row marked as being spoken (data-speaking) and the gold row
 * (is-hot) must name the same call at every moment. The page records the DOM
 * after every change (MutationObserver) and every 50 ms, and each clip as it
 * starts; the test checks every sample.
 */
let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub();
  // The desktop app's display window allows autoplay; this Chromium switch does the same.
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

interface Sample {
  clip: string | null;
  card: string | null;
  cardSpeaking: boolean;
  cardHot: boolean;
  speaking: string[];
  hot: string[];
  /** Every counter row as "ticket@counter" (what the board lists). */
  rows: string[];
}

async function recordingDisplay(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(() => {
    const samples: Sample[] = [];
    Object.defineProperty(window, '__samples', { value: samples });
    const counterOf = (r: Element) => (r.querySelector('.display-counter__no')?.textContent ?? '').replace(/\D+/g, '');
    const rowCall = (r: Element) => `${r.querySelector('.display-counter__ticket .ticket-number')?.textContent ?? '—'}@${counterOf(r)}`;
    const snap = (clip: string | null) => {
      const card = document.querySelector('.display-calls__latest');
      samples.push({
        clip,
        card: card ? `${card.querySelector('.display-calls__number')?.textContent}@${card.querySelector('.display-calls__to-n')?.textContent}` : null,
        cardSpeaking: card?.getAttribute('data-speaking') === 'true',
        cardHot: !!card?.classList.contains('is-hot'),
        speaking: [...document.querySelectorAll('tr[data-speaking="true"]')].map(rowCall),
        hot: [...document.querySelectorAll('tr.is-hot')].map(rowCall),
        rows: [...document.querySelectorAll('tr.display-counter')].map(rowCall),
      });
    };
    new MutationObserver(() => snap(null)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    setInterval(() => snap(null), 50);
    window.addEventListener('motcua:voice-clip', (e) => snap((e as CustomEvent<string>).detail));
  });
  const display = await context.newPage();
  await display.goto(`${hub.url}/display#device=${await hub.pairDevice('display', 'TV sảnh')}`);
  await display.getByText('Quầy 1').first().waitFor();
  return display;
}

const samples = (page: Page) => page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples.splice(0));

/** Every sample: the card and the marked rows name one call. */
function expectAgreement(log: Sample[]) {
  for (const [i, s] of log.entries()) {
    const where = `sample ${i}: ${JSON.stringify(s)}`;
    if (s.speaking.length > 0) {
      expect(s.speaking, where).toHaveLength(1);
      expect(s.card, where).toBe(s.speaking[0]);
      expect(s.cardSpeaking, where).toBe(true);
    }
    if (s.cardHot) expect(s.hot, where).toEqual([s.card]);
    if (s.clip) expect(s.speaking, where).toHaveLength(1);
  }
}

describe('the display names one call at a time', () => {
  it('two calls a second apart: the card, the spoken row and the gold row always agree; the second shows when its voice starts', async () => {
    const admin = await hub.login();
    expect((await hub.api('PUT', '/admin/voice-settings', { token: admin, body: { enabled: true, language: 'vi', volume: 70, repeat: 1, chime: true } })).status).toBe(200);
    const display = await recordingDisplay();
    const kiosk = await hub.pairDevice('kiosk');
    const clerk1 = await hub.login(...DEMO.clerk1);
    const clerk2 = await hub.login(...DEMO.clerk2);
    await hub.api('POST', '/counters/4/open', { token: clerk1 });
    await hub.api('POST', '/counters/1/open', { token: clerk2 });

    const run = async (lang: 'vi' | 'en') => {
      const a = (await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 4 } })).body.ticket.number as string;
      const b = (await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } })).body.ticket.number as string;
      await samples(display);
      expect((await hub.api('POST', '/counters/4/call-next', { token: clerk1 })).status).toBe(200);
      // The second clerk presses while the first call is being spoken.
      await display.locator('tr[data-speaking="true"]').waitFor();
      await display.waitForTimeout(1000);
      expect((await hub.api('POST', '/counters/1/call-next', { token: clerk2 })).status).toBe(200);
      await display.locator('.display-counter', { hasText: b }).first().waitFor();
      await display.screenshot({ path: `test-results/display-two-calls-first-${lang}.png` });
      const clips = [...callClips(a, 4, 'vi'), ...callClips(b, 1, 'vi')];
      await display.locator('.display-calls__latest[data-speaking="true"]', { hasText: b }).waitFor({ timeout: 30_000 });
      await display.screenshot({ path: `test-results/display-two-calls-second-${lang}.png` });
      await expect.poll(() => display.locator('tr[data-speaking="true"]').count(), { timeout: 30_000 }).toBe(0);
      const log = await samples(display);

      expect(log.filter((s) => s.clip).map((s) => s.clip)).toEqual(clips);
      expectAgreement(log);
      // The race happened: the board listed the second call while the first was still spoken, and the card kept the first.
      expect(log.some((s) => s.speaking[0] === `${a}@4` && s.rows.includes(`${b}@1`) && s.card === `${a}@4`)).toBe(true);
      // What the card showed while a voice spoke: the first call, then the second, never back.
      const shown = log.filter((s) => s.speaking.length > 0).map((s) => s.card);
      expect([...new Set(shown)]).toEqual([`${a}@4`, `${b}@1`]);
      // Both ended on the board; the card shows the newest.
      expect(log.at(-1)!.card).toBe(`${b}@1`);

      // Both counters start serving, so the next call-next of the next round finishes them.
      for (const [token, id] of [[clerk1, 4], [clerk2, 1]] as const) {
        const cur = (await hub.api('GET', `/counters/${id}/state`, { token })).body.current;
        await hub.api('POST', `/tickets/${cur.id}/start`, { token });
      }
    };
    await run('vi');
    await display.getByRole('button', { name: 'English' }).click();
    await display.getByText('Counter 1').first().waitFor();
    await run('en');
    await display.context().close();
  });
});
