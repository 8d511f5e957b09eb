import { describe, expect, it } from 'vitest';
import { exitKioskArgs, MAX_PDF_BYTES, noArgs, parseArgs, printPdfArgs } from '../../src/main/electron/ipc-schemas';
import { devNativeDir, nativeBindingPath } from '../../src/main/electron/native-binding';
import path from 'node:path';

const pdf = new Uint8Array(Buffer.from('%PDF-1.3\n%%EOF\n'));

describe('bridge arguments', () => {
  it('printPdf takes a PDF, optionally a printer and a copy count', () => {
    expect(parseArgs(printPdfArgs, [{ pdf }])).toEqual([{ pdf }]);
    expect(parseArgs(printPdfArgs, [{ pdf, printer: ' XP-80C ', copies: 2 }])).toEqual([{ pdf, printer: 'XP-80C', copies: 2 }]);
  });
  it.each([
    ['no argument', []],
    ['two arguments', [{ pdf }, 1]],
    ['not a PDF', [{ pdf: new Uint8Array(Buffer.from('<html>')) }]],
    ['a string instead of bytes', [{ pdf: '%PDF-1.3' }]],
    ['an empty buffer', [{ pdf: new Uint8Array(0) }]],
    ['a huge buffer', [{ pdf: (() => { const b = new Uint8Array(MAX_PDF_BYTES + 1); b.set(pdf); return b; })() }]],
    ['zero copies', [{ pdf, copies: 0 }]],
    ['1000 copies', [{ pdf, copies: 1000 }]],
    ['fractional copies', [{ pdf, copies: 1.5 }]],
    ['a printer name with control characters', [{ pdf, printer: 'a\u0000b' }]],
    ['an unknown key', [{ pdf, path: '/etc/passwd' }]],
  ])('printPdf refuses %s', (_n, args) => {
    expect(parseArgs(printPdfArgs, args as unknown[])).toBeNull();
  });
  it('exitKiosk takes one 4–8 digit PIN', () => {
    expect(parseArgs(exitKioskArgs, ['1234'])).toEqual(['1234']);
    expect(parseArgs(exitKioskArgs, ['12'])).toBeNull();
    expect(parseArgs(exitKioskArgs, [1234])).toBeNull();
    expect(parseArgs(exitKioskArgs, ['1234', 'x'])).toBeNull();
  });
  it('the other operations take nothing', () => {
    expect(parseArgs(noArgs, [])).toEqual([]);
    expect(parseArgs(noArgs, ['x'])).toBeNull();
  });
});

describe('Electron build of better-sqlite3', () => {
  it('lives in its own folder in development and in resources/native when installed', () => {
    const base = { resourcesPath: '/opt/MotCua/resources', appPath: '/src/motcua', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };
    expect(nativeBindingPath({ ...base, isPackaged: false })).toBe(path.join('/src/motcua', '.electron-native', '45.4.1', 'linux-x64', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...base, isPackaged: true, override: '/tmp/evil.node' })).toBe(path.join('/opt/MotCua/resources', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...base, isPackaged: false, override: '/tmp/x.node' })).toBe(path.resolve('/tmp/x.node'));
  });
  it('agrees with scripts/electron-native.mjs', async () => {
    const script = new URL('../../scripts/electron-native.mjs', import.meta.url).href;
    const mod = (await import(/* @vite-ignore */ script)) as { nativeDir(root: string, v: string, p: string, a: string): string };
    expect(mod.nativeDir('/r', '45.4.1', 'win32', 'x64')).toBe(devNativeDir('/r', '45.4.1', 'win32', 'x64'));
  });
});
