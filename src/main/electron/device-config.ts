/**
 * The device configuration: one JSON file in Electron's userData folder
 * (`motcua-device.json`), written with defaults on first start and edited by
 * the technician who sets the PC up (docs/electron.md). No `electron` import:
 * the unit tests run it as is.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isValidPrinterName } from '../printing/names';
import { normaliseHubUrl } from './origin';

export const DEVICE_CONFIG_FILE = 'motcua-device.json';

export const WINDOW_ROLES = ['kiosk', 'counter', 'display', 'admin'] as const;
export type WindowRole = (typeof WINDOW_ROLES)[number];

const printerName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(isValidPrinterName, 'must not contain control characters');

const windowSchema = z
  .object({
    role: z.enum(WINDOW_ROLES),
    /** Shown in /admin's device list; defaults to e.g. "Kiosk 1". */
    name: z.string().trim().min(1).max(60).optional(),
    /** Kiosk mode (fullscreen, locked). Default: on for kiosk windows of the installed app only. */
    kiosk: z.boolean().optional(),
    /** Fullscreen without the kiosk lock. Default: on for display windows of the installed app. */
    fullscreen: z.boolean().optional(),
    /** The OS printer tickets and receipts of this window go to; default printer when absent. */
    printer: printerName.optional(),
    /** Which screen (0 = primary, as Electron's screen.getAllDisplays() orders them). */
    display: z.number().int().min(0).max(15).optional(),
  })
  .strict();
export type WindowConfig = z.infer<typeof windowSchema>;

const hubUrl = z.string().transform((s, ctx) => {
  try {
    return normaliseHubUrl(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

export const deviceConfigSchema = z
  .object({
    /** standalone: this PC runs the office hub; remote: it uses the hub at `hubUrl`. */
    mode: z.enum(['standalone', 'remote']).default('standalone'),
    hubUrl: hubUrl.optional(),
    /** standalone: let the other PCs of the office reach this hub (binds 0.0.0.0). */
    lan: z.boolean().default(false),
    /** standalone: the hub's port; 0 = any free port (only without `lan`). Default 0, or 8080 with `lan`. */
    hubPort: z.number().int().min(0).max(65535).optional(),
    /** standalone: where the office's database lives; default <userData>/data. */
    dataDir: z.string().trim().min(1).optional(),
    windows: z.array(windowSchema).min(1).max(8).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.mode === 'remote' && !c.hubUrl) {
      ctx.addIssue({ code: 'custom', path: ['hubUrl'], message: 'remote mode needs "hubUrl", e.g. "http://192.168.1.10:8080"' });
    }
    if (c.lan && c.hubPort === 0) {
      ctx.addIssue({ code: 'custom', path: ['hubPort'], message: 'with "lan": true the hub needs a fixed port (e.g. 8080) the other PCs can use' });
    }
  });
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;

/** A fresh install: the whole office on this PC. */
export const DEFAULT_WINDOWS: readonly WindowConfig[] = [{ role: 'kiosk' }, { role: 'counter' }, { role: 'display' }];

export function defaultDeviceConfig(): DeviceConfig {
  return { mode: 'standalone', lan: false, windows: DEFAULT_WINDOWS.map((w) => ({ ...w })) };
}

export class DeviceConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DeviceConfigError';
  }
}

/** Parses the file's text; throws DeviceConfigError naming the file and each problem. */
export function parseDeviceConfig(text: string, file = DEVICE_CONFIG_FILE): DeviceConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DeviceConfigError(`${file} is not valid JSON: ${(e as Error).message}`, file);
  }
  const result = deviceConfigSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`).join('; ');
    throw new DeviceConfigError(`${file} has errors: ${problems}`, file);
  }
  return result.data;
}

/**
 * Reads `<dir>/motcua-device.json`, creating it with the defaults when it does
 * not exist. A file that exists but is wrong is never overwritten: the caller
 * shows the error (a PC meant as a remote counter must not quietly become a
 * new, empty office).
 */
export function loadDeviceConfig(dir: string): { config: DeviceConfig; file: string; created: boolean } {
  const file = path.join(dir, DEVICE_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DeviceConfigError(`cannot read ${file}: ${(e as Error).message}`, file);
    }
    const config = defaultDeviceConfig();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, file);
    return { config, file, created: true };
  }
  return { config: parseDeviceConfig(text, file), file, created: false };
}

export interface WindowPlan {
  role: WindowRole;
  name: string;
  kiosk: boolean;
  fullscreen: boolean;
  printer: string | null;
  display: number | null;
  /**
   * The window's own persistent session: each window keeps its own device token in its own
   * localStorage (two windows on the same hub origin would otherwise overwrite each other's).
   */
  partition: string;
}

const ROLE_LABEL: Record<WindowRole, string> = { kiosk: 'Kiosk', counter: 'Counter', display: 'Display', admin: 'Admin' };

/**
 * The windows to open. Kiosk mode locks the screen, so by default only the
 * installed app (`isPackaged`) puts kiosk windows in it: a developer's
 * `npm start` stays usable. The config can turn it on or off per window.
 */
export function planWindows(config: DeviceConfig, env: { isPackaged: boolean }): WindowPlan[] {
  const windows = config.windows ?? DEFAULT_WINDOWS;
  const seen: Partial<Record<WindowRole, number>> = {};
  return windows.map((w) => {
    const n = (seen[w.role] = (seen[w.role] ?? 0) + 1);
    const kiosk = w.kiosk ?? (env.isPackaged && w.role === 'kiosk');
    return {
      role: w.role,
      name: w.name ?? `${ROLE_LABEL[w.role]} ${n}`,
      kiosk,
      fullscreen: !kiosk && (w.fullscreen ?? (env.isPackaged && w.role === 'display')),
      printer: w.printer ?? null,
      display: w.display ?? null,
      partition: `persist:${w.role}-${n}`,
    };
  });
}

/** Where the standalone hub listens: loopback on a free port, or the LAN on a fixed one. */
export function hubListen(config: DeviceConfig): { host: string; port: number } {
  if (config.lan) return { host: '0.0.0.0', port: config.hubPort ?? 8080 };
  return { host: '127.0.0.1', port: config.hubPort ?? 0 };
}
