/**
 * The long office day (issue 14 §1): a kiosk and a lobby display in Chromium
 * through 12 compressed hours with thousands of tickets and calls, idle
 * resets and two hub restarts (tests/helpers/allDay.ts; the short day is
 * tests/e2e/all-day.test.ts). Prints JS heap and DOM nodes per hour and the
 * last hour against the second (target: within 10 %). Needs the built renderer.
 *
 * Run: `npx tsx bench/all-day.ts [--tickets-per-hour=250]` after `npm run build`.
 */
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/helpers/browser';
import { flat, runOfficeDay, type DayResult } from '../tests/helpers/allDay';

export async function runAllDay(ticketsPerHour = 250): Promise<DayResult> {
  const browser = await launchChromium();
  try {
    return await runOfficeDay(browser, { hours: 12, ticketsPerHour, kioskTicketsPerHour: 5, restartAfter: [4, 8] }, (s) =>
      console.log(`  hour ${String(s.hour).padStart(2)}: kiosk ${s.kioskHeapMb.toFixed(2)} MB, ${s.kioskNodes} nodes | display ${s.displayHeapMb.toFixed(2)} MB, ${s.displayNodes} nodes`),
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv.find((a) => a.startsWith('--tickets-per-hour='))?.split('=')[1] ?? 250);
  const day = await runAllDay(n);
  console.log(`tickets ${day.tickets}, calls ${day.calls}, kiosk tickets ${day.kioskTickets}, idle resets ${day.idleResets}, hub restarts ${day.restarts}`);
  for (const key of ['kioskHeapMb', 'kioskNodes', 'displayHeapMb', 'displayNodes'] as const) {
    const f = flat(day.samples, key);
    console.log(`  ${key}: hour 2 ${f.second.toFixed(2)}, hour 12 ${f.last.toFixed(2)}, ${((f.ratio - 1) * 100).toFixed(1)} % (≤ 10 %: ${f.ok ? 'met' : 'NOT met'})`);
  }
}
