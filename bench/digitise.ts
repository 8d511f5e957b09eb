/**
 * Digitising benchmarks (issue 15). Run: `npx tsx bench/digitise.ts` (not yet in bench/run.ts).
 *
 * 1. A 10-page capture to one PDF, in-process: pages as a 200-dpi rendering of a printed receipt
 *    (black-and-white text) and as photograph-like pages (noise, the worst case for compression);
 *    time per document and kilobytes per page, against the baseline of the pages' own bytes
 *    (what embedding them as they came would weigh).
 * 2. Upload throughput to the district (PGlite in process, loopback, chunks of 256 KiB, share 1)
 *    against a bare HTTP POST of the same bytes to a plain Node server on loopback.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { pagesToPdf, preparePage } from '../src/main/services/attachments/pageImages';
import { textPagePng } from '../tests/helpers/pages';
import { startTestDistrict } from '../tests/helpers/district';
import { DEMO, startTestHub } from '../tests/helpers/hub';
import { median } from './lib/stats';

const ROUNDS = 3;
const dossierBody = () => ({
  procedureCode: '1.001022',
  applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Hà Nội' },
  documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
  sets: 1,
  feeCollected: 0,
  resultDelivery: 'counter',
});
async function waitFor(cond: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function capture(label: string, page: Buffer) {
  const times: number[] = [];
  let size = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const prepared = [];
    for (let i = 0; i < 10; i++) prepared.push(await preparePage(page, i));
    const pdf = await pagesToPdf(prepared, 'bench');
    times.push(performance.now() - t0);
    size = pdf.length;
  }
  console.log(`${label}: 10 pages → PDF in ${Math.round(median(times))} ms (median of ${ROUNDS}), ${Math.round(size / 10 / 1024)} kB per page; input ${Math.round(page.length / 1024)} kB per page (ratio ${(size / 10 / page.length).toFixed(2)})`);
}

async function upload() {
  const district = await startTestDistrict();
  const hub = await startTestHub({ digitising: { upload: { share: 1, retryMs: 50, pollMs: 20 } }, sync: { pushIntervalMs: 300, pullIntervalMs: 1000, digestIntervalMs: 60_000 } });
  try {
    const admin = await hub.login();
    const enrolled = await hub.api('POST', '/sync/enrol', { token: admin, body: { serverUrl: district.url, code: await district.enrolmentCode() } });
    if (enrolled.status !== 200) throw new Error(JSON.stringify(enrolled.body));
    const clerk = await hub.login(...DEMO.clerk1);
    const noise = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
    const t0 = performance.now();
    const a = await hub.api('POST', `/dossiers/${reg.body.code}/attachments`, { token: clerk, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: Array(6).fill(noise.toString('base64')) } });
    const attached = performance.now();
    await waitFor(() => hub.query('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', a.body.id)[0]?.done_at != null, 300_000, 'uploaded');
    const upMs = performance.now() - attached;
    const bytes = fs.readFileSync(`${hub.dataDir}/files/${a.body.sha256.slice(0, 2)}/${a.body.sha256}`);
    // Bare: one POST of the same bytes to a server that only counts them.
    const server = http.createServer((req, res) => {
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('end', () => res.end(String(n)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b0 = performance.now();
      await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: bytes })).text();
      bare.push(performance.now() - b0);
    }
    server.close();
    const mb = bytes.length / 1048576;
    const bareMs = median(bare);
    console.log(`upload: ${mb.toFixed(1)} MB in ${Math.round(upMs)} ms = ${(mb / (upMs / 1000)).toFixed(1)} MB/s through the chunked, signed, hash-checked upload into PostgreSQL (PGlite); attach took ${Math.round(attached - t0)} ms`);
    console.log(`bare HTTP POST of the same bytes: ${Math.round(bareMs)} ms = ${(mb / (bareMs / 1000)).toFixed(1)} MB/s; ratio upload/bare time ${(upMs / bareMs).toFixed(1)}×`);
  } finally {
    await hub.close();
    await district.close();
  }
}

const dir = fs.mkdtempSync(`${os.tmpdir()}/motcua-bench-digitise-`);
try {
  await capture('text pages (receipt at 200 dpi)', await textPagePng(dir));
  await capture('photo-like pages (noise, 1240×1754)', await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer());
  await upload();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
