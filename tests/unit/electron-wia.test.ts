import { describe, expect, it } from 'vitest';
import { parseArgs, wiaScanArgs } from '../../src/main/electron/ipc-schemas';
import { buildWiaScript, encodePowerShell, parseWiaOutput, psQuote } from '../../src/main/electron/wiaScan';

/** The WIA bridge cannot run here (no Windows): its argument parsing, script and output parsing are pure. */
describe('wiaScan arguments', () => {
  it('fills the defaults and keeps the closed lists', () => {
    expect(parseArgs(wiaScanArgs, [])).toEqual([{ dpi: 150, mode: 'color' }]);
    expect(parseArgs(wiaScanArgs, [undefined])).toEqual([{ dpi: 150, mode: 'color' }]);
    expect(parseArgs(wiaScanArgs, [{}])).toEqual([{ dpi: 150, mode: 'color' }]);
    expect(parseArgs(wiaScanArgs, [{ dpi: 300, mode: 'text' }])).toEqual([{ dpi: 300, mode: 'text' }]);
  });
  it.each([
    ['an unlisted resolution', [{ dpi: 1200 }]],
    ['a resolution as text', [{ dpi: '300' }]],
    ['an unknown mode', [{ mode: 'infrared' }]],
    ['an unknown key (a device name the renderer should not choose)', [{ device: 'x' }]],
    ['script text smuggled in', [{ mode: "color'; Remove-Item C:\\ -Recurse; '" }]],
    ['a second argument', [{}, 'extra']],
    ['a string instead of options', ['300']],
  ])('refuses %s', (_name, raw) => {
    expect(parseArgs(wiaScanArgs, raw as unknown[])).toBeNull();
  });
});

describe('the WIA PowerShell script', () => {
  it('sets resolution and intent on the first scanner and saves one PNG to the given file', () => {
    const s = buildWiaScript({ dpi: 200, mode: 'gray' }, 'C:\\Users\\can bo\\AppData\\Local\\Temp\\motcua-wia-1\\page.png');
    expect(s).toContain('New-Object -ComObject WIA.DeviceManager');
    expect(s).toContain('if ($d.Type -eq 1)');
    expect(s).toContain('6147 { $p.Value = 200 } 6148 { $p.Value = 200 } 6146 { $p.Value = 2 }');
    expect(s).toContain("$item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}')");
    expect(s).toContain("$img.SaveFile('C:\\Users\\can bo\\AppData\\Local\\Temp\\motcua-wia-1\\page.png')");
    expect(buildWiaScript({ dpi: 300, mode: 'text' }, 'x')).toContain('6146 { $p.Value = 4 }');
  });
  it('quotes a path so nothing in it runs', () => {
    expect(psQuote("C:\\Temp\\O'Brien $(calc)\\p.png")).toBe("'C:\\Temp\\O''Brien $(calc)\\p.png'");
    expect(buildWiaScript({ dpi: 150, mode: 'color' }, "a'b")).toContain("SaveFile('a''b')");
  });
  it('is passed as UTF-16LE base64 (-EncodedCommand)', () => {
    const script = buildWiaScript({ dpi: 150, mode: 'color' }, 'C:\\Tệp\\page.png');
    expect(Buffer.from(encodePowerShell(script), 'base64').toString('utf16le')).toBe(script);
  });
  it('reads what the script printed', () => {
    expect(parseWiaOutput('noise\r\nMOTCUA:OK 1240 1754\r\n')).toEqual({ ok: true, width: 1240, height: 1754 });
    expect(parseWiaOutput('MOTCUA:NO_SCANNER')).toMatchObject({ ok: false, code: 'SCANNER_NOT_FOUND' });
    expect(parseWiaOutput('MOTCUA:ERR 80210006')).toMatchObject({ ok: false, code: 'SCANNER_BUSY' });
    expect(parseWiaOutput('MOTCUA:ERR 80210002')).toMatchObject({ ok: false, code: 'SCANNER_JAMMED' });
    expect(parseWiaOutput('MOTCUA:ERR 80210003')).toMatchObject({ ok: false, code: 'SCANNER_EMPTY' });
    expect(parseWiaOutput('MOTCUA:ERR 80004005')).toMatchObject({ ok: false, code: 'SCANNER_FAILED', message: expect.stringContaining('0x80004005') });
    expect(parseWiaOutput('')).toMatchObject({ ok: false, code: 'SCANNER_FAILED' });
  });
});
