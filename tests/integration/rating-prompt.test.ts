/**
 * The hub's rule for what the rating tablet at a counter may rate: always the
 * service that ended there last (a finished ticket or a result handed back),
 * replacing an older one whether it was answered or not; offered for 2 minutes,
 * taken for 5; a refused rating says why (RATING_EXPIRED: replaced or timed
 * out), and a refusal stores nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { receiptQrPayload } from '../../src/shared/domain';
import { DEMO, fakeClock, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
afterEach(async () => hub?.close());

const MIN = 60_000;

async function office() {
  const clock = fakeClock('2026-11-24T02:00:00Z'); // 09:00 in Hà Nội
  hub = await startTestHub({ clock: clock.now });
  const tablet = await hub.pairDevice('counter', 'Máy tính bảng quầy 1');
  const kiosk = await hub.pairDevice('kiosk');
  const clerk = await hub.login(...DEMO.clerk1);
  expect((await hub.api('POST', '/counters/1/open', { token: clerk })).status).toBe(200);
  const prompt = async () => (await hub.api('GET', '/ratings/prompt?counterId=1', { token: tablet })).body.prompt as { key: string; ticketNumber: string | null; kind: string } | null;
  const rate = (key: string) => hub.api('POST', '/ratings', { token: tablet, body: { counterId: 1, key, level: 'satisfied' } });
  const stored = () => hub.query('SELECT * FROM ratings ORDER BY created_at');
  /** A citizen of service A is called, served for `minutes` and finished (by the finish button, or by calling the next one). */
  const serve = async (minutes: number) => {
    await hub.api('POST', '/tickets', { token: kiosk, body: { serviceId: 1, priority: null } });
    const called = await hub.api('POST', '/counters/1/call-next', { token: clerk });
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    await hub.api('POST', `/tickets/${called.body.current.id}/start`, { token: clerk });
    clock.advance(minutes * MIN);
    return called.body.current as { id: number; number: string };
  };
  const finish = async (id: number) => expect((await hub.api('POST', `/tickets/${id}/finish`, { token: clerk })).status).toBe(200);
  return { clock, clerk, kiosk, prompt, rate, stored, serve, finish };
}

describe('what the rating tablet may rate', () => {
  it('two tickets finished in a row: the tablet is offered the second; the first is refused as replaced, and nothing is stored', async () => {
    const o = await office();
    const a = await o.serve(3);
    await o.finish(a.id);
    expect(await o.prompt()).toMatchObject({ key: `t:${a.id}`, ticketNumber: 'A001', kind: 'ticket' });
    const b = await o.serve(3);
    await o.finish(b.id);
    expect(await o.prompt()).toMatchObject({ key: `t:${b.id}`, ticketNumber: 'A002' });

    const refused = await o.rate(`t:${a.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'RATING_EXPIRED', details: { reason: 'replaced' } });
    expect(o.stored()).toEqual([]);

    expect((await o.rate(`t:${b.id}`)).status).toBe(200);
    // The older, unanswered ticket is never offered again once a newer one ended.
    expect(await o.prompt()).toBeNull();
    expect((await o.rate(`t:${a.id}`)).body.error.code).toBe('RATING_EXPIRED');
    expect((await o.rate(`t:${b.id}`)).body.error.code).toBe('ALREADY_RATED');
    expect(o.stored()).toHaveLength(1);
  });

  it('calling the next citizen finishes the one served: that one is offered, not an older ticket', async () => {
    const o = await office();
    const a = await o.serve(2);
    await o.finish(a.id);
    // B is served; calling C finishes B: the citizen getting up from the counter is B.
    const b = await o.serve(4);
    await o.serve(0);
    expect(await o.prompt()).toMatchObject({ key: `t:${b.id}`, ticketNumber: 'A002' });
  });

  it('a stale prompt expires: offered 2 minutes after the service, a rating taken for 5', async () => {
    const o = await office();
    const a = await o.serve(2);
    await o.finish(a.id);
    o.clock.advance(2 * MIN - 1000);
    expect(await o.prompt()).toMatchObject({ key: `t:${a.id}` });
    o.clock.advance(2000);
    expect(await o.prompt()).toBeNull();
    // A citizen who began answering in time can still finish the form.
    o.clock.advance(2 * MIN);
    expect((await o.rate(`t:${a.id}`)).status).toBe(200);

    const b = await o.serve(2);
    await o.finish(b.id);
    o.clock.advance(5 * MIN + 1000);
    const late = await o.rate(`t:${b.id}`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'RATING_EXPIRED', details: { reason: 'timed_out' } });
    expect(o.stored()).toHaveLength(1);
  });

  it('a result handed back earlier is not offered again after a newer ticket at the counter was rated', async () => {
    const o = await office();
    const dossier = (
      await hub.api('POST', '/dossiers', {
        token: o.clerk,
        body: {
          procedureCode: '1.001022',
          applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: '', address: 'Số 1 phố Huế, Hà Nội' },
          documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
          sets: 1,
          feeCollected: 0,
          resultDelivery: 'counter',
          notes: '',
        },
      })
    ).body as { code: string; secret: string };
    expect((await hub.api('POST', `/dossiers/${dossier.code}/result-ready`, { token: o.clerk, body: { note: '' } })).status).toBe(200);
    expect((await hub.api('POST', `/dossiers/${dossier.code}/hand-back`, { token: o.clerk, body: { scanned: receiptQrPayload(dossier.code, dossier.secret) } })).status).toBe(200);
    expect(await o.prompt()).toMatchObject({ key: `d:${dossier.code}`, kind: 'dossier' });

    const a = await o.serve(1);
    await o.finish(a.id);
    expect(await o.prompt()).toMatchObject({ key: `t:${a.id}` });
    expect((await o.rate(`t:${a.id}`)).status).toBe(200);
    expect(await o.prompt()).toBeNull();
    const refused = await o.rate(`d:${dossier.code}`);
    expect(refused.body.error).toMatchObject({ code: 'RATING_EXPIRED', details: { reason: 'replaced' } });
    // A key that was never open at this counter is not "expired": there is nothing to rate under it.
    expect((await o.rate('t:99999')).body.error.code).toBe('RATING_NOT_OPEN');
    expect(o.stored()).toHaveLength(1);
  });
});
