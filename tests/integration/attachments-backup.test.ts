import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreStore } from '../../src/main/services/backup/restore';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';

/** Backups carry the digitised files beside them; a restore drill checks every file's hash before it replaces anything. */
let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function pageB64(label: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/><text x="100" y="200" font-size="60">${label}</text></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

describe('backups of digitised files', () => {
  it('copies each named file beside the backup and restores it; a damaged or missing one stops the restore', async () => {
    hub = await startTestHub();
    const dataDir = hub.dataDir;
    const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    await hub.api('POST', '/counters/2/open', { token });
    const reg = await hub.api('POST', '/dossiers', {
      token,
      body: {
        procedureCode: '1.001022',
        applicant: { fullName: 'Lê Thị Hoa', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', email: '', address: 'Hà Nội' },
        documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
        sets: 1,
        feeCollected: 0,
        resultDelivery: 'counter',
      },
    });
    const code = reg.body.code as string;
    const a = await hub.api('POST', `/dossiers/${code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'scanner', pages: [await pageB64('Trang 1')] } });
    expect(a.status).toBe(200);
    const sha = a.body.sha256 as string;

    const admin = await hub.login();
    const backup = await hub.api('POST', '/admin/backups', { token: admin });
    expect(backup.status, JSON.stringify(backup.body)).toBe(200);
    const backupFile = path.join(dataDir, 'backups', backup.body.file);
    const beside = path.join(dataDir, 'backups', 'files', sha.slice(0, 2), sha);
    expect(fs.readFileSync(beside).equals(fs.readFileSync(path.join(dataDir, 'files', sha.slice(0, 2), sha)))).toBe(true);
    await hub.close();
    hub = undefined;

    // The disk lost the hub's files folder, and the copy beside the backup is damaged: refused, nothing replaced.
    fs.rmSync(path.join(dataDir, 'files'), { recursive: true });
    const good = fs.readFileSync(beside);
    fs.writeFileSync(beside, Buffer.concat([good.subarray(0, 100), Buffer.from('x'), good.subarray(101)]));
    const storeBefore = fs.readFileSync(path.join(dataDir, 'motcua.sqlite'));
    expect(() => restoreStore(dataDir, backupFile, { now: Date.now(), by: 'test' })).toThrow(/digitised file\(s\) named by the backup are missing or damaged/);
    expect(fs.readFileSync(path.join(dataDir, 'motcua.sqlite')).equals(storeBefore)).toBe(true);
    fs.rmSync(beside);
    expect(() => restoreStore(dataDir, backupFile, { now: Date.now(), by: 'test' })).toThrow(/missing or damaged/);

    // With the good copy back beside it, the restore puts the file back on the hub, byte for byte.
    fs.writeFileSync(beside, good);
    restoreStore(dataDir, backupFile, { now: Date.now(), by: 'test' });
    hub = await startTestHub({ dataDir });
    const t2 = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    const file = await fetch(`${hub.url}/api/v1/dossiers/${code}/attachments/${a.body.id}`, { headers: { authorization: `Bearer ${t2}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(good)).toBe(true);
  });

  it('refuses to take a backup when a file the store names is damaged on the hub', async () => {
    hub = await startTestHub();
    const token = await hub.login(DEMO.clerk1[0], DEMO.clerk1[1]);
    await hub.api('POST', '/counters/2/open', { token });
    const reg = await hub.api('POST', '/dossiers', {
      token,
      body: {
        procedureCode: '1.001022',
        applicant: { fullName: 'Lê Thị Hoa', idType: 'cccd', idNumber: '001090012345', phone: '0912345678', email: '', address: 'Hà Nội' },
        documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
        sets: 1,
        feeCollected: 0,
        resultDelivery: 'counter',
      },
    });
    const a = await hub.api('POST', `/dossiers/${reg.body.code}/attachments`, { token, body: { target: { kind: 'component', position: 1 }, source: 'scanner', pages: [await pageB64('Trang 1')] } });
    fs.appendFileSync(path.join(hub.dataDir, 'files', a.body.sha256.slice(0, 2), a.body.sha256), 'x');
    const admin = await hub.login();
    const backup = await hub.api('POST', '/admin/backups', { token: admin });
    expect(backup.status).toBe(500);
    expect(backup.body.error.message).toMatch(/missing or damaged on the hub/);
    expect(fs.readdirSync(path.join(hub.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toEqual([]);
  });
});
