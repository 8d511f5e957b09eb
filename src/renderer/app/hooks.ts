import { useEffect, useRef, useState } from 'react';

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

/** Seconds left of a countdown that calls `onZero` once at the end (a screen that returns by itself). */
export function useCountdown(seconds: number, onZero: () => void): number {
  const [left, setLeft] = useState(seconds);
  const cb = useRef(onZero);
  useEffect(() => {
    cb.current = onZero;
  });
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const l = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(l);
      if (l === 0) {
        clearInterval(timer);
        cb.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
