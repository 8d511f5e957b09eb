/**
 * Where the Electron build of better-sqlite3 lives (DESIGN.md §6). Node and
 * Electron need the addon for different ABIs, so the Electron copy is built
 * into its own folder by scripts/electron-native.mjs and handed to the hub as
 * MOTCUA_SQLITE_BINDING (better-sqlite3's `nativeBinding` option);
 * node_modules/better-sqlite3/build stays the Node build that `npm test` uses.
 * Pure: keep the layout in step with scripts/electron-native.mjs (a unit test
 * checks both agree).
 */
import path from 'node:path';

export const BINDING_FILE = 'better_sqlite3.node';
export const NATIVE_ROOT = '.electron-native';

/** `<root>/.electron-native/<electron version>/<platform>-<arch>/` */
export function devNativeDir(projectRoot: string, electronVersion: string, platform: string, arch: string): string {
  return path.join(projectRoot, NATIVE_ROOT, electronVersion, `${platform}-${arch}`);
}

export interface BindingEnv {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** app.getAppPath(): the project root when run from the source tree. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  /** MOTCUA_SQLITE_BINDING from the environment; honoured in development only. */
  override?: string | undefined;
}

/** The better_sqlite3.node the hub must open inside Electron. */
export function nativeBindingPath(env: BindingEnv): string {
  if (env.isPackaged) return path.join(env.resourcesPath, 'native', BINDING_FILE);
  if (env.override) return path.resolve(env.override);
  return path.join(devNativeDir(env.appPath, env.electronVersion, env.platform, env.arch), BINDING_FILE);
}
