import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { openSse } from '../helpers/sse';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub.close());

describe('live events (SSE)', () => {
  it('refuses a screen without a token', async () => {
    const res = await fetch(`${hub.url}/api/v1/events`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('greets with the board, then pushes every change and every call', async () => {
    const display = await hub.pairDevice('display');
    const kiosk = await hub.pairDevice('kiosk');
    const sse = openSse(`${hub.url}/api/v1/events?access_token=${display}`);
    await sse.ready;
    const hello = await sse.next((e) => e.event === 'hello');
    expect(hello.data.office.name).toBe('Trung tâm Phục vụ hành chính công phường Ba Đình');
    expect(hello.data.counters).toHaveLength(5);

    await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1 } });
    const board = await sse.next((e) => e.event === 'board' && e.data.waiting.find((w: { prefix: string }) => w.prefix === 'A').waiting === 1);
    expect(board.data.lastCalls).toEqual([]);

    const clerk = await hub.login(...DEMO.clerk1);
    await hub.api('POST', '/counters/2/open', { token: clerk });
    const sent = Date.now();
    const called = await hub.api('POST', '/counters/2/call-next', { token: clerk });
    const call = await sse.next((e) => e.event === 'call');
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(call.data).toMatchObject({ ticketNumber: 'A001', counterNumber: 2, counterName: 'Quầy 2', recall: false });
    const after = await sse.next((e) => e.event === 'board' && e.data.lastCalls.length === 1);
    expect(after.data.counters.find((c: { number: number }) => c.number === 2)).toMatchObject({ ticketNumber: 'A001', ticketStatus: 'called', open: true });

    await hub.api('POST', `/tickets/${called.body.current.id}/recall`, { token: clerk });
    const recall = await sse.next((e) => e.event === 'call' && e.data.recall === true);
    expect(recall.data.ticketNumber).toBe('A001');
    sse.close();
  });

  it('never puts a person on the public board', async () => {
    const display = await hub.pairDevice('display');
    const board = (await hub.api('GET', '/display', { token: display })).body;
    const text = JSON.stringify(board);
    expect(text).not.toContain('Nguyễn Thị Lan'); // the clerk at counter 2
    expect(text).not.toContain('canbo');
  });
});

describe('settings the lobby screens follow', () => {
  it('the kiosk return time travels with the board, and a change is pushed at once', async () => {
    const display = await hub.pairDevice('display');
    const sse = openSse(`${hub.url}/api/v1/events?access_token=${display}`);
    await sse.ready;
    expect((await sse.next((e) => e.event === 'hello')).data.office.kioskReturnSeconds).toBe(15);
    const admin = await hub.login();
    const settings = (await hub.api('GET', '/admin/settings', { token: admin })).body;
    await hub.api('PUT', '/admin/settings', { token: admin, body: { ...settings, kioskReturnSeconds: 30 } });
    await sse.next((e) => e.event === 'board' && e.data.office.kioskReturnSeconds === 30);
    sse.close();
  });
});
