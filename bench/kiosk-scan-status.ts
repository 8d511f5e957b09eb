/**
 * Scan-to-status at the kiosk (issue 4): from the wedge scanner's Enter (the
 * kiosk's `kiosk:decoded` mark, the same one the camera sets when its worker
 * returns a code; from there both take the same path) to the status screen
 * painted (`kiosk:status-painted`, in the frame after React committed it), in
 * Debian's Chromium against the built hub, with 1 000 000 dossiers in the
 * store. Baseline: the same on a new office holding 100 dossiers, in the same
 * run. Target: p95 ≤ 100 ms.
 *
 * Run alone: `npx tsx bench/kiosk-scan-status.ts` (after `npm run build`), or `npx tsx bench/run.ts --only=scan`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { resolveHub } from './lib/build';
import { API, DEMO, login, pairDevice, startHub } from './lib/hub';
import { keepAliveAgent, call } from './lib/http';
import { summarise, type Summary } from './lib/stats';

export const SCAN_DEFAULTS = { dossiers: 1_000_000, baselineDossiers: 100, scans: 100, warmup: 10 };
export const SCAN_TARGET_P95_MS = 100;
const SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The i-th bench dossier's secret: deterministic, so the bench can print its QR text. */
const secretOf = (i: number) => {
  let s = '';
  let v = (i * 2654435761) >>> 0;
  for (let k = 0; k < 6; k++) {
    s += SECRET_ALPHABET[v % 32];
    v = Math.floor(v / 32) + k * 7919;
  }
  return s;
};

/** 1000 dossiers a day back from yesterday, each with its registration event; codes `<agency>-<yymmdd>-<seq>`. */
function fillStore(file: string, count: number): { code: (i: number) => string } {
  const db = new Database(file);
  try {
    const agency = (JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'office'").get() as { value: string }).value) as { agencyCode: string }).agencyCode;
    const procedure = db.prepare('SELECT code, name_vi, name_en FROM procedures LIMIT 1').get() as { code: string; name_vi: string; name_en: string };
    const perDay = 1000;
    const dayMs = 86_400_000;
    const start = Date.now() - (Math.ceil(count / perDay) + 1) * dayMs;
    const dayOf = (i: number) => new Date(start + Math.floor(i / perDay) * dayMs + 7 * 3_600_000).toISOString().slice(0, 10);
    const code = (i: number) => `${agency}-${dayOf(i).slice(2).replace(/-/g, '')}-${String((i % perDay) + 1).padStart(4, '0')}`;
    const insert = db.prepare(`INSERT INTO dossiers (code, secret, office_day, seq, procedure_code, procedure_name_vi, procedure_name_en, processing_value, processing_unit, processing_hours,
        applicant_name, applicant_name_folded, applicant_id_type, applicant_id_number, applicant_phone, applicant_email, applicant_address, owner, sets, fee_collected,
        result_delivery, postal_address, notes, status, accepted_at, due_at, stage, department, clerk_id, counter_id, ticket_id, book_year, book_number, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 3, 'working_days', 24, 'Nguyễn Văn An', 'nguyen van an', 'cccd', '001090012345', '0912345678', NULL, 'Hà Nội', NULL, 1, 0,
        'counter', NULL, '', ?, ?, ?, 'Phòng Tư pháp', 'Tư pháp', NULL, NULL, NULL, ?, ?, ?, ?)`);
    const event = db.prepare("INSERT INTO dossier_events (dossier_id, at, actor, clerk_id, from_status, to_status) VALUES (?, ?, 'district', NULL, NULL, 2)");
    const move = db.prepare("INSERT INTO dossier_events (dossier_id, at, actor, clerk_id, from_status, to_status, stage) VALUES (?, ?, 'district', NULL, 2, 4, 'Phòng Tư pháp')");
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const day = dayOf(i);
        const at = start + Math.floor(i / perDay) * dayMs + (i % perDay) * 20_000;
        const status = i % 10 === 0 ? 9 : 4;
        const id = Number(
          insert.run(code(i), secretOf(i), day, (i % perDay) + 1, procedure.code, procedure.name_vi, procedure.name_en, status, at, at + 3 * dayMs, Number(day.slice(0, 4)), i + 1, at, at).lastInsertRowid,
        );
        event.run(id, at);
        move.run(id, at + 3_600_000);
      }
    })();
    return { code };
  } finally {
    db.close();
  }
}

/** One office: hub up, kiosk paired, Chromium on /kiosk; `scans` wedge scans of random dossiers, scan-to-status per scan. */
async function measureOffice(hubScript: string, count: number, opts = SCAN_DEFAULTS): Promise<Summary & { storeMb: number }> {
  const seeded = await startHub(hubScript);
  await seeded.stop();
  const file = path.join(seeded.dataDir, 'motcua.sqlite');
  const { code } = fillStore(file, count);
  const storeMb = fs.statSync(file).size / 2 ** 20;
  const hub = await startHub(hubScript, seeded.dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const agent = keepAliveAgent();
    const admin = await login(agent, hub.url, DEMO.admin);
    const token = await pairDevice(agent, hub.url, admin, 'kiosk', 'Bench kiosk');
    await call(agent, 'GET', `${hub.url}${API}/kiosk/settings`, { token });
    const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await page.goto(`${hub.url}/kiosk#device=${token}`);
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    const times: number[] = [];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % count;
    for (let k = 0; k < opts.warmup + opts.scans; k++) {
      const i = next();
      await page.evaluate(() => performance.clearMarks());
      // A wedge scanner: the text as fast key events, then Enter.
      await page.keyboard.type(`MCK1:${code(i)}:${secretOf(i)}`, { delay: 0 });
      await page.keyboard.press('Enter');
      try {
        await page.getByText(code(i), { exact: true }).waitFor({ timeout: 10_000 });
      } catch (err) {
        await page.screenshot({ path: path.join(os.tmpdir(), 'motcua-bench-scan-failed.png') });
        throw err;
      }
      // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const poll = () => {
          const a = performance.getEntriesByName('kiosk:decoded').at(-1);
          const b = performance.getEntriesByName('kiosk:status-painted').at(-1);
          if (a && b && b.startTime >= a.startTime) resolve(b.startTime - a.startTime);
          else requestAnimationFrame(poll);
        };
        poll();
      })`);
      if (k >= opts.warmup) times.push(ms);
      await page.getByRole('button', { name: 'Xong' }).click();
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    }
    agent.destroy();
    return { ...summarise(times), storeMb };
  } finally {
    await browser.close();
    await hub.dispose();
  }
}

export async function runScanStatusBench(hubScript: string, opts = SCAN_DEFAULTS): Promise<{ big: Summary & { storeMb: number }; small: Summary & { storeMb: number } }> {
  const small = await measureOffice(hubScript, opts.baselineDossiers, opts);
  const big = await measureOffice(hubScript, opts.dossiers, opts);
  return { big, small };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hub = await resolveHub(false);
  const n = Number(process.argv.find((a) => a.startsWith('--dossiers='))?.slice(11) ?? SCAN_DEFAULTS.dossiers);
  const r = await runScanStatusBench(hub.script, { ...SCAN_DEFAULTS, dossiers: n });
  console.log(JSON.stringify(r, null, 2));
}
