import { useEffect, useRef } from 'react';

/**
 * A USB barcode scanner in keyboard-wedge mode types the barcode as a burst of
 * key presses a few milliseconds apart and ends it with Enter. A person types
 * far slower, so the gap between keys tells the two apart. The kiosk has no
 * keyboard and no focused text field (its keyboards are on screen), so every
 * character key is taken here and never reaches the page: a burst that ends in
 * Enter is a scan; anything else is forgotten.
 */
export interface WedgeOptions {
  /** A pause this long ends whatever was being typed (a person stopping to think). */
  pauseMs: number;
  /**
   * Largest mean gap between the keys of one scan. Scanners send a key every
   * 1–20 ms and a person types one every 100 ms or more; the mean, not every
   * gap, is judged, so one late key on a busy PC does not lose the scan.
   */
  maxMeanGapMs: number;
  /** Shortest text taken as a scan. */
  minLength: number;
  maxLength: number;
}
export const WEDGE_DEFAULTS: WedgeOptions = { pauseMs: 300, maxMeanGapMs: 50, minLength: 6, maxLength: 200 };

export class WedgeDetector {
  private buffer = '';
  private first = 0;
  private last = -Infinity;
  constructor(private readonly options: WedgeOptions = WEDGE_DEFAULTS) {}

  /**
   * One key press at time `at` (ms). Returns the scanned text when this Enter
   * ends a scan, else null. `key` is KeyboardEvent.key.
   */
  key(key: string, at: number): string | null {
    if (at - this.last > this.options.pauseMs) this.buffer = '';
    this.last = at;
    if (key === 'Enter') {
      const text = this.buffer;
      const meanGap = text.length > 1 ? (at - this.first) / text.length : Infinity;
      this.buffer = '';
      return text.length >= this.options.minLength && meanGap <= this.options.maxMeanGapMs ? text : null;
    }
    if (key.length === 1) {
      if (this.buffer === '') this.first = at;
      this.buffer += key;
      if (this.buffer.length > this.options.maxLength) this.buffer = '';
    }
    return null;
  }
}

/** Listens on the whole window (capture phase) while mounted: `onScan(text)` for each burst ending in Enter. */
export function useWedgeScanner(onScan: (text: string) => void, options?: WedgeOptions): void {
  const cb = useRef(onScan);
  useEffect(() => {
    cb.current = onScan;
  });
  useEffect(() => {
    const detector = new WedgeDetector(options);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const isChar = e.key.length === 1;
      if (!isChar && e.key !== 'Enter') return;
      // Taken before any element sees it: nothing a scanner types lands in a field or presses a button.
      e.preventDefault();
      e.stopPropagation();
      const text = detector.key(e.key, e.timeStamp || performance.now());
      if (text !== null) cb.current(text);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [options]);
}
