#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into its own folder (DESIGN.md §6):
//
//   .electron-native/<electron version>/<platform>-<arch>/better_sqlite3.node   (npm start)
//   .electron-native/package/<os>-<arch>/better_sqlite3.node                   (electron-builder extraResources)
//
// node_modules/better-sqlite3/build — the Node build `npm test` and `npm run hub` use — is never
// touched: the work happens in a copy of the package. First a prebuilt binary for Electron
// (prebuild-install, from better-sqlite3's releases); failing that, a compile with node-gyp against
// Electron's headers (host platform only). Both need the internet; nothing runs this during
// `npm install` or `npm test`. The main process hands the result to the hub as MOTCUA_SQLITE_BINDING.
//
// Usage: node scripts/electron-native.mjs [--force] [--platform=win32|linux|darwin] [--arch=x64|arm64|ia32]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.dirname(here);
export const BINDING_FILE = 'better_sqlite3.node';

/** Keep in step with src/main/electron/native-binding.ts (a unit test compares them). */
export function nativeDir(root, electronVersion, platform, arch) {
  return path.join(root, '.electron-native', electronVersion, `${platform}-${arch}`);
}

/** electron-builder's ${os} for a Node platform name. */
const OS = { win32: 'win', darwin: 'mac', linux: 'linux' };
export function packageDir(root, platform, arch) {
  return path.join(root, '.electron-native', 'package', `${OS[platform] ?? platform}-${arch}`);
}

/** The installed `electron` package and whether its runtime binary is on disk (it downloads lazily). */
export function electronRuntime(root = projectRoot) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let version = null;
  try {
    version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return { installed: false, version: null, binary: null, present: false, pkgDir };
  }
  let rel = null;
  try {
    rel = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    /* not downloaded yet */
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, rel || 'electron') : rel ? path.join(pkgDir, 'dist', rel) : null;
  return { installed: true, version, binary, present: binary !== null && existsSync(binary), pkgDir };
}

let workRoot = null;
function fail(msg) {
  if (workRoot) rmSync(workRoot, { recursive: true, force: true });
  console.error(`electron-native: ${msg}`);
  process.exit(1);
}

/** Does the file look like a native library of `platform` (ELF, PE or Mach-O)? */
function looksNative(file, platform) {
  const fd = openSync(file, 'r');
  const b = Buffer.alloc(4);
  readSync(fd, b, 0, 4, 0);
  closeSync(fd);
  if (platform === 'linux') return b.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  if (platform === 'win32') return b[0] === 0x4d && b[1] === 0x5a;
  if (platform === 'darwin') return [0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(b.readUInt32BE(0));
  return true;
}

function run(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  return r.status === 0;
}

function main() {
  const argv = process.argv.slice(2);
  const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const force = argv.includes('--force');
  const platform = opt('platform') ?? process.platform;
  const arch = opt('arch') ?? process.arch;

  const runtime = electronRuntime();
  if (!runtime.installed) fail('the electron package is not installed (npm install)');
  const version = runtime.version;
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;

  const outDir = nativeDir(projectRoot, version, platform, arch);
  const out = path.join(outDir, BINDING_FILE);
  const infoFile = path.join(outDir, 'info.json');
  const info = existsSync(infoFile) ? JSON.parse(readFileSync(infoFile, 'utf8')) : null;
  const upToDate = existsSync(out) && info?.betterSqlite3 === sqliteVersion;

  if (!upToDate || force) {
    const work = path.join(outDir, 'work', 'better-sqlite3');
    workRoot = path.dirname(work);
    rmSync(workRoot, { recursive: true, force: true });
    // A copy of the package without its Node build; the original stays as it is.
    cpSync(sqliteDir, work, { recursive: true, filter: (src) => path.relative(sqliteDir, src) !== 'build' });

    // Point every npm_config_* the tools read at Electron (a user npmrc may set nodedir to Node's headers).
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|platform|build_from_source)$/i.test(k)) delete env[k];
    Object.assign(env, {
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_arch: arch,
      npm_config_platform: platform,
      npm_config_disturl: 'https://electronjs.org/headers',
    });

    let method = null;
    console.log(`electron-native: better-sqlite3 ${sqliteVersion} for Electron ${version} (${platform}-${arch})`);
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir, projectRoot] });
    if (run(process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'], work, env)) {
      method = 'prebuild-install';
    } else if (platform === process.platform) {
      let nodeGyp = null;
      try {
        nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      } catch {
        fail('no prebuilt binary could be downloaded and node-gyp is not installed (npm install --no-save node-gyp)');
      }
      console.log('electron-native: no prebuilt binary; compiling against Electron headers with node-gyp');
      const ok = run(
        process.execPath,
        [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
        work,
        env,
      );
      if (!ok) fail('node-gyp could not build better-sqlite3 for Electron (needs the internet for Electron headers and a C++ toolchain)');
      method = 'node-gyp';
    } else {
      fail(`no prebuilt binary for ${platform}-${arch} could be downloaded, and node-gyp cannot cross-compile`);
    }

    const built = path.join(work, 'build', 'Release', BINDING_FILE);
    if (!existsSync(built)) fail(`${method} finished but ${built} is missing`);
    if (!looksNative(built, platform)) fail(`${built} is not a ${platform} library`);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, out);
    let abi = null;
    try {
      abi = readFileSync(path.join(runtime.pkgDir, 'abi_version'), 'utf8').trim();
    } catch {
      /* older electron packages have no abi_version */
    }
    writeFileSync(infoFile, `${JSON.stringify({ electron: version, abi, platform, arch, betterSqlite3: sqliteVersion, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
    rmSync(path.dirname(work), { recursive: true, force: true });
    console.log(`electron-native: wrote ${path.relative(projectRoot, out)}`);
  } else {
    console.log(`electron-native: ${path.relative(projectRoot, out)} is up to date`);
  }

  // The copy electron-builder packs (extraResources → resources/native/).
  const pkg = packageDir(projectRoot, platform, arch);
  mkdirSync(pkg, { recursive: true });
  copyFileSync(out, path.join(pkg, BINDING_FILE));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
