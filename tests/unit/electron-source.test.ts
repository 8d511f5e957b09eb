/**
 * The shell's security settings, read from its source (the Electron runtime cannot start here):
 * the webPreferences of the one place windows are made, and the preload's shape. docs/electron.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../src/shared/api/bridge';
import { preloadProblems, webPreferencesProblems } from '../helpers/electronSource';

const shellDir = path.resolve(import.meta.dirname, '../../src/main/electron');
const shellFiles = Object.fromEntries(
  readdirSync(shellDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, readFileSync(path.join(shellDir, f), 'utf8')]),
);
const windowsTs = shellFiles['windows.ts']!;
const preloadTs = shellFiles['preload.ts']!;
const bridgeNames = Object.keys(BRIDGE_CHANNELS);

/** windows.ts with one webPreferences line replaced (the line must exist, so a test cannot go stale silently). */
function windowsWith(from: string, to: string): Record<string, string> {
  expect(windowsTs).toContain(from);
  return { 'windows.ts': windowsTs.replace(from, to) };
}

describe('window webPreferences (src/main/electron)', () => {
  it('every window is made in windows.ts with each security setting written out', () => {
    expect(Object.keys(shellFiles)).toContain('windows.ts');
    expect(webPreferencesProblems(shellFiles)).toEqual([]);
  });

  it.each([
    ['sandbox off', 'sandbox: true,', 'sandbox: false,', /sandbox is false/],
    ['context isolation computed', 'contextIsolation: true,', 'contextIsolation: opts.devTools,', /contextIsolation is opts\.devTools/],
    ['Node in workers', 'nodeIntegrationInWorker: false,', 'nodeIntegrationInWorker: true,', /nodeIntegrationInWorker is true/],
    ['auxclick back on', "disableBlinkFeatures: 'Auxclick',", "disableBlinkFeatures: '',", /disableBlinkFeatures/],
    ['webview allowed', 'webviewTag: false,', 'webviewTag: true,', /webviewTag is true/],
    ['a setting dropped', '        webSecurity: true,\n', '', /webSecurity is not set/],
    ['a spread of other settings', 'sandbox: true,', 'sandbox: true,\n        ...extra,', /spread in webPreferences/],
    ['a blink feature turned on', 'spellcheck: false,', "spellcheck: false,\n        enableBlinkFeatures: 'X',", /enableBlinkFeatures is not reviewed/],
    ['a setting set twice', 'sandbox: true,', 'sandbox: true,\n        sandbox: false,', /sets sandbox twice/],
  ])('catches %s', (_n, from, to, problem) => {
    expect(webPreferencesProblems(windowsWith(from, to)).join('\n')).toMatch(problem);
  });

  it('catches the settings passed through a helper (what the auditor could not see through)', () => {
    const spread = { 'windows.ts': 'const w = new BrowserWindow({ webPreferences: { ...secureWebPreferences(o), partition } });' };
    expect(webPreferencesProblems(spread).join('\n')).toMatch(/spread in webPreferences[\s\S]*contextIsolation is not set/);
    const variable = { 'windows.ts': 'const w = new BrowserWindow({ webPreferences: prefs });' };
    expect(webPreferencesProblems(variable)).toEqual([expect.stringMatching(/written out/)]);
  });

  it('catches a second window or a view made elsewhere', () => {
    expect(webPreferencesProblems({ ...shellFiles, 'popup.ts': 'new BrowserWindow({ webPreferences: { sandbox: true } });' }).join('\n')).toMatch(/found 2/);
    expect(webPreferencesProblems({ ...shellFiles, 'view.ts': 'new WebContentsView({});' }).join('\n')).toMatch(/view\.ts: new WebContentsView/);
    expect(webPreferencesProblems({ 'a.ts': 'export {}' })).toEqual(['expected one new BrowserWindow(...), found 0']);
  });
});

describe('the preload', () => {
  it('exposes one ipcRenderer.invoke per bridge operation and nothing else', () => {
    expect(bridgeNames.sort()).toEqual(['appInfo', 'exitKiosk', 'listPrinters', 'printPdf', 'wiaScan']);
    expect(preloadProblems(preloadTs, bridgeNames)).toEqual([]);
  });

  it.each([
    ['ipcRenderer exposed', "contextBridge.exposeInMainWorld('motcua', bridge);", "contextBridge.exposeInMainWorld('motcua', bridge);\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);", /ipcRenderer used other than|one contextBridge/],
    ['a generic on(channel)', 'exitKiosk: (pin) =>', 'on: (ch, cb) => ipcRenderer.on(ch, cb),\n  exitKiosk: (pin) =>', /ipcRenderer used other than/],
    ['a synchronous call', 'listPrinters: () => ipcRenderer.invoke(BRIDGE_CHANNELS.listPrinters),', 'listPrinters: () => ipcRenderer.sendSync(BRIDGE_CHANNELS.listPrinters),', /ipcRenderer used other than/],
    ['a function on the wrong channel', 'appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),', 'appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.printPdf),', /bridge\.appInfo must be/],
    ['an extra argument passed through', 'ipcRenderer.invoke(BRIDGE_CHANNELS.exitKiosk, pin)', 'ipcRenderer.invoke(BRIDGE_CHANNELS.exitKiosk, pin, document.cookie)', /bridge\.exitKiosk must be/],
    ['a missing operation', '  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo),\n', '', /the bridge has exitKiosk, listPrinters, printPdf/],
    ['another name on window', "exposeInMainWorld('motcua'", "exposeInMainWorld('electron'", /window\.motcua/],
  ])('catches %s', (_n, from, to, problem) => {
    expect(preloadTs).toContain(from);
    expect(preloadProblems(preloadTs.replace(from, to), bridgeNames).join('\n')).toMatch(problem);
  });
});
