/**
 * When the kiosk's camera may look a code up again. After a look-up the citizen reads the status,
 * taps "Xong", and the start screen's camera comes back while the receipt is still in the hand in
 * front of it: without this rule the same code is read at once and the status comes straight back.
 *
 * The rule: a code just looked up (by any way in) is not looked up again from the camera until it
 * has LEFT the frame, that is `absentFrames` decoded frames in a row without it, or it has not been
 * seen for `quietMs`. Time when the camera was not watching (the status screen has no camera)
 * tells nothing, so `resume()` starts the clock again: the receipt is assumed still there until the
 * frames say otherwise. Another code is looked up at once. The QR (`MCK1:<code>:<secret>`) and the
 * Code 128 (`<code>`) of one receipt are the same receipt.
 *
 * Pure and clock-free: the caller passes `now` (ms).
 */
import { parseLookupInput } from './kioskLookup';

export interface RescanRule {
  /** Decoded frames in a row without the code that mean it has left (≈ 1 s at 10 frames a second). */
  absentFrames: number;
  /** Not seen for this long (while watching) also means it has left. */
  quietMs: number;
}

export const RESCAN_RULE: RescanRule = { absentFrames: 10, quietMs: 3000 };

/** What makes two reads the same receipt: the dossier code when it is one of ours, else the text. */
export function receiptKey(text: string): string {
  const parsed = parseLookupInput(text);
  return parsed.ok ? parsed.code : text.trim();
}

export interface RescanGuard {
  /** A look-up of `text` was made (camera, wedge or keypad). */
  lookedUp(text: string, now: number): void;
  /** The camera is watching again after a screen without it. */
  resume(now: number): void;
  /** One decoded frame (`null`: nothing read). True when `text` should be looked up now. */
  frame(text: string | null, now: number): boolean;
  /** The code still held back, if any (for tests and diagnostics). */
  readonly holding: string | null;
}

export function createRescanGuard(rule: RescanRule = RESCAN_RULE): RescanGuard {
  if (!(Number.isInteger(rule.absentFrames) && rule.absentFrames >= 1 && Number.isFinite(rule.quietMs) && rule.quietMs > 0)) {
    throw new RangeError('rescan rule: absentFrames must be a whole number ≥ 1 and quietMs > 0');
  }
  let held: { key: string; lastSeen: number; absent: number } | null = null;
  const gone = (h: NonNullable<typeof held>, now: number) => h.absent >= rule.absentFrames || now - h.lastSeen >= rule.quietMs;
  return {
    lookedUp(text, now) {
      held = { key: receiptKey(text), lastSeen: now, absent: 0 };
    },
    resume(now) {
      if (held) held = { ...held, lastSeen: now, absent: 0 };
    },
    frame(text, now) {
      const key = text === null || text.trim() === '' ? null : receiptKey(text);
      if (held && gone(held, now)) held = null;
      if (key === null) {
        if (held) held.absent += 1;
        return false;
      }
      if (held && key === held.key) {
        held.lastSeen = now;
        held.absent = 0;
        return false;
      }
      return true;
    },
    get holding() {
      return held?.key ?? null;
    },
  };
}
