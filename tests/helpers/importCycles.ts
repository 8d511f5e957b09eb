/**
 * Import cycles among a project's TypeScript files, found by dpdm (which reads
 * the files with the TypeScript compiler, so `import type` counts too: a type
 * cycle is the same tangle for a reader, and turns into a runtime one the day
 * someone imports a value along it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

export interface CycleReport {
  /** Project-relative paths of the files dpdm read (entries and what they import). */
  files: string[];
  /** Each cycle as the files along it, project-relative. */
  cycles: string[][];
}

export async function importCycles(root: string, patterns: string[] = ['src/**/*.ts', 'src/**/*.tsx']): Promise<CycleReport> {
  if (!existsSync(root)) throw new Error(`importCycles: ${root} does not exist`);
  const tsconfig = path.join(root, 'tsconfig.json');
  const tree = await parseDependencyTree(patterns, {
    cwd: root,
    context: root,
    tsconfig: existsSync(tsconfig) ? tsconfig : undefined,
    transform: false, // keep type-only imports
    skipDynamicImports: false,
  });
  return { files: Object.keys(tree).filter((f) => !f.includes('node_modules')).sort(), cycles: parseCircular(tree) };
}

/** "a.ts -> b.ts -> a.ts" lines for a failure message. */
export function describeCycles(cycles: string[][]): string {
  return cycles.map((c) => [...c, c[0]].join(' -> ')).join('\n');
}
