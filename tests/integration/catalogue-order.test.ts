import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub';
import { openStore } from '../../src/main/db/open';
import { createStore } from '../../src/main/db/store';
import { compareText } from '../../src/shared/domain/collate';
import type { Procedure } from '../../src/shared/api';

/**
 * The kiosk's field and procedure lists arrive in Vietnamese order from the hub, over HTTP:
 * "Đất đai" between "Dân số" and "Giáo dục", not last (SQLite's ORDER BY is code-point order).
 */
let hub: TestHub;
let kiosk: string;
beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await hub.pairDevice('kiosk', 'Kiosk thứ tự');
  // A field whose name starts with D (the seed has "Đất đai" and "Giáo dục và Đào tạo"), written
  // through a second connection to the hub's own file, as the district pull would write it.
  const db = openStore(path.join(hub.dataDir, 'motcua.sqlite'));
  try {
    const store = createStore(db);
    const base = store.catalogue.get('1.001193')!;
    const add = (code: string, nameVi: string, fieldVi: string, fieldEn: string) =>
      store.catalogue.upsert({ ...base, code, nationalCode: null, nameVi, nameEn: nameVi, fieldVi, fieldEn } as Procedure, Date.now());
    add('DP-DS-001', 'Đăng ký tạm trú', 'Dân số', 'Population');
    add('DP-DS-002', 'Cấp giấy xác nhận', 'Dân số', 'Population');
    add('DP-DS-003', 'Ăn uống — giấy chứng nhận', 'Dân số', 'Population');
    add('DP-DS-004', 'Báo cáo', 'Dân số', 'Population');
    // Folded ("dich vu" > "dang ky") it would come after; in Vietnamese D comes before Đ.
    add('DP-DS-005', 'Dịch vụ công', 'Dân số', 'Population');
  } finally {
    db.close();
  }
});
afterAll(async () => hub?.close());

describe('sorted lists from the hub', () => {
  it('the fields: Vietnamese order, "Đất đai" right after "Dân số" and before "Giáo dục…"', async () => {
    const r = await hub.api('GET', '/procedure-fields', { token: kiosk });
    expect(r.status).toBe(200);
    const names = (r.body as { fieldVi: string }[]).map((f) => f.fieldVi);
    expect(names).toEqual([...names].sort(compareText));
    const at = (n: string) => names.indexOf(n);
    expect(at('Dân số')).toBeGreaterThanOrEqual(0);
    expect(at('Đất đai')).toBe(at('Dân số') + 1);
    expect(at('Giáo dục và Đào tạo')).toBe(at('Đất đai') + 1);
    expect(names.at(-1)).toBe('Xây dựng');
  });
  it('the procedures of a field: Vietnamese order (Ă after A-words, Đ after D-words)', async () => {
    const r = await hub.api('GET', `/procedures?field=${encodeURIComponent('Dân số')}&limit=100`, { token: kiosk });
    expect(r.status).toBe(200);
    expect((r.body.items as { nameVi: string }[]).map((p) => p.nameVi)).toEqual(['Ăn uống — giấy chứng nhận', 'Báo cáo', 'Cấp giấy xác nhận', 'Dịch vụ công', 'Đăng ký tạm trú']);
  });
  it('a field that does not exist is an empty list, not an error', async () => {
    const r = await hub.api('GET', `/procedures?field=${encodeURIComponent('Không có')}`, { token: kiosk });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
  });
});
