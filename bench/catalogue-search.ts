/**
 * Catalogue search per keystroke: 10 000 generated procedures (real field,
 * verb and object words, so names look real) in a temporary store with the
 * hub's schema. The hub's repository search (FTS5 over folded text, every word
 * a prefix, bm25 then name, LIMIT 20) against a baseline LIKE '%word%' scan
 * over a folded column of the same rows (AND of every word, ORDER BY name,
 * LIMIT 20). Queries: "dang ky khai sinh" typed one letter at a time, and 20
 * other queries typed the same way. Recall of both against the expected set
 * (every word a prefix of some folded word of the code, names or field),
 * measured without the limit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/main/db/open';
import { createStore } from '../src/main/db/store';
import { indexedText, searchTokens } from '../src/main/db/repos/catalogue';
import { foldVietnamese } from '../src/shared/domain/textFold';
import type { Procedure } from '../src/shared/api/catalogue';
import { summarise, type Summary } from './lib/stats';

export const CATALOGUE_DEFAULTS = { procedures: 10_000, limit: 20, repeats: 5 };

const FIELDS: [string, string][] = [
  ['Hộ tịch', 'Civil status'], ['Chứng thực', 'Authentication'], ['Đất đai', 'Land'], ['Xây dựng', 'Construction'], ['Hộ kinh doanh', 'Business households'],
  ['Bảo trợ xã hội', 'Social protection'], ['Người có công', 'People with meritorious services'], ['Giáo dục và Đào tạo', 'Education and training'],
  ['Văn hóa – Thể thao', 'Culture and sports'], ['Tín ngưỡng, tôn giáo', 'Belief and religion'], ['Thi đua – Khen thưởng', 'Emulation and commendation'], ['Hòa giải ở cơ sở', 'Grassroots mediation'],
];
const VERBS = ['Đăng ký', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Điều chỉnh', 'Gia hạn', 'Thay đổi, cải chính', 'Xác nhận', 'Công nhận', 'Chứng thực', 'Thu hồi', 'Giải quyết', 'Hỗ trợ', 'Thông báo', 'Đính chính', 'Chấm dứt'];
const OBJECTS = [
  'khai sinh', 'kết hôn', 'khai tử', 'giám hộ', 'nhận cha, mẹ, con', 'giấy phép xây dựng', 'Giấy chứng nhận quyền sử dụng đất', 'hộ kinh doanh', 'trợ cấp xã hội hằng tháng',
  'Giấy xác nhận khuyết tật', 'hộ nghèo, hộ cận nghèo', 'văn bằng, chứng chỉ', 'hợp đồng, giao dịch', 'di chúc', 'chữ ký người dịch', 'bản sao từ bản chính', 'dịch vụ karaoke',
  'sinh hoạt tôn giáo tập trung', 'hoạt động tín ngưỡng', 'lễ hội', 'thư viện cộng đồng', 'nhóm trẻ, lớp mẫu giáo độc lập', 'tổ hòa giải', 'danh hiệu Gia đình văn hóa',
  'chế độ thờ cúng liệt sĩ', 'mai táng phí', 'tình trạng hôn nhân', 'trích lục hộ tịch', 'biến động đất đai', 'chuyển mục đích sử dụng đất',
];
const QUALIFIERS = ['', 'lưu động', 'có yếu tố nước ngoài', 'cho người đã có hồ sơ, giấy tờ cá nhân', 'tại Ủy ban nhân dân cấp xã', 'đối với nhà ở riêng lẻ', 'do bị mất', 'trong năm', 'tại Hà Nội', 'tại Đà Nẵng', 'ở khu vực biên giới', 'liên thông'];

/** A deterministic generator (mulberry32), so every run searches the same catalogue. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateProcedures(n: number): Procedure[] {
  const r = rng(20251123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const [fieldVi, fieldEn] = pick(FIELDS);
    const nameVi = [pick(VERBS), pick(OBJECTS), pick(QUALIFIERS)].filter(Boolean).join(' ');
    const code = i % 2 === 0 ? `${1 + (i % 3)}.${String(100000 + i).padStart(6, '0')}` : `DP-BM-${String(i % 1000).padStart(3, '0')}`;
    const unique = code.startsWith('DP') ? `DP-B${String.fromCharCode(65 + Math.floor(i / 1000) % 26)}${String.fromCharCode(65 + Math.floor(i / 26000))}-${String(i % 1000).padStart(3, '0')}` : code;
    return {
      code: unique,
      nationalCode: unique.startsWith('DP') ? null : unique,
      nameVi,
      nameEn: `Procedure ${i}`,
      fieldVi,
      fieldEn,
      level: r() < 0.6 ? 'commune' : 'province',
      implementingAgency: null,
      processing: { value: Math.floor(r() * 20), unit: 'working_days', noteVi: null, noteEn: null },
      fee: { amount: 0, textVi: 'Miễn lệ phí', textEn: 'No fee' },
      documents: [{ nameVi: 'Tờ khai (theo mẫu)', nameEn: 'Form', originals: 1, certifiedCopies: 0, photocopies: 0 }],
      steps: [{ vi: 'Nộp hồ sơ', en: 'Submit' }],
      legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
      resultMethods: ['counter'],
    } satisfies Procedure;
  });
}

/** Full queries; each is also typed one letter at a time. Diacritics, đ, capitals, NFD and codes among them. */
export const QUERIES = [
  'dang ky khai sinh', 'Đăng ký kết hôn', 'ĐĂNG KÝ KHAI TỬ', 'cap lai giay phep xay dung', 'chứng thực bản sao', 'ha noi', 'Hà Nội', 'da nang', 'Đà Nẵng',
  'ho kinh doanh', 'tro cap xa hoi', 'giấy xác nhận khuyết tật', 'ho ngheo', 'karaoke', 'tín ngưỡng', 'ton giao', 'hoa giai', 'mai tang phi', 'dat dai',
  'đăng ký khai sinh lưu động'.normalize('NFD'), '1.0011',
];

