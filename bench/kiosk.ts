/**
 * The kiosk's benchmarks (issue 4), called from bench/run.ts: barcode decoding
 * (`--only=decode`) and scan-to-status with 1 000 000 dossiers (`--only=scan`).
 * Each prints its table with the baseline measured in the same run and the ratio.
 */
import { median } from './lib/stats';
import { resolveHub } from './lib/build';
import { DECODE_TARGETS, makeFrames, runDecodeBench, type DecodeBenchResult, type DecoderFigures } from './kiosk-decode';
import { runScanStatusBench, SCAN_DEFAULTS, SCAN_TARGET_P95_MS } from './kiosk-scan-status';

const ms = (v: number) => `${v.toFixed(2)} ms`;
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const x = (v: number) => `${v.toFixed(2)}×`;

function table(title: string, head: string[], rows: string[][]): void {
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(`  ${'-'.repeat(w.reduce((a, b) => a + b + 2, 0))}`);
  for (const r of rows) console.log(line(r));
}

async function decode(rounds: number, out: Record<string, unknown>): Promise<void> {
  process.stdout.write('  making the frames from printed receipts (ImageMagick)… ');
  const frames = await makeFrames();
  console.log(`${frames.length} frames`);
  const runs: DecodeBenchResult[] = [];
  for (let r = 0; r < rounds; r++) {
    const res = await runDecodeBench(frames);
    runs.push(res);
    const p = (d: DecoderFigures, k: string) => `${d.perSize[k]!.p50.toFixed(1)}/${d.perSize[k]!.p95.toFixed(1)}`;
    console.log(
      `  decode round ${r + 1}: zxing-js p50/p95 640 ${p(res.js, '640x480')} 1280 ${p(res.js, '1280x720')} ms | zxing-wasm 640 ${p(res.wasm, '640x480')} 1280 ${p(res.wasm, '1280x720')} ms | kiosk 640 ${p(res.kiosk, '640x480')} 1280 ${p(res.kiosk, '1280x720')} ms`,
    );
  }
  const m = (f: (r: DecodeBenchResult) => number) => median(runs.map(f));
  const last = runs.at(-1)!;
  const row = (label: string, key: '640x480' | '1280x720', q: 'p50' | 'p95'): string[] => [
    `${label} ${q} per decode`,
    ms(m((r) => r.js.perSize[key]![q])),
    ms(m((r) => r.wasm.perSize[key]![q])),
    ms(m((r) => r.kiosk.perSize[key]![q])),
    x(m((r) => r.kiosk.perSize[key]![q] / r.js.perSize[key]![q])),
    key === '640x480' && q === 'p95' ? `≤ ${DECODE_TARGETS.p95Ms640} ms: ${m((r) => r.kiosk.perSize[key]![q]) <= DECODE_TARGETS.p95Ms640 ? 'met' : 'NOT met'}` : '',
  ];
  const ok = (d: DecoderFigures) => d.clean >= DECODE_TARGETS.clean && d.degraded >= DECODE_TARGETS.degraded && d.misreads === 0 && d.empty === 1;
  const three = (f: (d: DecoderFigures) => string) => [f(last.js), f(last.wasm), f(last.kiosk)];
  table(
    `Kiosk decoding: ${frames.length} frames (per size: ${frames.length / 2}, of them 10 clean, 110 degraded, 20 without a barcode) cut from printed receipts, QR + Code 128; each engine alone and the kiosk's decode (medians of ${rounds} rounds)`,
    ['metric', '@zxing/library alone', 'zxing-wasm alone', 'kiosk (both)', 'kiosk/js', 'target'],
    [
      row('640×480', '640x480', 'p50'),
      row('640×480', '640x480', 'p95'),
      row('1280×720', '1280x720', 'p50'),
      row('1280×720', '1280x720', 'p95'),
      ['read, clean frames', ...three((d) => pct(d.clean)), '', `≥ 99 %`],
      ['read, degraded frames', ...three((d) => pct(d.degraded)), '', '≥ 95 %'],
      ['  at 640×480', ...three((d) => pct(d.degradedBySize['640x480']!)), '', ''],
      ['  at 1280×720', ...three((d) => pct(d.degradedBySize['1280x720']!)), '', ''],
      ['  of which on the straight attempt', ...three((d) => pct(d.degradedStraight)), '', ''],
      ['no-barcode frames left empty', ...three((d) => pct(d.empty)), '', '100 %'],
      ['misreads', ...three((d) => String(d.misreads)), '', '0'],
      ['frames an engine alone read, kiosk not', '', '', String(last.lostToKiosk.length), '', '0'],
      ['targets', ...three((d) => (ok(d) ? 'met' : 'NOT met')), '', ''],
    ],
  );
  const count = (list: string[]) => Object.entries(list.reduce<Record<string, number>>((m, f) => ((m[f] = (m[f] ?? 0) + 1), m), {})).map(([k, v]) => `${k} ×${v}`).join('; ');
  console.log(`  not read by @zxing/browser: ${count(last.js.failed) || 'none'}`);
  console.log(`  not read by zxing-wasm: ${count(last.wasm.failed) || 'none'}`);
  console.log(`  not read by the kiosk's decode: ${count(last.kiosk.failed) || 'none'}`);
  out.kioskDecode = { frames: frames.length, targets: DECODE_TARGETS, rounds: runs };
}

async function scan(rounds: number, out: Record<string, unknown>): Promise<void> {
  const hub = await resolveHub(false);
  const runs: Awaited<ReturnType<typeof runScanStatusBench>>[] = [];
  for (let r = 0; r < rounds; r++) {
    const res = await runScanStatusBench(hub.script);
    runs.push(res);
    console.log(`  scan-to-status round ${r + 1}: ${SCAN_DEFAULTS.dossiers} dossiers p50 ${ms(res.big.p50)} p95 ${ms(res.big.p95)} | ${SCAN_DEFAULTS.baselineDossiers} dossiers p50 ${ms(res.small.p50)} p95 ${ms(res.small.p95)}`);
  }
  const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const row = (q: 'p50' | 'p95' | 'p99' | 'max', target = ''): string[] => [q, ms(m((r) => r.big[q])), ms(m((r) => r.small[q])), x(m((r) => r.big[q] / r.small[q])), target];
  const p95 = m((r) => r.big.p95);
  table(
    `Kiosk scan-to-status: wedge Enter → status painted, in Chromium against the built hub, ${SCAN_DEFAULTS.scans} scans of random dossiers; ${SCAN_DEFAULTS.dossiers} dossiers vs ${SCAN_DEFAULTS.baselineDossiers} (medians of ${rounds} rounds; store ${m((r) => r.big.storeMb).toFixed(0)} MB)`,
    ['metric', `${SCAN_DEFAULTS.dossiers} dossiers`, `${SCAN_DEFAULTS.baselineDossiers} dossiers`, 'ratio', 'target'],
    [row('p50'), row('p95', `≤ ${SCAN_TARGET_P95_MS} ms: ${p95 <= SCAN_TARGET_P95_MS ? 'met' : 'NOT met'}`), row('p99'), row('max')],
  );
  out.kioskScanToStatus = { config: SCAN_DEFAULTS, targetP95Ms: SCAN_TARGET_P95_MS, met: p95 <= SCAN_TARGET_P95_MS, rounds: runs };
}

/** `--only=decode`, `--only=scan`, or both when no --only is given. */
export async function kioskBenches(only: string | undefined, rounds: number, out: Record<string, unknown>): Promise<void> {
  if (!only || only === 'decode') await decode(Math.min(rounds, 3), out);
  if (!only || only === 'scan') await scan(Math.min(rounds, 2), out);
}
