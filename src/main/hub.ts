import fs from 'node:fs';
import path from 'node:path';
import { openStore, STORE_FILE } from './db/open';
import { createStore } from './db/store';
import { isEmptyStore, seedCatalogue, seedDemoOffice, seedFirstAdmin } from './db/seed';
import { createServices } from './services';
import { createClock } from './services/clock';
import { buildApp } from './http/app';
import { findAppPath } from './paths';
import type { HubOptions, RunningHub } from './hub.types';

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
 * Composes store + services + HTTP for `npm run hub`, Electron's utilityProcess
 * and the tests: the same code in every mode.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  fs.mkdirSync(options.dataDir, { recursive: true });
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

    const hub = createServices(store, clock, { localSecret: options.localSecret, version: HUB_VERSION, sync: options.sync });
    const app = await buildApp(hub, { uiDir: options.uiDir ?? defaultUiDir(), logger: options.logger });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';

    // Screens must roll over to the new office day by themselves (numbers restart, board empties).
    let day = clock.officeDay();
    const dayWatch = setInterval(() => {
      if (clock.officeDay() !== day) {
        day = clock.officeDay();
        hub.queue.publish();
      }
    }, 30_000);
    dayWatch.unref();
    if (hub.sync.autoStart) hub.sync.start();

    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      async close() {
        clearInterval(dayWatch);
        await hub.sync.stop();
        await app.close();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
