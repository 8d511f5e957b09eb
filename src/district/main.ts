import { openDatabase } from './db';
import { migrateDistrict } from './migrations';
import { buildDistrictApp } from './app';

/**
 * `npm run district`: the reference district server. PostgreSQL when
 * DATABASE_URL is set, else PGlite (real Postgres in this process) with its
 * data in DISTRICT_DATA_DIR (default ./data/district). DISTRICT_PORT (8090),
 * DISTRICT_HOST (127.0.0.1), DISTRICT_BACKOFFICE_TOKEN (the departments' API;
 * a demo token is printed when unset). DISTRICT_DEMO_OFFICE=0 skips the demo office.
 */
export async function main(): Promise<void> {
  const env = process.env;
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DISTRICT_DATA_DIR ?? 'data/district' });
  await migrateDistrict(db);
  const token = env.DISTRICT_BACKOFFICE_TOKEN ?? 'demo-back-office';
  const { app, service } = await buildDistrictApp(db, { backOfficeToken: token, logger: env.DISTRICT_LOG === '1' });
  if (env.DISTRICT_DEMO_OFFICE !== '0') await service.createOffice({ id: 'demo', name: 'Trung tâm Phục vụ hành chính công phường Ba Đình', agencyCode: env.DISTRICT_DEMO_AGENCY ?? '000.00.15.H24' });
  await app.listen({ host: env.DISTRICT_HOST ?? '127.0.0.1', port: Number(env.DISTRICT_PORT ?? 8090) });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  // One line a parent process (tests, the CLI) can read.
  console.log(JSON.stringify({ district: `http://127.0.0.1:${port}`, database: db.kind, backOfficeToken: env.DISTRICT_BACKOFFICE_TOKEN ? '(set)' : token }));
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
