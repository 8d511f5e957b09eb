import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages, resources } from '../../src/shared/i18n';
import { alertText } from '../../src/renderer/supervisor/AlertsBanner';
import { docCountsText } from '../../src/renderer/counter/dossiers/format';

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
const en = new Map(leaves(messages.en as Tree));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

beforeAll(async () => {
  // The renderer's helpers use the global i18next, as the screens do.
  await i18next.init({ resources, lng: 'en', fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
});

describe('English counts use plural forms, never "(s)"', () => {
  it('no English string says "(s)"', () => {
    expect([...en].filter(([, v]) => /\w\(s\)/.test(v))).toEqual([]);
  });

  it('every English string that shows {{count}} has its _one and _other forms', () => {
    const bad = [...en.keys()].filter((k) => /\{\{count\}\}/.test(en.get(k)!) && !/_(one|other)$/.test(k));
    expect(bad).toEqual([]);
    for (const k of en.keys()) {
      const m = /^(.*)_(one|other)$/.exec(k);
      if (m) expect(en.has(`${m[1]}_one`) && en.has(`${m[1]}_other`), m[1]).toBe(true);
    }
  });

  it('every t(key, { count }) in the screens names a key with English plural forms', () => {
    const calls: string[] = [];
    for (const file of sourceFiles('src/renderer')) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.]+)',\s*\{[^}]*\bcount:/g)) calls.push(m[1]!);
    }
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter((k) => !(en.has(`${k}_one`) && en.has(`${k}_other`)))).toEqual([]);
  });

  it('renders "1 original" and "2 originals"', () => {
    expect(docCountsText({ originals: 1, certifiedCopies: 2, photocopies: 0 })).toBe('1 original · 2 certified copies · 0 photocopies');
    expect(docCountsText({ originals: 2, certifiedCopies: 1, photocopies: 1 })).toBe('2 originals · 1 certified copy · 1 photocopy');
    expect(i18next.t('scan.procedures.originals', { count: 1 })).toBe('1 original');
    expect(i18next.t('sync.indicator.rejected', { count: 1 })).toBe('1 change refused');
    expect(i18next.t('sync.indicator.rejected', { count: 3 })).toBe('3 changes refused');
  });

  it('the alert strip counts dossiers in the singular and the plural', () => {
    const t = i18next.t.bind(i18next) as (k: string, o?: Record<string, unknown>) => string;
    expect(alertText(t, { kind: 'overdue', count: 1, codes: ['A'] }, 'en')).toBe('1 dossier overdue now');
    expect(alertText(t, { kind: 'overdue', count: 2, codes: ['A', 'B'] }, 'en')).toBe('2 dossiers overdue now');
    expect(alertText(t, { kind: 'due_today', count: 1, codes: ['A'] }, 'en')).toBe('1 dossier due for hand-back today');
    expect(alertText(t, { kind: 'too_many_waiting', serviceId: 1, serviceNameVi: 'Hộ tịch', serviceNameEn: 'Civil status', waiting: 7, threshold: 5 }, 'en')).toBe('Civil status: 7 people waiting (threshold 5)');
  });

  it('Vietnamese keeps one form', async () => {
    await i18next.changeLanguage('vi');
    try {
      expect(docCountsText({ originals: 1, certifiedCopies: 2, photocopies: 0 })).toBe('1 bản chính · 2 bản sao chứng thực · 0 bản photo');
      const t = i18next.t.bind(i18next) as (k: string, o?: Record<string, unknown>) => string;
      expect(alertText(t, { kind: 'overdue', count: 1, codes: ['A'] }, 'vi')).toBe('1 hồ sơ đang quá hạn');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
