import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProcedure } from '../../src/shared/domain/procedureRules';
import { catalogueFileSchema, NATIONAL_CODE_PATTERN } from '../../src/shared/api/catalogue';
import { ftsMatchExpression, searchTokens } from '../../src/main/db/repos/catalogue';
import file from '../../assets/catalogue/procedures.json';

describe('the seeded procedure catalogue (assets/catalogue/procedures.json)', () => {
  const parsed = catalogueFileSchema.safeParse(file);
  it('every procedure matches the schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
  const procedures = parsed.data?.procedures ?? [];
  it('has at least 60 procedures over at least 8 fields, on the two tiers of 2025 and no district level', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    expect(new Set(procedures.map((p) => p.fieldVi)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(procedures.map((p) => p.level))).toEqual(new Set(['province', 'commune']));
    expect(JSON.stringify(file)).not.toMatch(/"level":\s*"district"/);
  });
  it('every procedure passes the one validator the import and the district pull use', () => {
    expect(procedures.map((p) => validateProcedure(p)).filter((r) => !r.ok)).toEqual([]);
  });
  it('every national code in the seed is one whose source docs/legal.md names (none invented)', () => {
    const legal = fs.readFileSync(path.join(__dirname, '../../docs/legal.md'), 'utf8');
    const section = legal.slice(legal.indexOf('## Catalogue'));
    const national = procedures.filter((p) => p.nationalCode !== null).map((p) => p.code);
    expect(national.length).toBeGreaterThanOrEqual(40);
    expect(national.filter((c) => !section.includes(c))).toEqual([]);
  });
  it('codes are unique, and a national code is the code itself', () => {
    expect(new Set(procedures.map((p) => p.code)).size).toBe(procedures.length);
    for (const p of procedures) if (p.nationalCode !== null) expect(p.code).toMatch(NATIONAL_CODE_PATTERN);
  });
  it('every text is NFC', () => {
    const walk = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(walk) : v && typeof v === 'object' ? Object.values(v).flatMap(walk) : []);
    const texts = walk(file);
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t) => t !== t.normalize('NFC'))).toEqual([]);
  });
  it('a field has one English name', () => {
    const en = new Map<string, Set<string>>();
    for (const p of procedures) en.set(p.fieldVi, (en.get(p.fieldVi) ?? new Set()).add(p.fieldEn));
    for (const [, names] of en) expect(names.size).toBe(1);
  });
});

describe('search query folding and FTS5 escaping', () => {
  it('folds case, diacritics and đ, in NFC or NFD', () => {
    expect(searchTokens('Đăng ký KHAI SINH')).toEqual(['dang', 'ky', 'khai', 'sinh']);
    expect(searchTokens('Đăng ký khai sinh'.normalize('NFD'))).toEqual(['dang', 'ky', 'khai', 'sinh']);
    expect(searchTokens('Hà Nội')).toEqual(['ha', 'noi']);
  });
  it('quotes every word as a prefix and drops every FTS5 and SQL syntax character', () => {
    expect(ftsMatchExpression('đăng ký kh')).toBe('"dang"* "ky"* "kh"*');
    expect(ftsMatchExpression(`"); DROP TABLE procedures; --`)).toBe('"drop"* "table"* "procedures"*');
    expect(ftsMatchExpression('NEAR(a b) OR c*')).toBe('"near"* "a"* "b"* "or"* "c"*');
    expect(ftsMatchExpression('1.0011')).toBe('"1"* "0011"*');
    expect(ftsMatchExpression('  * " ( ) : ^ - + ')).toBeNull();
    expect(ftsMatchExpression('')).toBeNull();
  });
});
