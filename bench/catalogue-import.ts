/**
 * Importing a province's catalogue (issue 12 §2): a 5 000-procedure xlsx,
 * preview then apply into an empty store, against the baseline of a plain
 * insert of the same rows (the same xlsx read with the same reader, its cells
 * inserted as they are into one table, one transaction): what the import's
 * header mapping, row validation, diff, versions and search index cost on top.
 * Each side runs in its own child process so its peak memory (max RSS) is its
 * own. `npm run bench -- --only=catalogue-import`; not part of npm test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { generateProcedures } from './catalogue-search';
import { median } from './lib/stats';

export const IMPORT_DEFAULTS = { procedures: 5000 };

interface ChildResult {
  ms: number;
  maxRssMb: number;
  /** Max RSS above the process's own before the work began. */
  addedRssMb: number;
  rows: number;
}

const HEADERS = ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Căn cứ pháp lý'];

async function writeFile(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(HEADERS);
  generateProcedures(n).forEach((p, i) =>
    ws.addRow([
      i + 1,
      p.code,
      p.nameVi,
      p.fieldVi,
      p.level === 'province' ? 'Cấp tỉnh' : 'Cấp xã',
      'Ủy ban nhân dân cấp xã',
      `${p.processing.value} ngày làm việc`,
      i % 3 === 0 ? 'Không' : `${(i % 50) * 1000 + 1000}`.replace(/\B(?=(\d{3})+$)/g, '.') + ' đồng',
      p.documents.map((d) => d.nameVi).join('\n'),
      p.legalBasis.join('\n'),
    ]),
  );
  await wb.xlsx.writeFile(file);
}

/** In the child: one side's work, timed, then its memory. */
async function child(kind: 'import' | 'plain', file: string, dir: string): Promise<ChildResult> {
  const { openStore } = await import('../src/main/db/open');
  const { createStore } = await import('../src/main/db/store');
  const { readSheet } = await import('../src/main/services/catalogueImport/readSheet');
  const { createCatalogueImportService } = await import('../src/main/services/catalogueImport');
  const { createClock } = await import('../src/main/services/clock');
  const db = openStore(path.join(dir, 'motcua.sqlite'));
  const store = createStore(db);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  let rows = 0;
  if (kind === 'import') {
    const svc = createCatalogueImportService(store, createClock());
    const preview = await svc.preview(bytes, path.basename(file));
    if (!preview.previewId) throw new Error(`the generated file has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    const applied = svc.apply({ previewId: preview.previewId, hash: preview.hash }, { kind: 'system', id: null, name: 'bench' });
    rows = applied.added + applied.changed;
  } else {
    const sheet = await readSheet(bytes);
    db.exec('CREATE TABLE plain_rows (code TEXT, name TEXT, field TEXT, level TEXT, agency TEXT, processing TEXT, fee TEXT, documents TEXT, legal TEXT) STRICT');
    const insert = db.prepare('INSERT INTO plain_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    store.write(() => {
      for (const r of sheet.rows.slice(1)) {
        insert.run(...Array.from({ length: 9 }, (_, i) => r[i + 1] ?? ''));
        rows++;
      }
    });
  }
  const ms = performance.now() - t0;
  db.close();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return { ms, maxRssMb: maxRss / 2 ** 20, addedRssMb: Math.max(0, maxRss - before) / 2 ** 20, rows };
}

function runChild(kind: 'import' | 'plain', file: string): ChildResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-bench-${kind}-`));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--child=${kind}`, `--file=${file}`, `--dir=${dir}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${kind} child failed: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function catalogueImportBench(out: Record<string, unknown>, rounds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-import-'));
  const file = path.join(dir, 'danh-muc-5000.xlsx');
  await writeFile(file, IMPORT_DEFAULTS.procedures);
  const size = fs.statSync(file).size;
  const runs: { hub: ChildResult; baseline: ChildResult }[] = [];
  for (let r = 0; r < rounds; r++) {
    try {
      execFileSync('sync', { stdio: 'ignore', timeout: 10_000 });
    } catch {
      /* no sync(1) here */
    }
    // Rotate which side goes first.
    const [a, b] = r % 2 === 0 ? (['import', 'plain'] as const) : (['plain', 'import'] as const);
    const first = runChild(a, file);
    const second = runChild(b, file);
    const hub = a === 'import' ? first : second;
    const baseline = a === 'import' ? second : first;
    runs.push({ hub, baseline });
    console.log(`  catalogue import round ${r + 1}: import ${hub.ms.toFixed(0)} ms, max RSS ${hub.maxRssMb.toFixed(0)} MB | plain insert ${baseline.ms.toFixed(0)} ms, max RSS ${baseline.maxRssMb.toFixed(0)} MB`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const m = (f: (x: { hub: ChildResult; baseline: ChildResult }) => number) => median(runs.map(f));
  const figures = {
    importMs: m((x) => x.hub.ms),
    plainMs: m((x) => x.baseline.ms),
    timeRatio: m((x) => x.hub.ms / x.baseline.ms),
    importMaxRssMb: m((x) => x.hub.maxRssMb),
    plainMaxRssMb: m((x) => x.baseline.maxRssMb),
    rssRatio: m((x) => x.hub.maxRssMb / x.baseline.maxRssMb),
    importAddedRssMb: m((x) => x.hub.addedRssMb),
    plainAddedRssMb: m((x) => x.baseline.addedRssMb),
  };
  const rowsOut = [
    ['time (preview + apply vs read + plain insert)', `${figures.importMs.toFixed(0)} ms`, `${figures.plainMs.toFixed(0)} ms`, `${figures.timeRatio.toFixed(2)}×`],
    ['peak memory (max RSS of the process)', `${figures.importMaxRssMb.toFixed(0)} MB`, `${figures.plainMaxRssMb.toFixed(0)} MB`, `${figures.rssRatio.toFixed(2)}×`],
    ['memory added by the work (max RSS − RSS before)', `${figures.importAddedRssMb.toFixed(0)} MB`, `${figures.plainAddedRssMb.toFixed(0)} MB`, ''],
  ];
  console.log(`\nCatalogue import: ${IMPORT_DEFAULTS.procedures} procedures, xlsx of ${(size / 1024).toFixed(0)} KiB, into an empty store; import vs plain insert (medians of ${rounds} rounds)`);
  for (const [metric, hub, base, ratio] of rowsOut) console.log(`  ${metric!.padEnd(50)} ${hub!.padStart(9)} ${base!.padStart(9)} ${ratio!.padStart(7)}`);
  out.catalogueImport = { config: { ...IMPORT_DEFAULTS, fileBytes: size }, ...figures, rounds: runs };
}

const childArg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (childArg('child')) {
  child(childArg('child') as 'import' | 'plain', childArg('file')!, childArg('dir')!)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
