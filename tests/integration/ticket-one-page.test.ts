import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub';
import { serviceBody } from '../../src/shared/api/schemas';

/**
 * A ticket is ONE page (one slip off an 80 mm roll) in every language, for every service name
 * the admin can enter, priority or not. English names are the long ones: the seeded D and E with
 * a priority line put the footer on a second page before. The longest name the schema accepts is
 * read from the schema itself, so the test follows it if it changes.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ticket-'));
fs.mkdirSync('test-results', { recursive: true });
function pdf(bytes: Buffer, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return {
    file,
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
    size: /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!.slice(1).map(Number),
    flat: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  };
}

/** The schema's limit for a service name, found by asking it (not copied from it). */
function maxLength(field: 'nameVi' | 'nameEn'): number {
  let n = 1;
  const ok = (len: number) => serviceBody.safeParse({ nameVi: 'x', nameEn: 'x', prefix: 'Q', [field]: 'a'.repeat(len) }).success;
  while (ok(n * 2)) n *= 2;
  let hi = n * 2;
  while (hi - n > 1) {
    const mid = (n + hi) >> 1;
    if (ok(mid)) n = mid;
    else hi = mid;
  }
  return n;
}

/** Words of a real-looking name, cut to exactly `len` characters (no trailing space). */
function longName(words: string, len: number): string {
  let s = '';
  while (s.length < len) s += `${words} `;
  s = s.slice(0, len);
  return s.endsWith(' ') ? `${s.slice(0, -1)}x` : s;
}

let hub: TestHub;
let admin: string;
let kiosk: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login();
  kiosk = await hub.pairDevice('kiosk', 'Kiosk vé dài');
  // The longest office name too: it heads every ticket.
  const office = (await hub.api('GET', '/office', { token: admin })).body as { name: string; agencyCode: string };
  const put = await hub.api('PUT', '/admin/office', { token: admin, body: { name: longName('Trung tâm Phục vụ hành chính công phường', 200), agencyCode: office.agencyCode } });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(async () => hub?.close());

async function ticketPdf(serviceId: number, priority: string | null, lang: 'vi' | 'en', name: string) {
  const t = await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId, priority } });
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  const res = await fetch(`${hub.url}/api/v1/tickets/${t.body.ticket.id}/pdf?lang=${lang}`, { headers: { authorization: `Bearer ${kiosk}` } });
  expect(res.status).toBe(200);
  return { number: t.body.ticket.number as string, ...pdf(Buffer.from(await res.arrayBuffer()), name) };
}

describe('the ticket is one page', () => {
  it('finds the schema’s limit (120 characters) and refuses one more, adding nothing', async () => {
    expect(maxLength('nameVi')).toBe(120);
    expect(maxLength('nameEn')).toBe(120);
    const before = (await hub.api('GET', '/admin/services', { token: admin })).body.length;
    const r = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi: 'a'.repeat(121), nameEn: 'Too long', prefix: 'Q' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect((await hub.api('GET', '/admin/services', { token: admin })).body.length).toBe(before);
  });

  it('the seeded D and E in English, with a priority line: one page, the footer on it', async () => {
    for (const [id, name] of [
      [4, 'Labour, invalids and social affairs'],
      [5, 'Authentication of copies and signatures'],
    ] as const) {
      for (const priority of ['small_child', null]) {
        const p = await ticketPdf(id, priority, 'en', `seed-${id}-${priority}`);
        expect(p.pages, `${name} ${priority}`).toBe(1);
        expect(p.flat).toContain(name);
        expect(p.flat).toContain('Thank you!');
        expect(p.size[0]).toBeCloseTo(226.77, 1);
      }
    }
  });

  it('the longest names the admin can enter, in both languages, priority and not: one page, nothing cut', async () => {
    const nameVi = longName('Lao động – Thương binh và Xã hội, Bảo trợ xã hội', maxLength('nameVi'));
    const nameEn = longName('Labour, invalids and social affairs, social protection', maxLength('nameEn'));
    const created = await hub.api('POST', '/admin/services', { token: admin, body: { nameVi, nameEn, prefix: 'LL' } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const counter = (await hub.api('GET', '/counters', { token: admin })).body[0];
    expect((await hub.api('PUT', `/admin/counters/${counter.id}`, { token: admin, body: { number: counter.number, name: counter.name, serviceIds: [...counter.serviceIds, created.body.id] } })).status).toBe(200);
    for (const lang of ['vi', 'en'] as const) {
      for (const priority of ['disability', null]) {
        const p = await ticketPdf(created.body.id, priority, lang, `long-${lang}-${priority}`);
        expect(p.pages, `${lang} ${priority}`).toBe(1);
        // Every word of the name is on the page (wrapped, maybe smaller, never cut).
        expect(p.flat.replace(/ /g, '')).toContain((lang === 'vi' ? nameVi : nameEn).replace(/ /g, ''));
        expect(p.flat).toContain(p.number);
        expect(p.flat).toContain(lang === 'vi' ? 'Xin cảm ơn Ông/Bà!' : 'Thank you!');
        expect(p.flat.replace(/ /g, '')).toContain(longName('Trung tâm Phục vụ hành chính công phường', 200).toUpperCase().replace(/ /g, ''));
        if (lang === 'en' && priority) execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', p.file, path.join('test-results', 'ticket-longest-en-priority')]);
        if (lang === 'vi' && priority) execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', p.file, path.join('test-results', 'ticket-longest-vi-priority')]);
      }
    }
  });
});
