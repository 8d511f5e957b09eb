import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycles, importCycles } from '../helpers/importCycles';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cycles-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('import cycles', () => {
  it('src has none (type-only imports included)', { timeout: 60_000 }, async () => {
    const report = await importCycles(root);
    // It read every source file, so a pattern that matched nothing cannot pass for "no cycles".
    const read = new Set(report.files);
    const missing = sourceFiles('src').filter((f) => !read.has(f));
    expect(missing).toEqual([]);
    expect(report.cycles, describeCycles(report.cycles)).toEqual([]);
  });

  it('finds a cycle made only of `import type`, like the one handlers.ts had', { timeout: 30_000 }, async () => {
    const dir = project({
      'handlers.ts': "import { part } from './part';\nexport type Handlers = { a: () => number };\nexport const all = { ...part };\n",
      'part.ts': "import type { Handlers } from './handlers';\nexport const part: Pick<Handlers, 'a'> = { a: () => 1 };\n",
      'alone.ts': 'export const x = 1;\n',
    });
    const { cycles } = await importCycles(dir, ['*.ts']);
    expect(cycles.map((c) => [...c].sort())).toEqual([['handlers.ts', 'part.ts']]);
  });

  it('finds a longer cycle through a dynamic import', { timeout: 30_000 }, async () => {
    const dir = project({
      'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'b.ts': "import { c } from './c';\nexport const b = c;\n",
      'c.ts': "export const c = () => import('./a');\n",
    });
    const { cycles } = await importCycles(dir, ['*.ts']);
    expect(cycles).toHaveLength(1);
    expect([...cycles[0]!].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });

  it('refuses a project folder that does not exist', async () => {
    await expect(importCycles(path.join(os.tmpdir(), 'motcua-no-such-project'))).rejects.toThrow(/does not exist/);
  });
});
