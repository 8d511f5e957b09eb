/**
 * Finds locale keys no source refers to. A key counts as used when its full
 * name appears in the source as a string literal ('kiosk.title', with a plural
 * suffix such as _one/_other stripped first), or when it starts with the fixed
 * head of a template literal (`status.${x}` uses every `status.` key), or with
 * one of the caller's known dynamic prefixes (keys read by object access, or
 * through a helper that adds its own prefix).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Tree = { [key: string]: string | Tree };

export const leafKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v, `${prefix}${k}.`)));

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Heads of template literals that build a key, e.g. `status.${x}` → 'status.', `voice.lang_${l}` → 'voice.lang_'. */
export function templatePrefixes(source: string): string[] {
  return [...new Set([...source.matchAll(/`([A-Za-z0-9_.]+)\$\{/g)].map((m) => m[1]!).filter((p) => p.includes('.')))];
}

export function unusedKeys(keys: readonly string[], source: string, dynamicPrefixes: readonly string[]): string[] {
  const literals = new Set([...source.matchAll(/['"`]([A-Za-z0-9_.-]+)['"`]/g)].map((m) => m[1]!));
  const prefixes = [...templatePrefixes(source), ...dynamicPrefixes];
  return keys.filter((k) => !literals.has(k) && !literals.has(k.replace(PLURAL, '')) && !prefixes.some((p) => k.startsWith(p)));
}

/** Every .ts/.tsx file under `dir`, concatenated. */
export function sourceText(dir: string): string {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));
  return walk(dir)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}
