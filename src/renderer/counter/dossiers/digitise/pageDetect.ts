/**
 * Finding a page in a camera frame and straightening it, on plain pixel arrays (no DOM), so it is
 * tested in Node. The page is the largest bright area on a darker desk: the frame is downscaled,
 * thresholded at Otsu's level, and the page's corners are the extreme bright pixels along the two
 * diagonals (a page turned up to ~40° keeps its corners there). Then a perspective warp maps the
 * corners onto an upright rectangle of the page's own proportions.
 */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel (ImageData's layout). */
  data: Uint8ClampedArray;
}
export type Point = { x: number; y: number };
/** Top-left, top-right, bottom-right, bottom-left, in the frame's pixels. */
export type Quad = [Point, Point, Point, Point];

const luma = (d: Uint8ClampedArray, i: number) => (d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000;

function otsu(hist: number[], total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let level = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      level = t;
    }
  }
  return level;
}

/** The page's corners in the frame, or null when no page-like bright area fills enough of it. */
export function findPage(frame: Pixels, work = 200): Quad | null {
  const scale = Math.max(frame.width, frame.height) / work;
  const w = Math.max(1, Math.round(frame.width / scale));
  const h = Math.max(1, Math.round(frame.height / scale));
  const grey = new Float32Array(w * h);
  const hist = new Array<number>(256).fill(0);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = Math.min(frame.width - 1, Math.floor((x + 0.5) * scale));
      const sy = Math.min(frame.height - 1, Math.floor((y + 0.5) * scale));
      const v = luma(frame.data, (sy * frame.width + sx) * 4);
      grey[y * w + x] = v;
      hist[Math.round(v)]!++;
    }
  }
  const level = otsu(hist, w * h);
  let count = 0;
  const ext = { tl: { s: Infinity, p: { x: 0, y: 0 } }, br: { s: -Infinity, p: { x: 0, y: 0 } }, tr: { s: -Infinity, p: { x: 0, y: 0 } }, bl: { s: Infinity, p: { x: 0, y: 0 } } };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (grey[y * w + x]! <= level) continue;
      // A bright pixel with bright neighbours (text inside the page does not matter; specks outside it do).
      let n = 0;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) if ((grey[(y + dy) * w + (x + dx)] ?? 0) > level) n++;
      if (n < 3) continue;
      count++;
      const p = { x, y };
      if (x + y < ext.tl.s) ext.tl = { s: x + y, p };
      if (x + y > ext.br.s) ext.br = { s: x + y, p };
      if (x - y > ext.tr.s) ext.tr = { s: x - y, p };
      if (x - y < ext.bl.s) ext.bl = { s: x - y, p };
    }
  }
  if (count < w * h * 0.12) return null;
  const quad = [ext.tl.p, ext.tr.p, ext.br.p, ext.bl.p].map((p) => ({ x: (p.x + 0.5) * scale, y: (p.y + 0.5) * scale })) as Quad;
  // A quadrilateral of near-zero area is not a page (a bright strip, a lamp).
  const area = Math.abs(quad.reduce((s, p, i) => s + p.x * quad[(i + 1) % 4]!.y - quad[(i + 1) % 4]!.x * p.y, 0)) / 2;
  if (area < frame.width * frame.height * 0.1) return null;
  return quad;
}

/** Solves the 8 unknowns of the homography mapping the unit rectangle corners (0..w, 0..h) onto the quad. */
function homography(w: number, h: number, q: Quad): number[] {
  const src = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!;
    const { x: u, y: v } = q[i]!;
    A.push([x!, y!, 1, 0, 0, 0, -u * x!, -u * y!]);
    b.push(u);
    A.push([0, 0, 0, x!, y!, 1, -v * x!, -v * y!]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < 8; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return b.map((v, i) => v / A[i]![i]!);
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The page cut out and straightened, at most `maxSide` pixels on its long side. */
export function straighten(frame: Pixels, q: Quad, maxSide = 1754): Pixels {
  const wq = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2;
  const hq = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2;
  const k = Math.min(1, maxSide / Math.max(wq, hq));
  const w = Math.max(1, Math.round(wq * k));
  const h = Math.max(1, Math.round(hq * k));
  const m = homography(w, h, q);
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = m[6]! * x + m[7]! * y + 1;
      const sx = Math.round((m[0]! * x + m[1]! * y + m[2]!) / d);
      const sy = Math.round((m[3]! * x + m[4]! * y + m[5]!) / d);
      const o = (y * w + x) * 4;
      if (sx < 0 || sy < 0 || sx >= frame.width || sy >= frame.height) {
        out.fill(255, o, o + 4);
        continue;
      }
      const i = (sy * frame.width + sx) * 4;
      out[o] = frame.data[i]!;
      out[o + 1] = frame.data[i + 1]!;
      out[o + 2] = frame.data[i + 2]!;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}
