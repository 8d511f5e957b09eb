import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a folder of the app (assets/, dist/renderer) by walking up from this
 * module: the same code runs from src/ under the test runner, from dist/ after
 * the build, and from inside the Electron asar.
 */
export function findAppPath(relative: string, env?: string): string {
  if (env && process.env[env]) return path.resolve(process.env[env]!);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find ${relative} next to the application.`);
    dir = parent;
  }
}

export const assetsDir = () => findAppPath('assets', 'MOTCUA_ASSETS_DIR');
