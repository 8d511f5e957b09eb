import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { CUPS_PDF_QUEUE, ensureCupsPdfQueue, lpPresent, pdfPageSizeMm, waitForSpooledPdf } from '../helpers/cups';

/** Printing through the hub's spooler (a real CUPS with a cups-pdf queue). */
let hub: TestHub;
let outDir = '';
beforeAll(async () => {
  hub = await startTestHub();
  if (lpPresent) outDir = await ensureCupsPdfQueue();
}, 60_000);
afterAll(async () => hub.close());

/** cups-pdf names its file after the job title; clear earlier runs' files so the wait sees only this one. */
function clearSpooled(prefix: string) {
  if (!fs.existsSync(outDir)) return;
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(prefix)) fs.rmSync(path.join(outDir, f), { force: true });
}

describe('printing from the hub', () => {
  it('refuses a printer name with control characters before any spooler', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    const kiosk = await hub.pairDevice('kiosk');
    const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
    const r = await hub.api('POST', `/tickets/${t.body.ticket.id}/print`, { token: clerk, body: { printer: 'XP\n80' } });
    expect(r.status).toBe(400);
  });

  it.skipIf(!lpPresent)('lists the spooler’s printers, prints a ticket at 80 mm, and an admin test page', async () => {
    const clerk = await hub.login(...DEMO.clerk1);
    const printers = (await hub.api('GET', '/printers', { token: clerk })).body as { name: string }[];
    expect(printers.map((p) => p.name)).toContain(CUPS_PDF_QUEUE);

    const kiosk = await hub.pairDevice('kiosk');
    const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 3 } });
    const prefix = `MotCua_ticket_${t.body.ticket.number}`;
    clearSpooled(prefix);
    const printed = await hub.api('POST', `/tickets/${t.body.ticket.id}/print`, { token: kiosk, body: { printer: CUPS_PDF_QUEUE } });
    expect(printed.status).toBe(200);
    const size = pdfPageSizeMm(await waitForSpooledPdf(outDir, prefix));
    expect(Math.abs(size.w - 80)).toBeLessThan(1);

    expect((await hub.api('POST', '/printers/test-page', { token: clerk, body: { printer: CUPS_PDF_QUEUE } })).status).toBe(403);
    const admin = await hub.login();
    clearSpooled('MotCua_test_page');
    expect((await hub.api('POST', '/printers/test-page', { token: admin, body: { printer: CUPS_PDF_QUEUE } })).status).toBe(200);
    await waitForSpooledPdf(outDir, 'MotCua_test_page');
  });

  it.skipIf(!lpPresent)('a printer failure reaches the clerk as a clear message, and the ticket stays', async () => {
    const kiosk = await hub.pairDevice('kiosk');
    const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 2 } });
    const r = await hub.api('POST', `/tickets/${t.body.ticket.id}/print`, { token: kiosk, body: { printer: 'Máy in không có' } });
    expect(r.status).toBe(502);
    expect(r.body.error).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'PRINTER_NOT_FOUND', printer: 'Máy in không có' } });
    expect(r.body.error.message).toMatch(/not found/);
    expect(hub.query('SELECT id FROM tickets WHERE id = ?', t.body.ticket.id)).toHaveLength(1);
  });
});
