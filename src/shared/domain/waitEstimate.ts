/**
 * Estimated wait for a new ticket: people ahead × the recent mean service time
 * of the service, spread over the counters currently open for it.
 * A plain moving average over the last few finished tickets follows the day's
 * pace (a slow clerk, a complex procedure) without a model to tune.
 */
export const DEFAULT_SERVICE_MINUTES = 5;
export const WAIT_WINDOW = 10;

export function meanServiceMinutes(recentDurationsMs: readonly number[], defaultMinutes = DEFAULT_SERVICE_MINUTES): number {
  // Ignore absurd durations (a ticket left open over lunch) so one outlier cannot skew the day.
  const usable = recentDurationsMs.slice(0, WAIT_WINDOW).filter((d) => d > 0 && d < 3 * 60 * 60 * 1000);
  if (usable.length === 0) return defaultMinutes;
  const mean = usable.reduce((s, d) => s + d, 0) / usable.length / 60000;
  return Math.max(0.5, mean);
}

export function estimateWaitMinutes(input: {
  ahead: number;
  recentDurationsMs: readonly number[];
  openCounters: number;
  defaultMinutes?: number;
}): number {
  if (input.ahead <= 0) return 0;
  const per = meanServiceMinutes(input.recentDurationsMs, input.defaultMinutes);
  const counters = Math.max(1, input.openCounters);
  return Math.max(1, Math.round((input.ahead * per) / counters));
}
