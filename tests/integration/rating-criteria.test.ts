import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';
import { dossierBody } from '../helpers/sync';
import { RATING_CRITERIA, RATING_CRITERIA_2018 } from '../../src/shared/domain';

/**
 * Issue 12 §5: the citizens' criteria are Decree 118 Điều 33 khoản 1's items
 * a–e (keys d118_*); a rating given before the change (Decree 61's five keys)
 * stays readable in the figures and the PDF report after an upgrade.
 */
const vn = (local: string) => `${local}+07:00`;
const clock = fakeClock(vn('2026-11-23T08:00:00'));
let hub: TestHub;
let dataDir: string;

beforeAll(async () => {
  hub = await startTestHub({ clock: clock.now });
  dataDir = hub.dataDir;
  const admin = await hub.login();
  await hub.api('PUT', '/admin/supervisor-settings', { token: admin, body: { maxWaitingPerService: 5, maxWaitMinutes: 30, alertDueToday: true, ratingCriteria: true, ratingIdleSeconds: 30 } });
  const clerk = await hub.login(...DEMO.clerk1);
  await hub.api('POST', '/counters/1/open', { token: clerk });
  const tablet = await hub.pairDevice('counter', 'Máy tính bảng');
  const d = (await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() })).body;
  await hub.api('POST', `/dossiers/${d.code}/result-ready`, { token: clerk, body: {} });
  await hub.api('POST', `/dossiers/${d.code}/hand-back`, { token: clerk, body: { scanned: d.code } });
  const p = (await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body;
  const older = (await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() })).body.code as string;
  const r = await hub.api('POST', '/ratings', { token: tablet, body: { counterId: 1, key: p.prompt.key, level: 'satisfied', criteria: { d118_a: 2, d118_b: 2, d118_c: 1, d118_d: 2, d118_dd: 2, d118_e: 0 } } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  await hub.close();

  // A rating from before the change, as the upgraded store holds it: same shape, the 2018 keys.
  const db = new Database(path.join(dataDir, 'motcua.sqlite'));
  const row = db.prepare('SELECT * FROM ratings').get() as Record<string, unknown>;
  db.prepare('INSERT INTO ratings (id, subject, office_day, ticket_id, dossier_code, clerk_id, counter_id, level, criteria, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)').run(
    '00000000-0000-4000-8000-000000000001',
    'dossier',
    row.office_day,
    older,
    row.clerk_id,
    row.counter_id,
    'very_satisfied',
    JSON.stringify({ total_time: 2, contacts: 2, agencies: 2, disclosure: 1, attitude: 2 }),
    Number(row.created_at) - 60_000,
  );
  db.close();
  hub = await startTestHub({ clock: clock.now, dataDir });
}, 60_000);
afterAll(async () => hub?.close());

describe('the rating criteria of Decree 118', () => {
  it('asks items a–e with the decree’s letter in each key, and keeps the 2018 ones only to read', () => {
    expect(RATING_CRITERIA.map((c) => [c.key, c.item])).toEqual([['d118_a', 'a'], ['d118_b', 'b'], ['d118_c', 'c'], ['d118_d', 'd'], ['d118_dd', 'đ'], ['d118_e', 'e']]);
    expect(RATING_CRITERIA_2018.map((c) => c.key)).toEqual(['total_time', 'contacts', 'agencies', 'disclosure', 'attitude']);
    for (const c of [...RATING_CRITERIA, ...RATING_CRITERIA_2018]) expect(c.vi).toBe(c.vi.normalize('NFC'));
  });

  it('the figures count the new criteria first, then an old rating’s under its own keys', async () => {
    const admin = await hub.login();
    const f = (await hub.api('GET', '/supervisor/figures?from=2026-11-23&to=2026-11-23', { token: admin })).body;
    expect(f.ratings.total).toBe(2);
    expect(f.ratings.criteria).toEqual([
      { key: 'd118_a', n: 1, mean: 2 },
      { key: 'd118_b', n: 1, mean: 2 },
      { key: 'd118_c', n: 1, mean: 1 },
      { key: 'd118_d', n: 1, mean: 2 },
      { key: 'd118_dd', n: 1, mean: 2 },
      { key: 'd118_e', n: 1, mean: 0 },
      { key: 'total_time', n: 1, mean: 2 },
      { key: 'contacts', n: 1, mean: 2 },
      { key: 'agencies', n: 1, mean: 2 },
      { key: 'disclosure', n: 1, mean: 1 },
      { key: 'attitude', n: 1, mean: 2 },
    ]);
  });

  it('the PDF report names old and new criteria in words', async () => {
    const admin = await hub.login();
    const res = await fetch(`${hub.url}/api/v1/supervisor/report.pdf?from=2026-11-23&to=2026-11-23`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    fs.mkdirSync('test-results', { recursive: true });
    const file = path.join('test-results', 'rating-criteria-report.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Kết quả đúng pháp luật');
    expect(text).toContain('Công khai thủ tục hành chính');
    expect(text).not.toMatch(/\btotal_time\b|\bd118_/);
  });
});
