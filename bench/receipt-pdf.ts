/**
 * Receipt PDF generation ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", A4
 * landscape, two copies, 5 documents), in-process: warm p50/p95 over 200 runs,
 * each for a new dossier code (so a new Code 128 and QR: barcodes differ per
 * dossier and the barcode cache never hits), against the same PDF with
 * `barcodes: false` as the baseline. Cold: the first receipt in a fresh Node
 * process (module import, font file read and parse, bwip-js start-up), measured
 * in a child process per variant. Also: a reprint of one dossier (barcodes
 * cached) and the A5 variant.
 *
 * Run alone: `npx tsx bench/receipt-pdf.ts`, or `npx tsx bench/run.ts --only=receipt`.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ReceiptInput, ReceiptPaper } from '../src/main/services/documents/types';
import { summarise, type Summary } from './lib/stats';

export const RECEIPT_DEFAULTS = { runs: 200, warmup: 20, coldProcesses: 3, documents: 5 };
/** Target: warm p95 ≤ 50 ms for the receipt with its barcodes. */
export const RECEIPT_TARGET_P95_MS = 50;

export function sampleReceipt(seq: number, documents = RECEIPT_DEFAULTS.documents): ReceiptInput {
  const receivedAt = Date.parse('2026-11-23T01:15:00Z') + seq * 60_000;
  return {
    office: { agencyName: 'UBND phường Ba Đình', centreName: 'Bộ phận tiếp nhận và trả kết quả', place: 'Ba Đình', phone: '024 3823 4567' },
    dossier: {
      code: `H01.27-261123-${String(seq % 10_000).padStart(4, '0')}`,
      secret: `S${(seq * 7919).toString(36).toUpperCase().padStart(7, '0')}`,
      procedureName: 'Đăng ký khai sinh',
      receivedAt,
      sets: 1,
      processingTime: { value: 1, unit: 'working_days' },
      dueAt: receivedAt + 30 * 3_600_000,
      resultDelivery: 'counter',
      feeVnd: 8000,
      registerBook: { volume: '03', entry: seq },
    },
    applicant: { fullName: 'Nguyễn Thị Thuỷ Tiên', address: 'Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, Hà Nội', phone: '0912 345 678', email: 'tien.nguyen@example.vn' },
    documents: Array.from({ length: documents }, (_, i) => ({ name: `Giấy tờ số ${i + 1}: tờ khai, giấy chứng sinh hoặc văn bản thay thế`, originals: 1, certifiedCopies: i % 2, photocopies: 0 })),
    clerkName: 'Trần Văn Bình',
  };
}

export interface ReceiptFigures extends Summary {
  bytes: number;
}
export interface ReceiptBenchResult {
  withBarcodes: ReceiptFigures;
  withoutBarcodes: ReceiptFigures;
  /** One dossier printed again and again: its barcodes come from the cache. */
  reprint: ReceiptFigures;
  a5: ReceiptFigures;
  /** Median over fresh processes: import of the documents module, then the first receipt. */
  cold: { importMs: number; firstWithBarcodes: number; firstWithoutBarcodes: number };
}

async function timed(n: number, render: (i: number) => Promise<Buffer>): Promise<ReceiptFigures> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const pdf = await render(i);
    ms.push(performance.now() - t);
    bytes = pdf.length;
  }
  return { ...summarise(ms), bytes };
}

/** In a fresh process: import, then one receipt; prints JSON. */
async function coldChild(barcodes: boolean) {
  const t0 = performance.now();
  const { renderReceiptPdf } = await import('../src/main/services/documents/dossierDocs');
  const t1 = performance.now();
  await renderReceiptPdf(sampleReceipt(1), { barcodes });
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1 }));
}

function cold(barcodes: boolean): { importMs: number; firstMs: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--cold-child=${barcodes ? 'on' : 'off'}`], { encoding: 'utf8' });
  return JSON.parse(out) as { importMs: number; firstMs: number };
}

const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export async function runReceiptBench(cfg = RECEIPT_DEFAULTS): Promise<ReceiptBenchResult> {
  const colds = Array.from({ length: cfg.coldProcesses }, () => ({ on: cold(true), off: cold(false) }));
  const { renderReceiptPdf } = await import('../src/main/services/documents/dossierDocs');
  const render = (seq: number, barcodes: boolean, paper: ReceiptPaper = 'A4_landscape') => renderReceiptPdf(sampleReceipt(seq, cfg.documents), { barcodes, paper });
  await timed(cfg.warmup, (i) => render(90_000 + i, true));
  await timed(cfg.warmup, (i) => render(90_000 + i, false));
  // Interleave the two variants in blocks so drift on a noisy machine hits both alike.
  const on: number[] = [];
  const off: number[] = [];
  let bytesOn = 0;
  let bytesOff = 0;
  for (let i = 0; i < cfg.runs; i++) {
    let t = performance.now();
    bytesOn = (await render(i, true)).length;
    on.push(performance.now() - t);
    t = performance.now();
    bytesOff = (await render(i, false)).length;
    off.push(performance.now() - t);
  }
  const reprint = await timed(cfg.runs, () => render(1, true));
  const a5 = await timed(cfg.runs, (i) => render(50_000 + i, true, 'A5'));
  return {
    withBarcodes: { ...summarise(on), bytes: bytesOn },
    withoutBarcodes: { ...summarise(off), bytes: bytesOff },
    reprint,
    a5,
    cold: { importMs: med(colds.map((c) => c.on.importMs)), firstWithBarcodes: med(colds.map((c) => c.on.firstMs)), firstWithoutBarcodes: med(colds.map((c) => c.off.firstMs)) },
  };
}

const childArg = process.argv.find((a) => a.startsWith('--cold-child='));
if (childArg) {
  coldChild(childArg.endsWith('on')).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runReceiptBench()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
