import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (aligned to the next full second). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, intervalMs - (Date.now() % Math.min(intervalMs, 1000)));
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % Math.min(intervalMs, 1000)));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}

/** Calls `onIdle` after `ms` without a touch, click or key press while `active`. */
export function useIdle(active: boolean, ms: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active, ms, onIdle]);
}
