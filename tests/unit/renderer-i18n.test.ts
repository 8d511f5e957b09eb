import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { messages } from '../../src/shared/i18n';
import { ERROR_CODES } from '../../src/shared/api';
import { PRIORITY_REASONS, TICKET_STATUSES } from '../../src/shared/domain';

type Tree = { [k: string]: string | Tree };
const vi = messages.vi as Tree;
const en = messages.en as Tree;

/** Flattened keys, with i18next plural suffixes folded (ahead_one/ahead_other → ahead). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(full.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const sub of keys(v, full)) out.add(sub);
  }
  return out;
}
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

const viKeys = keys(vi as Tree);
const enKeys = keys(en as Tree);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('renderer locale resources', () => {
  it('Vietnamese and English have the same keys', () => {
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('no translation is empty, and placeholders match between languages', () => {
    const enMap = new Map(leaves(en as Tree));
    for (const [k, v] of leaves(vi as Tree)) {
      expect(v.trim(), k).not.toBe('');
      const base = k.replace(/_(one|other)$/, '');
      const other = enMap.get(k) ?? enMap.get(`${base}_other`) ?? enMap.get(base);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(other, k).toBeDefined();
      expect(vars(other!), k).toEqual(vars(v));
    }
  });

  it('every error code of the contract has a translation', () => {
    for (const code of [...ERROR_CODES, 'HUB_UNREACHABLE']) {
      expect(viKeys.has(`errors.${code}`), code).toBe(true);
      expect(enKeys.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('every priority reason, ticket status and role is translated', () => {
    for (const r of PRIORITY_REASONS) expect(viKeys.has(`priority.${r}`), r).toBe(true);
    for (const s of TICKET_STATUSES) expect(viKeys.has(`ticketStatus.${s}`), s).toBe(true);
    for (const r of ['kiosk', 'display', 'counter', 'clerk', 'admin']) expect(viKeys.has(`roles.${r}`), r).toBe(true);
  });

  it("every literal key the renderer passes to t() exists", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(__dirname, '../../src/renderer'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!viKeys.has(m[1]!)) missing.push(`${path.basename(file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
