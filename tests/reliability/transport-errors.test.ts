import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub';

/**
 * Regression tests for what the route fuzzer found: requests Fastify refuses
 * before any route runs (an address that does not decode, a path part past the
 * length limit, headers past Node's limit) were answered in Fastify's own shape,
 * not the contract's `{ error: { code, message } }`.
 */
let hub: TestHub;
beforeAll(async () => (hub = await startTestHub()));
afterAll(async () => hub.close());

function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(hub.url + path, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('answers given before a route runs have the contract error shape', () => {
  it('an address that does not decode (%zz, a lone surrogate) is a 400 VALIDATION_FAILED', async () => {
    for (const p of ['/api/v1/dossiers/%zz', '/api/v1/tickets/%ED%A0%80/pdf']) {
      const r = await raw(p);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toMatch(/address/);
    }
  });

  it('a path part past the length limit is a 404 NOT_FOUND', async () => {
    const r = await raw(`/api/v1/dossiers/${'X'.repeat(500)}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  it('headers past the size limit are a 431 with the error shape, and the hub keeps answering', async () => {
    const r = await raw(`/api/v1/health?q=${'%C6%B0'.repeat(6000)}`);
    expect(r.status).toBe(431);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect((await hub.api('GET', '/health')).status).toBe(200);
  });
});
