import { describe, expect, it } from 'vitest';
import { findPage, straighten, type Pixels, type Point } from '../../src/renderer/counter/dossiers/digitise/pageDetect';

/** A grey desk with a white page (210 × 297 units scaled) turned by `deg`, dark text lines on it. */
function frame(deg: number, w = 1280, h = 720): { px: Pixels; corners: Point[] } {
  const data = new Uint8ClampedArray(w * h * 4);
  const cx = w / 2, cy = h / 2, pw = 210 * 2, ph = 297 * 2;
  const a = (deg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Into the page's own frame.
      const dx = x - cx, dy = y - cy;
      const u = dx * cos + dy * sin + pw / 2;
      const v = -dx * sin + dy * cos + ph / 2;
      let g = 0x6f;
      if (u >= 0 && u < pw && v >= 0 && v < ph) g = v > 40 && v % 24 < 5 && u > 30 && u < pw - 30 ? 30 : 245;
      const i = (y * w + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = g;
      data[i + 3] = 255;
    }
  }
  const corner = (u: number, v: number) => ({ x: cx + (u - pw / 2) * cos - (v - ph / 2) * sin, y: cy + (u - pw / 2) * sin + (v - ph / 2) * cos });
  return { px: { width: w, height: h, data }, corners: [corner(0, 0), corner(pw, 0), corner(pw, ph), corner(0, ph)] };
}

describe('finding and straightening a page in a camera frame', () => {
  it.each([0, 8, -12, 20])('finds the corners of a page turned by %i°', (deg) => {
    const { px, corners } = frame(deg);
    const quad = findPage(px);
    expect(quad).not.toBeNull();
    quad!.forEach((p, i) => {
      expect(Math.hypot(p.x - corners[i]!.x, p.y - corners[i]!.y), `corner ${i}`).toBeLessThan(20);
    });
    const page = straighten(px, quad!);
    // Upright, in the page's proportions (A4: 1 : 1.414).
    expect(page.height / page.width).toBeGreaterThan(1.33);
    expect(page.height / page.width).toBeLessThan(1.5);
    // The desk is gone: the border of the straightened page is page-white, not desk-grey.
    const at = (x: number, y: number) => page.data[(y * page.width + x) * 4]!;
    expect(at(8, 8)).toBeGreaterThan(200);
    expect(at(page.width - 8, page.height - 8)).toBeGreaterThan(200);
  });

  it('finds no page in an empty desk or a thin bright strip', () => {
    const w = 640, h = 360;
    const empty = new Uint8ClampedArray(w * h * 4).fill(0x6f);
    expect(findPage({ width: w, height: h, data: empty })).toBeNull();
    const strip = new Uint8ClampedArray(empty);
    for (let y = 170; y < 180; y++) for (let x = 0; x < w; x++) strip.fill(250, (y * w + x) * 4, (y * w + x) * 4 + 3);
    expect(findPage({ width: w, height: h, data: strip })).toBeNull();
  });
});
