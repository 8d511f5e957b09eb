/**
 * One page from a Windows scanner through WIA's COM automation (WIA.DeviceManager), driven by
 * PowerShell, which every supported Windows has: no native module to build. The script is pure
 * text built here (unit-tested); only runWiaScan touches the system, and only on win32.
 * UNTESTED on real hardware here (no Windows in CI): docs/digitise.md says so.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WiaScanOptions, WiaScanResult } from '../../shared/api/bridge';

/** WIA property ids (wiadef.h): resolution and the "intent" (colour / greyscale / text). */
const WIA_IPS_XRES = 6147;
const WIA_IPS_YRES = 6148;
const WIA_IPS_CUR_INTENT = 6146;
const INTENT = { color: 1, gray: 2, text: 4 } as const;
/** WIA's format id for PNG (wiaFormatPNG): lossless, re-encoded on the hub like every page. */
const WIA_FORMAT_PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}';
/** What WIA's HRESULTs mean to the clerk: the same codes as the hub's SANE scanner. */
const WIA_ERRORS: Record<string, WiaScanFailure['code']> = {
  '80210006': 'SCANNER_BUSY', // WIA_ERROR_BUSY
  '80210002': 'SCANNER_JAMMED', // WIA_ERROR_PAPER_JAM
  '80210016': 'SCANNER_JAMMED', // WIA_ERROR_COVER_OPEN
  '80210003': 'SCANNER_EMPTY', // WIA_ERROR_PAPER_EMPTY
  '80210005': 'SCANNER_NOT_FOUND', // WIA_ERROR_OFFLINE
  '8021000C': 'SCANNER_NOT_FOUND', // WIA_ERROR_DEVICE_COMMUNICATION
  '80210015': 'SCANNER_NOT_FOUND', // WIA_S_NO_DEVICE_AVAILABLE
};
type WiaScanFailure = Extract<WiaScanResult, { ok: false }>;

/** A PowerShell single-quoted literal: nothing inside is interpreted; a quote is doubled. */
export const psQuote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The script: first WIA scanner, resolution and intent set, one page transferred as PNG to `outFile`.
 * It prints one line the caller parses: `MOTCUA:OK <width> <height>`, `MOTCUA:NO_SCANNER` or
 * `MOTCUA:ERR <hresult hex>`. Numbers come from the parsed options only (never free text).
 */
export function buildWiaScript(options: Required<WiaScanOptions>, outFile: string): string {
  const dpi = Math.trunc(options.dpi);
  return [
    "$ErrorActionPreference = 'Stop'",
    'try {',
    '  $dm = New-Object -ComObject WIA.DeviceManager',
    '  $info = $null',
    '  foreach ($d in $dm.DeviceInfos) { if ($d.Type -eq 1) { $info = $d; break } }',
    "  if (-not $info) { Write-Output 'MOTCUA:NO_SCANNER'; exit 0 }",
    '  $item = $info.Connect().Items.Item(1)',
    `  foreach ($p in $item.Properties) { switch ($p.PropertyID) { ${WIA_IPS_XRES} { $p.Value = ${dpi} } ${WIA_IPS_YRES} { $p.Value = ${dpi} } ${WIA_IPS_CUR_INTENT} { $p.Value = ${INTENT[options.mode]} } } }`,
    `  $img = $item.Transfer('${WIA_FORMAT_PNG}')`,
    `  $img.SaveFile(${psQuote(outFile)})`,
    "  Write-Output ('MOTCUA:OK ' + $img.Width + ' ' + $img.Height)",
    '} catch {',
    "  Write-Output ('MOTCUA:ERR ' + ('{0:X8}' -f $_.Exception.HResult))",
    '}',
  ].join('\n');
}

/** PowerShell's -EncodedCommand: base64 of UTF-16LE, so no quoting of the script on the command line. */
export const encodePowerShell = (script: string): string => Buffer.from(script, 'utf16le').toString('base64');

/** What the script printed → the bridge's answer (the image read by the caller). */
export function parseWiaOutput(stdout: string): { ok: true; width: number; height: number } | WiaScanFailure {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith('MOTCUA:')) ?? '';
  const ok = /^MOTCUA:OK (\d+) (\d+)$/.exec(line.trim());
  if (ok) return { ok: true, width: Number(ok[1]), height: Number(ok[2]) };
  if (line.trim() === 'MOTCUA:NO_SCANNER') return { ok: false, code: 'SCANNER_NOT_FOUND', message: 'No WIA scanner is installed on this computer.' };
  const err = /^MOTCUA:ERR ([0-9A-F]{8})$/.exec(line.trim());
  if (err) {
    const code = WIA_ERRORS[err[1]!] ?? 'SCANNER_FAILED';
    return { ok: false, code, message: `The scanner answered WIA error 0x${err[1]}.` };
  }
  return { ok: false, code: 'SCANNER_FAILED', message: 'The WIA scan did not finish.' };
}

/** Runs one scan; never throws (the counter shows the code's message in its language). */
export async function runWiaScan(options: Required<WiaScanOptions>): Promise<WiaScanResult> {
  if (process.platform !== 'win32') return { ok: false, code: 'SCANNER_UNAVAILABLE', message: 'WIA scanning exists only on Windows.' };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-wia-'));
  const out = path.join(dir, 'page.png');
  try {
    const stdout = await new Promise<string>((resolve) => {
      execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(buildWiaScript(options, out))], { timeout: 120_000, windowsHide: true }, (_e, so) => resolve(String(so)));
    });
    const r = parseWiaOutput(stdout);
    if (!r.ok) return r;
    const image = await fs.readFile(out);
    return { ok: true, image: image.toString('base64'), width: r.width, height: r.height };
  } catch (e) {
    return { ok: false, code: 'SCANNER_FAILED', message: `The WIA scan failed: ${(e as Error).message}` };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