/** Every prefix a kiosk sends while the query is typed (a trailing space sends nothing new). */
export function keystrokes(q: string): string[] {
  const out: string[] = [];
  const chars = [...q.normalize('NFC')];
  for (let i = 1; i <= chars.length; i++) {
    const p = chars.slice(0, i).join('');
    if (!p.endsWith(' ')) out.push(p);
  }
  return out;
}

export interface CatalogueFigures {
  keystrokes: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  recall: number;
  /** Answers outside the expected set, over all full queries (LIKE matches inside words). */
  extra: number;
}

export interface CatalogueResult {
  config: typeof CATALOGUE_DEFAULTS;
  fts: CatalogueFigures;
  like: CatalogueFigures;
  ratio: { p50: number; p95: number };
  perQueryRecall: { query: string; expected: number; fts: number; like: number }[];
}

export function runCatalogueBench(cfg = CATALOGUE_DEFAULTS): CatalogueResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-catalogue-'));
  const db = openStore(path.join(dir, 'catalogue.sqlite'));
  try {
    const store = createStore(db);
    const procs = generateProcedures(cfg.procedures);
    store.write(() => procs.forEach((p) => store.catalogue.upsert(p, 0)));
    // The baseline's folded column: the same folded text the index holds, in a plain table.
    db.exec('CREATE TABLE baseline (id INTEGER PRIMARY KEY, code TEXT NOT NULL, folded TEXT NOT NULL, sort_key TEXT NOT NULL) STRICT');
    const ins = db.prepare('INSERT INTO baseline (code, folded, sort_key) VALUES (?, ?, ?)');
    const words = new Map<string, string[]>();
    db.transaction(() => {
      for (const p of procs) {
        const t = indexedText(p);
        const folded = `${t.code} ${t.name} ${t.field}`;
        ins.run(p.code, folded, foldVietnamese(p.nameVi));
        words.set(p.code, searchTokens(folded));
      }
    })();
    db.exec('ANALYZE');
    const likeStatements = new Map<number, ReturnType<typeof db.prepare<unknown[], string>>>();
    const likeSearch = (q: string, limit: number): string[] => {
      const tokens = searchTokens(q);
      if (tokens.length === 0) return [];
      let st = likeStatements.get(tokens.length);
      if (!st) {
        st = db.prepare<unknown[], string>(`SELECT code FROM baseline WHERE ${tokens.map(() => "folded LIKE ? ESCAPE '\\'").join(' AND ')} ORDER BY sort_key LIMIT ?`).pluck();
        likeStatements.set(tokens.length, st);
      }
      return st.all([...tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), limit]);
    };
    const ftsSearch = (q: string, limit: number) => store.catalogue.search({ q, limit }).map((i) => i.code);
    const expected = (q: string) => {
      const tokens = searchTokens(q);
      return procs.filter((p) => tokens.every((t) => words.get(p.code)!.some((w) => w.startsWith(t)))).map((p) => p.code);
    };

    // Recall, without the limit.
    const perQueryRecall: CatalogueResult['perQueryRecall'] = [];
    let exp = 0, ftsHit = 0, likeHit = 0, ftsExtra = 0, likeExtra = 0;
    for (const q of QUERIES) {
      const want = new Set(expected(q));
      const f = ftsSearch(q, 1_000_000);
      const l = likeSearch(q, 1_000_000);
      const fHit = f.filter((c) => want.has(c)).length;
      const lHit = l.filter((c) => want.has(c)).length;
      exp += want.size;
      ftsHit += fHit;
      likeHit += lHit;
      ftsExtra += f.length - fHit;
      likeExtra += l.length - lHit;
      perQueryRecall.push({ query: q, expected: want.size, fts: fHit, like: lHit });
    }

    // Timing per keystroke, LIMIT as the kiosk asks; warm up once, then alternate which goes first.
    const strokes = QUERIES.flatMap(keystrokes);
    for (const s of strokes) {
      ftsSearch(s, cfg.limit);
      likeSearch(s, cfg.limit);
    }
    const tf: number[] = [];
    const tl: number[] = [];
    for (let k = 0; k < cfg.repeats; k++) {
      for (const s of strokes) {
        const order = k % 2 === 0 ? ([ftsSearch, likeSearch] as const) : ([likeSearch, ftsSearch] as const);
        for (const fn of order) {
          const t0 = performance.now();
          fn(s, cfg.limit);
          (fn === ftsSearch ? tf : tl).push(performance.now() - t0);
        }
      }
    }
    const fig = (s: Summary, recall: number, extra: number): CatalogueFigures => ({ keystrokes: strokes.length, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, recall, extra });
    const fs1 = summarise(tf);
    const ls = summarise(tl);
    return {
      config: cfg,
      fts: fig(fs1, exp ? ftsHit / exp : 1, ftsExtra),
      like: fig(ls, exp ? likeHit / exp : 1, likeExtra),
      ratio: { p50: fs1.p50 / ls.p50, p95: fs1.p95 / ls.p95 },
      perQueryRecall,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
