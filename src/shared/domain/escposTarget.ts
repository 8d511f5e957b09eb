/**
 * Where an ESC/POS thermal printer is, written in the device's printer field in /admin beside
 * the OS printer names:
 * - `escpos:tcp:192.168.1.50:9100` a network thermal printer (raw TCP, usually port 9100);
 * - `escpos:dev:/dev/usb/lp0` (or `/dev/ttyUSB0`, `COM3`) a USB/serial printer's device file;
 * - `escpos:raw:EPSON TM-T82` a Windows printer fed raw bytes through its spooler.
 * An optional `@384` at the end gives the head's width in dots (576 = 80 mm, the default;
 * 384 = 58 mm). Anything else in the field is an OS printer name, printed through the spooler.
 * Hosts are limited to loopback and the office LAN: the hub never sends jobs to the internet.
 */
export type EscposTarget =
  | { kind: 'tcp'; host: string; port: number; dots: EscposDots }
  | { kind: 'device'; path: string; dots: EscposDots }
  | { kind: 'windows_raw'; printer: string; dots: EscposDots };
export type EscposDots = 576 | 384;

export const ESCPOS_PREFIX = 'escpos:';

export type EscposParse = { ok: true; target: EscposTarget } | { ok: false; reason: string };

export function isEscposPrinter(printer: string | null | undefined): boolean {
  return typeof printer === 'string' && printer.trim().toLowerCase().startsWith(ESCPOS_PREFIX);
}

/** 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16 (link-local, printers without DHCP). */
function isLanIpv4(host: string): boolean | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((n) => n > 255)) return false;
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** A LAN name: `localhost`, a single label (`may-in-quay1`), or a name under .local/.lan/.home.arpa. */
function isLanHostname(host: string): boolean {
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(host)) return false;
  const h = host.toLowerCase();
  return !h.includes('.') || h.endsWith('.local') || h.endsWith('.lan') || h.endsWith('.home.arpa');
}

function parseHostPort(rest: string): { host: string; port: number } | string {
  const i = rest.lastIndexOf(':');
  if (i <= 0) return 'write the printer as host:port, e.g. 192.168.1.50:9100';
  const host = rest.slice(0, i);
  const portText = rest.slice(i + 1);
  if (!/^\d{1,5}$/.test(portText)) return `the port "${portText}" is not a number`;
  const port = Number(portText);
  if (port < 1 || port > 65535) return `the port ${port} is outside 1–65535`;
  const ip = isLanIpv4(host);
  if (ip === false) return `${host} is not a loopback or office-LAN address (10.x, 172.16–31.x, 192.168.x, 169.254.x, 127.x)`;
  if (ip === null && !isLanHostname(host)) return `${host} is not a LAN printer name (a single name, or one ending in .local or .lan)`;
  return { host, port };
}

function checkDevicePath(path: string): string | null {
  if (/^COM([1-9]|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])$/i.test(path)) return null;
  if (!path.startsWith('/dev/')) return 'a device file starts with /dev/ (e.g. /dev/usb/lp0) or is a COM port (COM3)';
  if (path.split('/').includes('..') || !/^\/dev\/[A-Za-z0-9_./-]+$/.test(path)) return `${path} is not a plain device path`;
  return null;
}

/** Reads the field; a reason in plain words when it is an `escpos:` value that cannot work. */
export function parseEscposTarget(value: string): EscposParse {
  const text = value.trim();
  if (!isEscposPrinter(text)) return { ok: false, reason: 'not an ESC/POS printer (it does not start with escpos:)' };
  let body = text.slice(ESCPOS_PREFIX.length);
  let dots: EscposDots = 576;
  const at = /@(\d+)$/.exec(body);
  if (at) {
    if (at[1] !== '576' && at[1] !== '384') return { ok: false, reason: `the width @${at[1]} must be @576 (80 mm) or @384 (58 mm)` };
    dots = Number(at[1]) as EscposDots;
    body = body.slice(0, at.index);
  }
  const colon = body.indexOf(':');
  const kind = colon < 0 ? body : body.slice(0, colon).toLowerCase();
  const rest = colon < 0 ? '' : body.slice(colon + 1).trim();
  if (kind === 'tcp') {
    const hp = parseHostPort(rest);
    return typeof hp === 'string' ? { ok: false, reason: hp } : { ok: true, target: { kind: 'tcp', ...hp, dots } };
  }
  if (kind === 'dev') {
    const reason = checkDevicePath(rest);
    return reason ? { ok: false, reason } : { ok: true, target: { kind: 'device', path: rest, dots } };
  }
  if (kind === 'raw') {
    if (!rest) return { ok: false, reason: 'name the Windows printer after escpos:raw:' };
    return { ok: true, target: { kind: 'windows_raw', printer: rest, dots } };
  }
  return { ok: false, reason: 'after escpos: write tcp:host:port, dev:/dev/… (or COM3) or raw:<Windows printer>' };
}

/** What a printer's status bytes say, in the order that matters to a citizen. */
export type PrinterState = 'ready' | 'paper_near_end' | 'paper_end' | 'cover_open' | 'offline' | 'unreachable' | 'no_answer' | 'garbled' | 'unknown';
export const PRINTER_STATES = ['ready', 'paper_near_end', 'paper_end', 'cover_open', 'offline', 'unreachable', 'no_answer', 'garbled', 'unknown'] as const satisfies readonly PrinterState[];

/**
 * Whether a ticket can come out now: near end still prints (the alert goes to the staff), and
 * `unknown` (an OS printer, a device file or a Windows raw printer that cannot be asked) is tried.
 */
export const canPrintTicket = (state: PrinterState): boolean => state === 'ready' || state === 'paper_near_end' || state === 'unknown';
