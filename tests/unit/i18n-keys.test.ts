import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/shared/i18n';
import { leafKeys, sourceText, templatePrefixes, unusedKeys, type Tree } from '../helpers/i18nKeys';

/**
 * Locale keys cannot pile up unused: every key of vi.json, en.json and the
 * area files (<area>.vi.json, <area>.en.json) is referred to by some source in
 * src/, literally or through a key built from a template (`status.${x}`).
 * Keys read in ways a scan cannot see are listed here, each with its reason.
 */
const DYNAMIC_PREFIXES = [
  // src/main/services/audit.ts reads the CSV's column heads as an object (messages[lang].audit.csv).
  'audit.csv.',
];

const I18N_DIR = path.join('src', 'shared', 'i18n');
const SOURCE = sourceText('src');
const ALL_KEYS = [...new Set([...leafKeys(messages.vi as Tree), ...leafKeys(messages.en as Tree)])];

describe('i18n keys', () => {
  it('every key is used by some source', () => {
    expect(unusedKeys(ALL_KEYS, SOURCE, DYNAMIC_PREFIXES)).toEqual([]);
  });

  it('each allowed dynamic prefix still names keys (a stale entry would hide new unused ones)', () => {
    for (const p of DYNAMIC_PREFIXES) expect(ALL_KEYS.some((k) => k.startsWith(p)), p).toBe(true);
  });

  it('the finder flags an unused key and sees keys built from templates and plural forms', () => {
    const source = "t('a.used'); t(`status.${s}`); t(`voice.lang_${l}`); t('n.count', { count });";
    expect(templatePrefixes(source).sort()).toEqual(['status.', 'voice.lang_']);
    const keys = ['a.used', 'a.unused', 'status.waiting', 'voice.lang_vi', 'n.count_one', 'n.count_other', 'dyn.x', 'statusx.y'];
    expect(unusedKeys(keys, source, ['dyn.'])).toEqual(['a.unused', 'statusx.y']);
  });

  it('no Vietnamese resource names the district level but as the former one, gone since 1 July 2025', () => {
    const files = fs.readdirSync(I18N_DIR).filter((f) => /(^|\.)vi\.json$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const leaves = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(leaves));
    for (const f of files) {
      for (const text of leaves(JSON.parse(fs.readFileSync(path.join(I18N_DIR, f), 'utf8')))) {
        const lower = text.normalize('NFC').toLocaleLowerCase('vi');
        expect(lower.includes('huyện/tỉnh'), `${f}: ${text}`).toBe(false);
        // An old dossier keeps its level, and the importer says the level is gone: both name the reform's date.
        if (lower.includes('cấp huyện')) expect(lower, `${f}: ${text}`).toContain('01/7/2025');
      }
    }
  });
});
