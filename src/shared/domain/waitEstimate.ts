/**
 * The recent mean service time of a service, which turns the call forecast
 * (callForecast.ts) into minutes. A plain moving average over the last few
 * finished tickets follows the day's pace (a slow clerk, a complex procedure)
 * without a model to tune.
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
