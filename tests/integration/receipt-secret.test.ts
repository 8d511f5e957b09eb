import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { isValidSecret } from '../../src/shared/domain/dossier';

/**
 * The kiosk's limited view asks for "mã xác minh 6 ký tự in trên giấy hẹn": the citizen's copy
 * (Liên 2) prints it, labelled, beside the QR, and the QR says what it is for. The office's copy
 * (Liên 1) shows no secret. Checked on the receipt the hub serves for a registered dossier, as
 * text (pdftotext, with positions) and as symbols (zbarimg on each copy).
 */
let hub: TestHub;
let clerk: string;
let dossier: { code: string; secret: string };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-secret-'));
beforeAll(async () => {
  hub = await startTestHub();
  clerk = await hub.login(...DEMO.clerk1);
  expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
  const r = await hub.api('POST', '/dossiers', {
    token: clerk,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Số 1 phố Huế, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
      notes: '',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  dossier = r.body;
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function receipt(paper: 'A4_landscape' | 'A5'): Promise<string> {
  const res = await fetch(`${hub.url}/api/v1/dossiers/${encodeURIComponent(dossier.code)}/receipt.pdf?paper=${paper}`, { headers: { authorization: `Bearer ${clerk}` } });
  expect(res.status).toBe(200);
  const file = path.join(dir, `${paper}.pdf`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}
const text = (file: string, args: string[] = []) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** Words with their boxes (points) from pdftotext -bbox. */
function words(file: string, page = 1): { word: string; x0: number; x1: number; y0: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, word: m[5]! }));
}
function symbols(file: string, page: number, crop?: { x: number; w: number }): string[] {
  const prefix = path.join(dir, `scan-${path.basename(file)}-${page}-${crop?.x ?? 'all'}`);
  const args = ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile'];
  if (crop) args.push('-x', String(Math.round((crop.x * 200) / 72)), '-y', '0', '-W', String(Math.round((crop.w * 200) / 72)), '-H', '5000');
  execFileSync('pdftoppm', [...args, file, prefix]);
  try {
    return execFileSync('zbarimg', ['--raw', '-q', `${prefix}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
const OFFICE = { x: 0, w: 420.9 };
const CITIZEN = { x: 420.9, w: 420.9 };
const crop = (c: { x: number; w: number }) => ['-x', String(Math.round(c.x)), '-y', '0', '-W', String(Math.round(c.w)), '-H', '2000'];

describe('the verification code on the receipt', () => {
  it('is a real secret of the dossier (6 characters of the secret alphabet)', () => {
    expect(dossier.secret).toHaveLength(6);
    expect(isValidSecret(dossier.secret)).toBe(true);
  });

  it('A4 landscape: the citizen’s copy prints "Mã xác minh: <secret>" beside its labelled QR; the office’s copy has no secret', async () => {
    const file = await receipt('A4_landscape');
    const citizen = text(file, crop(CITIZEN));
    const office = text(file, crop(OFFICE));
    expect(citizen).toContain('Liên 2: giao cho người nộp hồ sơ');
    expect(citizen).toContain(`Mã xác minh: ${dossier.secret}`);
    expect(citizen).toContain('Quét để tra cứu hồ sơ');
    expect(office).toContain('Liên 1');
    expect(office).toContain('Quét để tra cứu hồ sơ');
    expect(office).not.toContain('Mã xác minh');
    expect(office).not.toContain(dossier.secret);
    expect(text(file).split(dossier.secret)).toHaveLength(2); // once on the sheet

    // Beside the QR: on the same row as the QR's label, right of the Code 128, left of the QR.
    const w = words(file);
    const secret = w.find((x) => x.word === dossier.secret)!;
    const scan = w.find((x) => x.word === 'Quét' && x.x0 > CITIZEN.x)!;
    expect(secret.x0).toBeGreaterThan(CITIZEN.x + 200);
    expect(secret.x1).toBeLessThan(765); // the QR starts here (tests/helpers/cameraFrames.ts crops it)
    expect(secret.y0 - scan.y1).toBeLessThan(30);
    expect(secret.y0).toBeLessThan(140); // in the barcode row, above the title

    // Both symbols still read on each copy: the Code 128 gives the code, the QR code + secret.
    for (const c of [OFFICE, CITIZEN]) {
      const found = symbols(file, 1, c);
      expect(found).toContain(dossier.code);
      expect(found).toContain(`MCK1:${dossier.code}:${dossier.secret}`);
    }
  });

  it('A5: page 2 (the citizen’s) carries it, page 1 (the office’s) does not', async () => {
    const file = await receipt('A5');
    const p1 = text(file, ['-f', '1', '-l', '1']);
    const p2 = text(file, ['-f', '2', '-l', '2']);
    expect(p2).toContain(`Mã xác minh: ${dossier.secret}`);
    expect(p2).toContain('Quét để tra cứu hồ sơ');
    expect(p1).not.toContain(dossier.secret);
    expect(p1).toContain('Quét để tra cứu hồ sơ');
    expect(symbols(file, 2)).toContain(`MCK1:${dossier.code}:${dossier.secret}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', file, path.join('test-results', 'receipt-a5-citizen')]);
  });

  it('an unknown dossier has no receipt (404), and a bad paper is refused (400)', async () => {
    const none = await hub.api('GET', `/dossiers/${encodeURIComponent('000.00.15.H24-261123-9999')}/receipt.pdf`, { token: clerk });
    expect(none.status).toBe(404);
    const bad = await hub.api('GET', `/dossiers/${encodeURIComponent(dossier.code)}/receipt.pdf?paper=A3`, { token: clerk });
    expect(bad.status).toBe(400);
  });
});
