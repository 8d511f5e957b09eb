/**
 * Electron entry (dist/electron/main.cjs). Everything lives in small modules
 * beside this file; see docs/electron.md.
 */
import { app } from 'electron';
import { prepareShell, startShell } from './shell';

if (prepareShell()) {
  app
    .whenReady()
    .then(startShell)
    .catch((e: unknown) => {
      console.error('[motcua] start-up failed:', e);
      app.exit(1);
    });
}
