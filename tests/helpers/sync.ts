import type { TestHub } from './hub';

/** 1.001022 "Đăng ký nhận cha, mẹ, con" in the seeded catalogue. */
export function dossierBody(over: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001022',
    applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Số 1 phố Huế, Hà Nội' },
    documents: [{ nameVi: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
    sets: 1,
    feeCollected: 0,
    resultDelivery: 'counter',
    notes: '',
    ...over,
  };
}

/** Presses "sync now" until `done` holds (pull pages are bounded; a few rounds may be needed). */
export async function syncUntil(hub: TestHub, admin: string, done: () => Promise<boolean>, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await hub.api('POST', '/sync/now', { token: admin });
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('sync did not reach the expected state');
}
