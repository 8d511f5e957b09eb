import type { Store } from './store';
import { hashPin } from '../services/pinHash';
import { catalogueFileSchema } from '../../shared/api/catalogue';
import catalogueFile from '../../../assets/catalogue/procedures.json';
import { formSettingsRepo } from './repos/formSettings';

/**
 * The demo office seeded on first run (README lists its credentials), so
 * `npm start` shows a working office at once. A real office replaces names,
 * services, counters and clerks in /admin.
 */
export const DEMO_CREDENTIALS = {
  admin: { username: 'admin', pin: '123456' },
  clerks: [
    { username: 'canbo1', pin: '111111', fullName: 'Nguyễn Thị Lan' },
    { username: 'canbo2', pin: '222222', fullName: 'Trần Văn Minh' },
  ],
} as const;

const SERVICES = [
  { prefix: 'A', nameVi: 'Tư pháp – Hộ tịch', nameEn: 'Justice and civil status' },
  { prefix: 'B', nameVi: 'Đất đai – Xây dựng', nameEn: 'Land and construction' },
  { prefix: 'C', nameVi: 'Đăng ký kinh doanh', nameEn: 'Business registration' },
  { prefix: 'D', nameVi: 'Lao động – Thương binh và Xã hội', nameEn: 'Labour, invalids and social affairs' },
  { prefix: 'E', nameVi: 'Chứng thực', nameEn: 'Authentication of copies and signatures' },
];

const COUNTERS = [
  { number: 1, name: 'Quầy 1', prefixes: ['A', 'E'] },
  { number: 2, name: 'Quầy 2', prefixes: ['A'] },
  { number: 3, name: 'Quầy 3', prefixes: ['B'] },
  { number: 4, name: 'Quầy 4', prefixes: ['C', 'D'] },
  { number: 5, name: 'Quầy 5', prefixes: ['A', 'B', 'C', 'D', 'E'] },
];

export function isEmptyStore(store: Store): boolean {
  return store.clerks.list().length === 0;
}

export async function seedDemoOffice(store: Store, now: number): Promise<void> {
  const hashes = await Promise.all([DEMO_CREDENTIALS.admin.pin, ...DEMO_CREDENTIALS.clerks.map((c) => c.pin)].map(hashPin));
  store.write(() => {
    store.settings.setOffice({ name: 'Trung tâm Phục vụ hành chính công phường Ba Đình', agencyCode: '000.00.15.H24' });
    formSettingsRepo(store.db, () => '').setHeader({ parentAgency: 'Ủy ban nhân dân phường Ba Đình', agencyName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', place: 'Ba Đình' });
    const ids = new Map<string, number>();
    SERVICES.forEach((s, i) => ids.set(s.prefix, store.services.insert({ ...s, active: true, sort: i })));
    for (const c of COUNTERS) store.counters.insert({ number: c.number, name: c.name, active: true, serviceIds: c.prefixes.map((p) => ids.get(p)!) });
    store.clerks.insert({ username: DEMO_CREDENTIALS.admin.username, fullName: 'Quản trị viên', role: 'admin', pinHash: hashes[0]! }, now);
    DEMO_CREDENTIALS.clerks.forEach((c, i) => store.clerks.insert({ username: c.username, fullName: c.fullName, role: 'clerk', pinHash: hashes[i + 1]! }, now));
  });
}

/**
 * The bundled procedure catalogue (assets/catalogue/procedures.json, checked
 * against its schema): procedures, documents and search index rows, in one
 * transaction. The hub loads it whenever its catalogue is empty — a new office,
 * demo or not, and a store that predates the catalogue — until the district
 * server sends its own.
 */
export function seedCatalogue(store: Store, now: number): number {
  const { procedures } = catalogueFileSchema.parse(catalogueFile);
  store.write(() => procedures.forEach((p) => store.catalogue.upsert(p, now)));
  return procedures.length;
}

/** A new office without the demo: only the first administrator, with the PIN the installer chose. */
export async function seedFirstAdmin(store: Store, pin: string, now: number): Promise<void> {
  const pinHash = await hashPin(pin);
  store.write(() => store.clerks.insert({ username: 'admin', fullName: 'Quản trị viên', role: 'admin', pinHash }, now));
}
