import crypto from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestDistrict } from '../helpers/district';
import { DEMO } from '../helpers/hub';
import { startFaultProxy } from '../helpers/faultProxy';
import { dossierBody, enrolHub, hubApi, login, storeReader, waitFor } from '../helpers/sync';
import { startHubProcess, tempDataDir } from './lib/hubProcess';

/**
 * A power cut in the middle of a file's upload: the hub runs as its own process and is SIGKILLed
 * while a chunk is on the wire (the district has written it, the hub never hears back). Restarted on
 * the same data folder, it resumes by itself; the district holds the file once and whole.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the hub process killed mid-chunk', () => {
  it('after a restart on the same data folder the file arrives once, whole and byte-identical', async () => {
    const district = await startTestDistrict();
    const proxy = await startFaultProxy(() => district.url, 7);
    const dataDir = tempDataDir('motcua-attach-kill-');
    dirs.push(dataDir);
    let hub = await startHubProcess(dataDir);
    try {
      const api = () => hubApi(hub.url);
      await enrolHub(api(), await login(api()), district, proxy.url, { id: 'k1', agencyCode: '000.00.61.H24' });
      const clerk = await login(api(), DEMO.clerk1);
      // A photograph-like page (noise does not compress): several 256 KiB chunks.
      const page = (await sharp({ create: { width: 1200, height: 1700, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).jpeg({ quality: 95 }).toBuffer()).toString('base64');
      let chunks = 0;
      let killed: Promise<void> | null = null;
      proxy.holdNext(
        (_m, p) => p.includes('/chunk') && ++chunks === 2,
        async () => {
          killed = hub.sigkill();
          await killed;
          return 'cut';
        },
      );
      const reg = await api()('POST', '/dossiers', { token: clerk, body: dossierBody() });
      expect(reg.status, JSON.stringify(reg.body)).toBe(200);
      const code = reg.body.code as string;
      const a = await api()('POST', `/dossiers/${code}/attachments`, { token: clerk, body: { target: { kind: 'component', position: 1 }, source: 'camera', pages: [page, page] } });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      const att = a.body as { id: number; sha256: string; size: number };
      expect(att.size).toBeGreaterThan(3 * 256 * 1024);
      await waitFor(() => killed !== null, 30_000, 'hub killed mid-chunk');
      await killed;
      const store = storeReader(dataDir);
      // Killed with the file half sent: the district answered a chunk the hub never heard.
      expect(store.all('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', att.id)[0]?.done_at).toBeNull();
      expect((await district.db.query<{ n: string }>('SELECT count(*) AS n FROM attachment_chunks WHERE sha256 = $1', [att.sha256])).rows[0]!.n).not.toBe(String(Math.ceil(att.size / (256 * 1024))));
      store.close();

      hub = await startHubProcess(dataDir);
      try {
        await waitFor(() => store.all('SELECT done_at FROM attachment_uploads WHERE attachment_id = ?', att.id)[0]?.done_at != null, 30_000, 'file uploaded after the restart');
      } finally {
        store.close();
      }
      const list = await district.backOffice('GET', `/back-office/dossiers/${code}/attachments`);
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).toMatchObject({ sha256: att.sha256, size: att.size, complete: true });
      const bytes = Buffer.from(await (await fetch(`${district.url}/back-office/attachments/${att.sha256}`, { headers: { authorization: 'Bearer test-back-office' } })).arrayBuffer());
      const clerk2 = await login(api(), DEMO.clerk1);
      const local = Buffer.from(await (await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${att.id}`, { headers: { authorization: `Bearer ${clerk2}` } })).arrayBuffer());
      expect(bytes.equals(local)).toBe(true);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(att.sha256);
      const rows = await district.db.query<{ n: string; total: string }>('SELECT count(*) AS n, sum(length(data)) AS total FROM attachment_chunks WHERE sha256 = $1', [att.sha256]);
      expect(Number(rows.rows[0]!.total)).toBe(att.size);
    } finally {
      await hub.sigkill();
      await proxy.close();
      await district.close();
    }
  }, 60_000);
});
