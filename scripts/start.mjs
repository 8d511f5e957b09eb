#!/usr/bin/env node
// `npm start`: build, then run the Electron app (standalone: hub + kiosk, counter and display
// windows). Where the Electron runtime is missing and cannot be fetched (closed networks, our build
// machines) it says so in one line and runs the same hub with the kiosk opened in the system's
// Chromium/Chrome in app mode, or prints the URLs when there is no display. Ctrl+C stops everything.
//
// Environment: MOTCUA_PORT (8080), MOTCUA_HOST (127.0.0.1), MOTCUA_DATA_DIR (./data) for the
// browser fallback; MOTCUA_BROWSER=<path> to choose the browser; MOTCUA_NO_ELECTRON=1 to use the
// fallback even where Electron works; MOTCUA_NO_BROWSER=1 to only print the URLs.
// `npm start -- --no-build` skips the build step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BINDING_FILE, electronRuntime, nativeDir, projectRoot } from './electron-native.mjs';

const node = process.execPath;
const isWin = process.platform === 'win32';

function say(line) {
  console.log(`[start] ${line}`);
}

// 1. Build (renderer, hub, Electron main + preload); `npm start -- --no-build` reuses dist/.
const passThrough = process.argv.slice(2).filter((a) => a !== '--no-build');
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(node, [path.join(projectRoot, 'scripts', 'build.mjs'), '--quiet'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// 2. Electron, when its runtime is here or can be fetched.
const why = await electronUnavailable();
if (why === null) {
  await runElectron();
} else {
  await runBrowserFallback(why);
}

/** null when Electron can run, else a short reason. */
async function electronUnavailable() {
  if (process.env.MOTCUA_NO_ELECTRON === '1') return 'MOTCUA_NO_ELECTRON=1';
  if (!hasDisplay()) return 'no display: DISPLAY/WAYLAND_DISPLAY unset';
  let rt = electronRuntime();
  if (!rt.installed) return 'the electron package is not installed';
  if (!rt.present) {
    // The electron package downloads its binary lazily; try once, quietly.
    const ok = await quiet(node, [path.join(rt.pkgDir, 'install.js')], 'fetching the Electron runtime', 10 * 60_000);
    rt = electronRuntime();
    if (!ok || !rt.present) return 'it could not be downloaded';
  }
  const binding = path.join(nativeDir(projectRoot, rt.version, process.platform, process.arch), BINDING_FILE);
  if (!existsSync(binding)) {
    const ok = await quiet(node, [path.join(projectRoot, 'scripts', 'electron-native.mjs')], 'building the SQLite module for Electron', 20 * 60_000);
    if (!ok || !existsSync(binding)) return 'the SQLite module for Electron could not be built; see `node scripts/electron-native.mjs`';
  }
  return null;
}

/** Runs a helper with its output captured; prints what it does only if it takes a while. */
function quiet(cmd, args, what, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const slow = setTimeout(() => say(`${what}…`), 2000);
    const kill = setTimeout(() => child.kill(), timeoutMs);
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      clearTimeout(slow);
      clearTimeout(kill);
      resolve(code === 0);
    });
  });
}

async function runElectron() {
  const rt = electronRuntime();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(rt.binary, [projectRoot, ...passThrough], { cwd: projectRoot, stdio: 'inherit', env, windowsHide: false });
  // The terminal's Ctrl+C reaches Electron too; forward what came from elsewhere (kill -TERM).
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  process.exit(code);
}

function findBrowser() {
  const fromEnv = process.env.MOTCUA_BROWSER || process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) || !fromEnv.includes(path.sep) ? fromEnv : null;
  if (isWin) {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean);
    const rel = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'], // Chromium too, and on every Windows 10/11
    ];
    for (const r of rel) for (const root of roots) if (existsSync(path.join(root, ...r))) return path.join(root, ...r);
    return null;
  }
  if (process.platform === 'darwin') {
    for (const p of ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']) {
      if (existsSync(p)) return p;
    }
    return null;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

function hasDisplay() {
  if (isWin || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function waitForHub(base, hub, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hub.exitCode !== null) return false;
    try {
      const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function runBrowserFallback(why) {
  const host = process.env.MOTCUA_HOST || '127.0.0.1';
  const port = process.env.MOTCUA_PORT || '8080';
  const dataDir = path.resolve(projectRoot, process.env.MOTCUA_DATA_DIR || 'data');
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const base = `http://${urlHost}:${port}`;
  const exe = process.env.MOTCUA_NO_BROWSER === '1' || !hasDisplay() ? null : findBrowser();
  say(
    `Electron not available (${why}): running the hub on ${base} ` +
      (exe ? `with the kiosk in ${path.basename(exe)} instead.` : `instead; open its pages in a browser${hasDisplay() ? ' (no Chromium/Chrome found)' : ''}.`),
  );

  // The hub in its own process group (POSIX), so one Ctrl+C stops it exactly once, through us.
  const hub = spawn(node, [path.join(projectRoot, 'dist', 'main', 'hub-cli.cjs')], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, MOTCUA_HOST: host, MOTCUA_PORT: port, MOTCUA_DATA_DIR: dataDir },
    detached: !isWin,
  });
  let browser = null;
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill('SIGTERM');
    if (hub.exitCode === null) {
      hub.kill('SIGTERM');
      const force = setTimeout(() => hub.kill('SIGKILL'), 10_000);
      force.unref();
      hub.once('exit', () => process.exit(code));
    } else {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  hub.on('exit', (code, signal) => {
    if (stopping) return;
    say(`the hub stopped (${signal ?? `exit code ${code}`}).`);
    stop(code || 1);
  });

  if (!(await waitForHub(base, hub))) {
    if (!stopping) {
      say(`the hub did not answer on ${base}; see its messages above.`);
      stop(1);
    }
    return;
  }

  const urls = () => ['kiosk', 'counter', 'display', 'admin'].map((r) => `${base}/${r}`);
  if (!exe) {
    // The hub has just printed its pages; only say how to stop it.
    say('Ctrl+C stops the hub.');
    return;
  }
  const profile = path.join(dataDir, 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const args = [`--app=${base}/kiosk`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--autoplay-policy=no-user-gesture-required'];
  // Chromium refuses to run as root without this; only a developer's container runs the fallback as root.
  if (!isWin && process.getuid?.() === 0) args.push('--no-sandbox');
  browser = spawn(exe, args, { stdio: 'ignore', detached: !isWin });
  browser.on('error', (e) => say(`could not start ${exe}: ${e.message}`));
  browser.on('exit', () => {
    if (stopping) return;
    say('the browser window closed; the hub keeps running (Ctrl+C stops it). Other screens:');
    for (const u of urls()) console.log(`  ${u}`);
  });
  say(`kiosk opened in ${path.basename(exe)}; Ctrl+C stops everything. Other screens: ${urls().slice(1).join('  ')}`);
}
