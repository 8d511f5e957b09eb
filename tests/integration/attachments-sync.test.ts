import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDistrict, type TestDistrict } from '../helpers/district';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy';
import { dossierBody, enrolHub, hubApi, waitFor } from '../helpers/sync';
import { createAttachmentStore } from '../../src/district/attachments';
import { buildDistrictApp } from '../../src/district/app';
import type { FastifyInstance } from 'fastify';

/**
 * Digitised files carried to the district through a misbehaving link (the fault proxy of
 * tests/integration/sync-faults.test.ts): requests dropped, answers cut after the server committed,
 * requests sent twice, the link down mid-upload, the hub stopped in the middle of a chunk. Every file
 * arrives once and whole: the back office gets the hub's bytes, and the server holds each chunk once.
 */
const FAST = { pushIntervalMs: 300, pullIntervalMs: 400, digestIntervalMs: 60_000, backoff: { baseMs: 50, maxMs: 400 }, timeoutMs: 3000 };
const UPLOAD = { chunkBytes: 16 * 1024, share: 1, retryMs: 50, maxRetryMs: 400, pollMs: 100 };

let district: TestDistrict;
let proxy: FaultProxy;
let noisePage: string;
/** District server processes started by a test (a restart), closed with the rest. */
const extraApps: FastifyInstance[] = [];
beforeAll(async () => {
  district = await startTestDistrict();
  proxy = await startFaultProxy(() => district.url, 11);
  // A photograph-like page (noise does not compress): a file of many chunks.
  const png = await sharp({ create: { width: 700, height: 990, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
  noisePage = png.toString('base64');
}, 60_000);
afterAll(async () => {
  for (const a of extraApps) await a.close();
  await proxy?.close();
  await district?.close();
});

let offices = 0;
async function officeHub(dataDir?: string): Promise<{ hub: TestHub; clerk: string; admin: string }> {
  const hub = await startTestHub({ sync: FAST, digitising: { upload: UPLOAD }, ...(dataDir ? { dataDir } : {}) });
  const admin = await hub.login();
  if (!dataDir) {
    offices++;
    await enrolHub(hubApi(hub.url), admin, district, proxy.url, { id: `a${offices}`, agencyCode: `000.00.${40 + offices}.H24` });
  }
  const clerk = await hub.login(...DEMO.clerk1);
  return { hub, clerk, admin };
}
async function attach(hub: TestHub, clerk: string) {
  const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
  expect(reg.status, JSON.stringify(reg.body)).toBe(200);
  const a = await hub.api('POST', `/dossiers/${reg.body.code}/attachments`, { token: clerk, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: [noisePage, noisePage] } });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  expect(a.body.size).toBeGreaterThan(5 * UPLOAD.chunkBytes);
  return { code: reg.body.code as string, attachment: a.body as { id: number; sha256: string; size: number } };
}
const uploaded = (hub: TestHub, id: number) => waitFor(() => hub.query('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', id)[0]?.done_at != null, 60_000, 'file uploaded');

/** The back office fetches it: the hub's bytes; the server holds each chunk once and the file once. */
async function expectWholeAtDistrict(hub: TestHub, clerk: string, code: string, a: { id: number; sha256: string; size: number }) {
  const list = await district.backOffice('GET', `/back-office/dossiers/${code}/attachments`);
  expect(list.status).toBe(200);
  expect(list.body).toHaveLength(1);
  expect(list.body[0]).toMatchObject({ sha256: a.sha256, size: a.size, complete: true, kind: 'component', position: 1 });
  const res = await fetch(`${district.url}/back-office/attachments/${a.sha256}`, { headers: { authorization: 'Bearer test-back-office' } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const local = Buffer.from(await (await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${a.id}`, { headers: { authorization: `Bearer ${clerk}` } })).arrayBuffer());
  expect(bytes.equals(local)).toBe(true);
  expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(a.sha256);
  const chunks = await district.db.query<{ n: string; total: string }>('SELECT count(*) AS n, sum(length(data)) AS total FROM attachment_chunks WHERE sha256 = $1', [a.sha256]);
  expect(Number(chunks.rows[0]!.total)).toBe(a.size);
  expect(Number(chunks.rows[0]!.n)).toBe(Math.ceil(a.size / UPLOAD.chunkBytes));
}

describe('uploading digitised files to the district', () => {
  it('through dropped requests, cut answers and duplicated requests: once and whole', async () => {
    const { hub, clerk } = await officeHub();
    try {
      proxy.set({ drop: 0.15, cut: 0.15, duplicate: 0.2 });
      const { code, attachment } = await attach(hub, clerk);
      await uploaded(hub, attachment.id);
      proxy.heal();
      expect(proxy.log.some((e) => e.path.includes('/chunk') && e.fault === 'cut')).toBe(true);
      expect(proxy.log.some((e) => e.path.includes('/chunk') && e.fault === 'duplicate')).toBe(true);
      await expectWholeAtDistrict(hub, clerk, code, attachment);
    } finally {
      proxy.heal();
      await hub.close();
    }
  }, 120_000);

  it('the link cut mid-upload: it goes on by itself once the link is back, from where it stopped', async () => {
    const { hub, clerk } = await officeHub();
    try {
      let chunks = 0;
      proxy.holdNext(
        (_m, p) => p.includes('/chunk') && ++chunks === 3,
        async () => {
          proxy.set({ down: true });
          return 'cut';
        },
      );
      const { code, attachment } = await attach(hub, clerk);
      await waitFor(() => hub.query('SELECT last_error FROM attachment_uploads WHERE attachment_id = ?', attachment.id)[0]?.last_error != null, 30_000, 'upload failing');
      const sentWhileDown = hub.query('SELECT sent FROM attachment_uploads WHERE attachment_id = ?', attachment.id)[0].sent as number;
      expect(sentWhileDown).toBeGreaterThan(0);
      const beginsBefore = proxy.log.filter((e) => e.path.includes('/begin') && e.status === 200).length;
      proxy.heal();
      await uploaded(hub, attachment.id);
      // It asked where to resume and did not start again from 0.
      expect(proxy.log.filter((e) => e.path.includes('/begin') && e.status === 200).length).toBeGreaterThan(beginsBefore);
      await expectWholeAtDistrict(hub, clerk, code, attachment);
    } finally {
      proxy.heal();
      await hub.close();
    }
  }, 120_000);

  it('the hub stopped in the middle of a chunk: after the restart the upload resumes and completes', async () => {
    const first = await officeHub();
    const dataDir = first.hub.dataDir;
    let chunks = 0;
    let stopping: Promise<void> | null = null;
    proxy.holdNext(
      (_m, p) => p.includes('/chunk') && ++chunks === 4,
      async () => {
        stopping = first.hub.close();
        return 'cut';
      },
    );
    const { code, attachment } = await attach(first.hub, first.clerk);
    await waitFor(() => stopping !== null, 30_000, 'hub stopped mid-chunk');
    await stopping;
    const again = await officeHub(dataDir);
    try {
      await uploaded(again.hub, attachment.id);
      await expectWholeAtDistrict(again.hub, again.clerk, code, attachment);
    } finally {
      await again.hub.close();
    }
  }, 120_000);
});

describe('files do not hold up the rest of sync', () => {
  it('a dossier registered while a chunk hangs reaches the district before the file does', async () => {
    const { hub, clerk } = await officeHub();
    let release!: () => void;
    const hanging = new Promise<void>((r) => (release = r));
    try {
      proxy.holdNext(
        (_m, p) => p.includes('/chunk'),
        async () => {
          await hanging;
          return 'deliver';
        },
      );
      const { attachment } = await attach(hub, clerk);
      const reg = await hub.api('POST', '/dossiers', { token: clerk, body: dossierBody() });
      expect(reg.status).toBe(200);
      await waitFor(async () => (await district.backOffice('GET', `/back-office/dossiers/${reg.body.code}`)).status === 200, 30_000, 'dossier at the district while a chunk hangs');
      expect(hub.query('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', attachment.id)[0].done_at).toBeNull();
      release();
      await uploaded(hub, attachment.id);
    } finally {
      release();
      await hub.close();
    }
  }, 120_000);
});

describe('the server restarted mid-upload', () => {
  it('the upload picks up on the new server process from the chunks the database kept', async () => {
    const { hub, clerk } = await officeHub();
    const port = Number(new URL(district.url).port);
    let restarted: FastifyInstance | null = null;
    try {
      let chunks = 0;
      let down: Promise<void> | null = null;
      proxy.holdNext(
        (_m, p) => p.includes('/chunk') && ++chunks === 3,
        async () => {
          down = district.app.close();
          return 'cut';
        },
      );
      const { code, attachment } = await attach(hub, clerk);
      await waitFor(() => down !== null, 30_000, 'server stopped');
      await down;
      await waitFor(() => hub.query('SELECT last_error FROM attachment_uploads WHERE attachment_id = ?', attachment.id)[0]?.last_error != null, 30_000, 'upload failing');
      // The same database, a new server process on the same address.
      restarted = (await buildDistrictApp(district.db, { backOfficeToken: 'test-back-office' })).app;
      await restarted.listen({ host: '127.0.0.1', port });
      await uploaded(hub, attachment.id);
      await expectWholeAtDistrict(hub, clerk, code, attachment);
    } finally {
      await hub.close();
      if (restarted) extraApps.push(restarted);
    }
  }, 120_000);
});

describe("the district's side of an upload", () => {
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const begin = (size: number) => ({ uid: crypto.randomUUID(), dossierCode: 'X-1', kind: 'component' as const, position: 1, name: '01 Tờ khai.pdf', pages: 1, size, createdAt: 1 });

  it('refuses a chunk with a wrong hash and a chunk out of order, acknowledges a duplicate, and keeps a file only if its whole hash matches', async () => {
    const files = createAttachmentStore(district.db);
    const file = crypto.randomBytes(40_000);
    const h = sha(file);
    const part = (o: number, n: number) => file.subarray(o, o + n);
    expect(await files.begin('o1', h, begin(file.length))).toEqual({ received: 0, done: false });
    await expect(files.chunk('o1', h, { offset: 0, data: part(0, 16384).toString('base64'), chunkSha256: sha(part(1, 16384)) })).rejects.toMatchObject({ code: 'CHUNK_HASH_MISMATCH' });
    expect(await files.begin('o1', h, begin(file.length))).toMatchObject({ received: 0 });
    expect(await files.chunk('o1', h, { offset: 0, data: part(0, 16384).toString('base64'), chunkSha256: sha(part(0, 16384)) })).toEqual({ received: 16384, done: false });
    // The same chunk again (its answer was lost): acknowledged, not stored twice.
    expect(await files.chunk('o1', h, { offset: 0, data: part(0, 16384).toString('base64'), chunkSha256: sha(part(0, 16384)) })).toEqual({ received: 16384, done: false });
    await expect(files.chunk('o1', h, { offset: 32768, data: part(32768, 100).toString('base64'), chunkSha256: sha(part(32768, 100)) })).rejects.toMatchObject({ code: 'CHUNK_OUT_OF_ORDER', details: { received: 16384 } });
    expect(await files.chunk('o1', h, { offset: 16384, data: part(16384, 23616).toString('base64'), chunkSha256: sha(part(16384, 23616)) })).toEqual({ received: 40000, done: true });
    expect((await files.file(h))!.equals(file)).toBe(true);

    // Bytes that do not make the file named: all discarded, the upload starts again from 0.
    const other = crypto.randomBytes(1000);
    const claimed = sha(crypto.randomBytes(1000));
    await files.begin('o1', claimed, begin(1000));
    expect(await files.chunk('o1', claimed, { offset: 0, data: other.toString('base64'), chunkSha256: sha(other) })).toMatchObject({ received: 0, done: false });
    expect(await files.file(claimed)).toBeNull();
    expect(Number((await district.db.query<{ n: string }>('SELECT count(*) AS n FROM attachment_chunks WHERE sha256 = $1', [claimed])).rows[0]!.n)).toBe(0);
  });
});
