/**
 * A compressed office day for a kiosk and a lobby display (issue 14 §1):
 * Chromium on /kiosk and /display against a real hub, while the test drives
 * the day through the hub's API (tickets issued, called, served, finished at
 * three counters), the kiosk's own screens (a citizen takes a ticket and
 * presses "Xong"; half-made choices left to the idle reset, with the page's
 * clock moved on), and the hub restarted on the same port and store. After
 * every "hour" each page's JS heap (after a forced GC) and DOM node count are
 * sampled through CDP. Used by tests/e2e/all-day.test.ts (short) and
 * bench/all-day.ts (long).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { DEMO, startTestHub, type TestHub } from './hub';

export interface DayOptions {
  hours: number;
  /** Tickets issued through the API per hour (each called, started and finished). */
  ticketsPerHour: number;
  /** Tickets a citizen takes on the kiosk's screen per hour. */
  kioskTicketsPerHour: number;
  /** Hours after which the hub is restarted. */
  restartAfter: number[];
}

export interface HourSample {
  hour: number;
  kioskHeapMb: number;
  kioskNodes: number;
  displayHeapMb: number;
  displayNodes: number;
}

export interface DayResult {
  samples: HourSample[];
  tickets: number;
  calls: number;
  kioskTickets: number;
  idleResets: number;
  restarts: number;
}

/** Heap and nodes after a forced GC: what the page keeps, not what it has not collected yet. */
async function sample(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
  return { heapMb: m('JSHeapUsedSize') / 2 ** 20, nodes: m('Nodes') };
}

/** "Within 10 %": the last hour against the second (the first hour still warms caches and pools). */
export function flat(samples: HourSample[], key: keyof Omit<HourSample, 'hour'>, tolerance = 0.1): { second: number; last: number; ratio: number; ok: boolean } {
  const second = samples[1]![key];
  const last = samples.at(-1)![key];
  const ratio = last / second;
  return { second, last, ratio, ok: ratio <= 1 + tolerance };
}

const SEATS = [
  { counterId: 1, who: DEMO.admin },
  { counterId: 3, who: DEMO.clerk1 },
  { counterId: 4, who: DEMO.clerk2 },
] as const;

const ATTRACT = 'Chạm vào màn hình để bắt đầu';

/** Back to the service tiles: through the attract screen if the kiosk shows it. */
async function leaveAttract(page: Page): Promise<void> {
  const tile = page.locator('.kiosk-service').first();
  const attract = page.getByRole('button', { name: ATTRACT });
  await tile.or(attract).first().waitFor();
  if (await attract.isVisible()) await attract.click();
  await tile.waitFor();
}

async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }, token: string): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport });
  // The desktop app's print bridge, answering at once and keeping nothing (a recorder would itself grow all day).
  await context.addInitScript(`Object.defineProperty(window, 'motcua', { value: Object.freeze({
    printPdf: async () => ({ ok: true }), listPrinters: async () => [],
    appInfo: async () => ({ version: 'test', role: 'kiosk', kiosk: false, platform: 'linux', printer: null }),
    exitKiosk: async () => ({ ok: false }) }) });`);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${url}#device=${token}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

export async function runOfficeDay(browser: Browser, opts: DayOptions, onHour?: (s: HourSample) => void): Promise<DayResult> {
  let hub: TestHub = await startTestHub();
  const { dataDir, port } = hub;
  const result: DayResult = { samples: [], tickets: 0, calls: 0, kioskTickets: 0, idleResets: 0, restarts: 0 };
  const kioskToken = await hub.pairDevice('kiosk', 'Kiosk sảnh');
  const displayToken = await hub.pairDevice('display', 'Màn hình sảnh');
  const clerks: string[] = [];
  for (const s of SEATS) {
    const token = await hub.login(s.who[0], s.who[1]);
    clerks.push(token);
    await hub.api('POST', `/counters/${s.counterId}/open`, { token });
  }
  const services = ((await hub.api('GET', '/services', { token: kioskToken })).body as { id: number; active?: boolean }[]).map((s) => s.id);
  const kiosk = await openPage(browser, `${hub.url}/kiosk`, { width: 1080, height: 1920 }, kioskToken);
  const display = await openPage(browser, `${hub.url}/display`, { width: 1920, height: 1080 }, displayToken);
  try {
    await kiosk.page.locator('.kiosk-service').first().waitFor();
    await display.page.locator('.display-counters').waitFor();
    for (let hour = 1; hour <= opts.hours; hour++) {
      // The queue: tickets issued by the kiosk's token, called in turn at the three counters, served and finished.
      for (let i = 0; i < opts.ticketsPerHour; i++) {
        const r = await hub.api('POST', '/tickets', { token: kioskToken, body: { serviceId: services[i % services.length] } });
        if (r.status !== 200) throw new Error(`ticket: ${r.status} ${JSON.stringify(r.body)}`);
        result.tickets++;
      }
      for (let k = 0; k < opts.ticketsPerHour + opts.kioskTicketsPerHour; k++) {
        const seat = k % SEATS.length;
        const state = await hub.api('POST', `/counters/${SEATS[seat]!.counterId}/call-next`, { token: clerks[seat] });
        const current = state.body?.current as { id: number; status: string } | null | undefined;
        if (state.status !== 200 || !current || current.status !== 'called') continue;
        result.calls++;
        await hub.api('POST', `/tickets/${current.id}/start`, { token: clerks[seat] });
      }
      // A citizen at the kiosk: a ticket on screen, then "Xong". (After a quiet spell the kiosk shows its attract screen: touched first.)
      await leaveAttract(kiosk.page);
      for (let i = 0; i < opts.kioskTicketsPerHour; i++) {
        await kiosk.page.locator('.kiosk-service').nth(i % 3).click();
        await kiosk.page.getByRole('button', { name: 'Xong' }).click();
        await kiosk.page.locator('.kiosk-service').first().waitFor();
        result.kioskTickets++;
      }
      // A half-made choice (priority), left: the idle timer clears it and brings the attract screen.
      await kiosk.page.locator('.kiosk-priority-cta').click();
      await kiosk.page.locator('.kiosk-priority-cta').waitFor({ state: 'hidden' });
      // Let React's effect arm the idle timer before the clock jumps past it.
      await kiosk.page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
      await kiosk.page.clock.runFor(60_000);
      // Idle, the kiosk shows its attract screen; the next citizen touches it to begin.
      await kiosk.page.getByRole('button', { name: ATTRACT }).waitFor();
      await leaveAttract(kiosk.page);
      result.idleResets++;
      await display.page.clock.runFor(60_000);

      if (opts.restartAfter.includes(hour)) {
        await hub.close();
        hub = await startTestHub({ dataDir, port });
        result.restarts++;
        // Both screens find the hub again by themselves (their reconnect timers, moved on).
        await kiosk.page.clock.runFor(30_000);
        await display.page.clock.runFor(30_000);
        await display.page.locator('.display-counters').waitFor();
        await leaveAttract(kiosk.page);
      }
      const k = await sample(kiosk.cdp);
      const d = await sample(display.cdp);
      const s: HourSample = { hour, kioskHeapMb: k.heapMb, kioskNodes: k.nodes, displayHeapMb: d.heapMb, displayNodes: d.nodes };
      result.samples.push(s);
      onHour?.(s);
    }
    return result;
  } finally {
    await kiosk.page.context().close();
    await display.page.context().close();
    await hub.close();
  }
}
