/**
 * The hub as Electron's utilityProcess (standalone mode). The main process
 * passes its settings through the environment and waits for `ready`.
 */
import { startHub } from './hub';

interface ParentPort {
  postMessage(message: unknown): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const post = (message: unknown) => (parentPort ? parentPort.postMessage(message) : console.log(JSON.stringify(message)));

startHub({
  dataDir: process.env.MOTCUA_DATA_DIR ?? 'data',
  host: process.env.MOTCUA_HOST ?? '127.0.0.1',
  port: Number(process.env.MOTCUA_PORT ?? 0),
  localSecret: process.env.MOTCUA_LOCAL_SECRET,
  nativeBinding: process.env.MOTCUA_SQLITE_BINDING || undefined,
})
  .then((hub) => {
    post({ type: 'ready', url: hub.url });
    const stop = () => void hub.close().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
