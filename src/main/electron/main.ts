/**
 * Electron entry (dist/electron/main.cjs). Everything lives in small modules
 * beside this file; see docs/electron.md.
 *
 *   MotCuaKiosk                               the app (device config in userData)
 *   MotCuaKiosk --print-test-page=<printer>   print an 80 mm test page on <printer> and exit
 */
import { app } from 'electron';
import path from 'node:path';
import { printTestPage } from '../printing';
import { prepareShell, startShell } from './shell';

const testPage = process.argv.find((a) => a.startsWith('--print-test-page='))?.slice('--print-test-page='.length);

if (testPage !== undefined) {
  app
    .whenReady()
    .then(() => printTestPage(testPage, { fontPath: path.join(app.getAppPath(), 'assets', 'fonts', 'BeVietnamPro-Regular.ttf') }))
    .then(() => {
      console.log(`Test page sent to "${testPage}".`);
      app.exit(0);
    })
    .catch((e: unknown) => {
      console.error(`Test page failed: ${(e as Error).message}`);
      app.exit(1);
    });
} else if (prepareShell()) {
  app
    .whenReady()
    .then(startShell)
    .catch((e: unknown) => {
      console.error('[motcua] start-up failed:', e);
      app.exit(1);
    });
}
