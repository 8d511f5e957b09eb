import fs from 'node:fs';
import path from 'node:path';
import { openStore, STORE_FILE } from './db/open';
import { createStore } from './db/store';
import { isEmptyStore, seedCatalogue, seedDemoOffice, seedFirstAdmin } from './db/seed';
import { createServices } from './services';
import { createClock } from './services/clock';
import { buildApp } from './http/app';
import { findAppPath } from './paths';
import { isLoopbackHost, listenAddress } from '../shared/domain/listenAddress';
import type { HubOptions, RunningHub } from './hub.types';
import type { AuditActor } from './services/audit';
import { HUB_PID_FILE, restoreStore } from './services/backup/restore';

export type { HubOptions, RunningHub } from './hub.types';

/** Marks a data folder whose office has been set up: from then on a missing store is an error, not a new office. */
const MARKER = 'office.json';
export const HUB_VERSION = '0.1.0';

function defaultUiDir(): string {
  try {
    return findAppPath(path.join('dist', 'renderer'), 'MOTCUA_UI_DIR');
  } catch {
    return path.resolve('dist', 'renderer');
  }
}

/**
 * Where the hub listens (an empty MOTCUA_HOST means loopback: only a named address opens it to the
 * network), and whether that is LAN mode: the one place both are decided.
 */
const listenHost = listenAddress;
export function isLanMode(options: Pick<HubOptions, 'host' | 'lanMode'>): boolean {
  return options.lanMode ?? !isLoopbackHost(listenHost(options.host));
}

/**
 * Composes store + services + HTTP for `npm run hub`, Electron's utilityProcess
 * and the tests: the same code in every mode. A restore from /admin closes the
 * store and the server, puts the backup in place and boots again on the same port.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  let port = options.port ?? 8080;
  let restarting: Promise<void> | null = null;
  const requestRestore = (file: string, by: AuditActor) => {
    restarting ??= (async () => {
      await current.close();
      const clock = createClock(options.clock);
      try {
        restoreStore(options.dataDir, file, { now: clock.now(), by: by.name ?? null, actor: by, nativeBinding: options.nativeBinding });
      } catch (err) {
        // The replaced store was put back: boot on it and say why in its audit log.
        current = await bootHub(options, port, requestRestore);
        current.recordRestoreFailure(file, by, err);
        return;
      }
      current = await bootHub(options, port, requestRestore);
    })().finally(() => {
      restarting = null;
    });
  };
  let current = await bootHub(options, port, requestRestore);
  port = current.port;
  const bound = listenHost(options.host);
  const host = bound !== '0.0.0.0' && bound !== '::' ? bound : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const pidFile = path.join(options.dataDir, HUB_PID_FILE);
  fs.writeFileSync(pidFile, JSON.stringify({ pid: process.pid, url, startedAt: new Date().toISOString() }));
  return {
    url,
    port,
    async close() {
      await restarting;
      await current.close();
      fs.rmSync(pidFile, { force: true });
    },
  };
}

interface BootedHub {
  port: number;
  close(): Promise<void>;
  recordRestoreFailure(file: string, by: AuditActor, err: unknown): void;
}

async function bootHub(options: HubOptions, listenPort: number, requestRestore: (file: string, by: AuditActor) => void): Promise<BootedHub> {
  const marker = path.join(options.dataDir, MARKER);
  const db = openStore(path.join(options.dataDir, STORE_FILE), { nativeBinding: options.nativeBinding, mustExist: fs.existsSync(marker) });
  const store = createStore(db);
  const clock = createClock(options.clock);
  try {
    if (isEmptyStore(store)) {
      if (options.seedDemo === false) {
        const pin = process.env.MOTCUA_ADMIN_PIN;
        if (!pin || !/^\d{4,8}$/.test(pin)) throw new Error('A new office needs its first administrator PIN: set MOTCUA_ADMIN_PIN (4–8 digits), or start with the demo office.');
        await seedFirstAdmin(store, pin, clock.now());
      } else {
        await seedDemoOffice(store, clock.now());
      }
    }
    if (store.catalogue.count() === 0) seedCatalogue(store, clock.now());
    if (!fs.existsSync(marker)) fs.writeFileSync(marker, JSON.stringify({ createdAt: new Date(clock.now()).toISOString(), store: STORE_FILE }, null, 2));

    const hub = createServices(store, clock, {
      localSecret: options.localSecret,
      lanMode: isLanMode(options),
      version: HUB_VERSION,
      backups: { dataDir: options.dataDir, nativeBinding: options.nativeBinding, requestRestore },
      dossierFreshener: options.dossierFreshener,
      sync: options.sync,
      digitising: options.digitising,
    });
    const app = await buildApp(hub, { uiDir: options.uiDir ?? defaultUiDir(), logger: options.logger });
    await app.listen({ host: listenHost(options.host), port: listenPort });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : listenPort;
    hub.backups.start();

    // Screens must roll over to the new office day by themselves (numbers restart, board empties).
    let day = clock.officeDay();
    const dayWatch = setInterval(() => {
      if (clock.officeDay() !== day) {
        day = clock.officeDay();
        hub.queue.publish();
      }
    }, 30_000);
    dayWatch.unref();
    if (hub.sync.autoStart) {
      hub.sync.start();
      hub.attachments.uploader.start();
    }

    return {
      port,
      async close() {
        clearInterval(dayWatch);
        hub.supervisor.stop();
        await hub.backups.stop();
        await hub.attachments.uploader.stop();
        await hub.sync.stop();
        await app.close();
        db.close();
      },
      recordRestoreFailure(file, by, err) {
        store.write(() =>
          hub.audit.record('backup.restore_failed', by, `backup:${path.basename(file)}`, { message: err instanceof Error ? err.message : String(err) }),
        );
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
