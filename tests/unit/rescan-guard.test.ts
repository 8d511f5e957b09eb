import { describe, expect, it } from 'vitest';
import { createRescanGuard, receiptKey, RESCAN_RULE } from '../../src/shared/domain/rescanGuard';

const CODE = '000.00.15.H24-261123-0042';
const QR = `MCK1:${CODE}:7KQ2ZP`;
const rule = { absentFrames: 3, quietMs: 1000 };

describe('the camera does not look the same receipt up again while it is still in front of it', () => {
  it('a first sighting is looked up; the same code again is held back while it stays in view', () => {
    const g = createRescanGuard(rule);
    expect(g.frame(QR, 0)).toBe(true);
    g.lookedUp(QR, 0);
    for (let t = 100; t < 5000; t += 100) expect(g.frame(QR, t), `t=${t}`).toBe(false);
    expect(g.holding).toBe(CODE);
  });

  it('after "Xong": the camera comes back after a long status screen and the receipt is still there → no look-up', () => {
    const g = createRescanGuard(rule);
    g.lookedUp(QR, 0);
    // 40 s on the status screen (no camera): that time says nothing about the receipt.
    g.resume(40_000);
    expect(g.frame(QR, 40_050)).toBe(false);
    expect(g.frame(null, 40_150)).toBe(false);
    expect(g.frame(QR, 40_250)).toBe(false);
  });

  it('once it has left the frame (N frames in a row without it), showing it again looks it up again', () => {
    const g = createRescanGuard(rule);
    g.lookedUp(QR, 0);
    expect(g.frame(null, 100)).toBe(false);
    expect(g.frame(null, 200)).toBe(false);
    // A missed read or two is not leaving: the count starts again when it is seen.
    expect(g.frame(QR, 300)).toBe(false);
    expect(g.frame(null, 400)).toBe(false);
    expect(g.frame(null, 500)).toBe(false);
    expect(g.frame(null, 600)).toBe(false); // 3 in a row: gone
    expect(g.frame(QR, 700)).toBe(true);
  });

  it('or when it has not been seen for quietMs while watching (few frames decoded)', () => {
    const g = createRescanGuard(rule);
    g.lookedUp(QR, 0);
    expect(g.frame(null, 500)).toBe(false);
    expect(g.frame(QR, 1000)).toBe(true);
  });

  it('the QR and the Code 128 of one receipt are the same receipt; another receipt is looked up at once', () => {
    const g = createRescanGuard(rule);
    g.lookedUp(QR, 0);
    expect(g.frame(CODE, 100)).toBe(false);
    expect(g.frame(` ${CODE.toLowerCase()} `, 200)).toBe(false);
    expect(g.frame('000.00.15.H24-261123-0043', 300)).toBe(true);
    expect(receiptKey(QR)).toBe(CODE);
    expect(receiptKey('not ours')).toBe('not ours');
  });

  it('a code looked up by the wedge scanner or the keypad is held back from the camera too', () => {
    const g = createRescanGuard(rule);
    g.lookedUp(CODE, 0); // typed on the keypad
    expect(g.frame(QR, 50)).toBe(false);
  });

  it('nothing looked up yet: every code read is looked up; empty reads do nothing', () => {
    const g = createRescanGuard();
    expect(g.frame(null, 0)).toBe(false);
    expect(g.frame('', 0)).toBe(false);
    expect(g.frame(CODE, 0)).toBe(true);
    expect(g.holding).toBeNull();
    g.resume(10);
    expect(g.holding).toBeNull();
  });

  it('the default rule is about a second of frames or three seconds; a nonsense rule is refused', () => {
    expect(RESCAN_RULE).toEqual({ absentFrames: 10, quietMs: 3000 });
    expect(() => createRescanGuard({ absentFrames: 0, quietMs: 1000 })).toThrow(RangeError);
    expect(() => createRescanGuard({ absentFrames: 2.5, quietMs: 1000 })).toThrow(RangeError);
    expect(() => createRescanGuard({ absentFrames: 3, quietMs: 0 })).toThrow(RangeError);
  });
});
