/**
 * `npm run hub`: the office hub headless (a service on the office PC or server).
 * MOTCUA_PORT (8080), MOTCUA_HOST (127.0.0.1; set 0.0.0.0 for LAN mode),
 * MOTCUA_DATA_DIR (./data), MOTCUA_DEMO=0 for a new empty office with MOTCUA_ADMIN_PIN.
 */
import path from 'node:path';
import { isLanMode, startHub } from './hub';

async function main() {
  const port = Number(process.env.MOTCUA_PORT ?? 8080);
  const host = process.env.MOTCUA_HOST ?? '127.0.0.1';
  const dataDir = path.resolve(process.env.MOTCUA_DATA_DIR ?? 'data');
  const hub = await startHub({ dataDir, host, port, seedDemo: process.env.MOTCUA_DEMO !== '0', logger: process.env.MOTCUA_LOG === '1' });
  console.log(`MotCua hub on ${hub.url} (data: ${dataDir})`);
  for (const role of ['kiosk', 'counter', 'display', 'admin']) console.log(`  ${role.padEnd(8)} ${hub.url}/${role}`);
  if (isLanMode({ host })) console.log('  LAN mode: an account still on a demo PIN must change it at its first login.');
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`The hub could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
