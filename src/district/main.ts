import fs from 'node:fs';
import { openDatabase } from './db';
import { migrateDistrict } from './migrations';
import { buildDistrictApp } from './app';
import { DEMO_OFFICE, districtConfig, DistrictConfigError } from './config';

/**
 * `npm run district`: the reference district server. PostgreSQL when
 * DATABASE_URL is set, else PGlite (real Postgres in this process) with its
 * data in DISTRICT_DATA_DIR (default ./data/district, created on first start).
 * DISTRICT_PORT (8090), DISTRICT_HOST (127.0.0.1), DISTRICT_BACKOFFICE_TOKEN
 * (the departments' API; on loopback the demo token when unset, elsewhere
 * required), DISTRICT_DEMO_OFFICE (1/0; default 1 on loopback, 0 elsewhere).
 * The rules are in config.ts.
 */
export async function main(): Promise<void> {
  const config = districtConfig(process.env);
  // A fresh clone has no data/ yet, and PGlite creates only the last folder of the path.
  if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDistrict(db);
  const { app, service } = await buildDistrictApp(db, { backOfficeToken: config.backOfficeToken, logger: config.logger });
  if (config.demoOffice) await service.createOffice({ id: DEMO_OFFICE.id, name: DEMO_OFFICE.name, agencyCode: config.demoAgency });
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  // One line a parent process (tests, the CLI) can read.
  console.log(JSON.stringify({ district: `http://127.0.0.1:${port}`, database: db.kind, backOfficeToken: config.tokenSet ? '(set)' : config.backOfficeToken, demoOffice: config.demoOffice }));
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main().catch((err: unknown) => {
  // One line: a setting to fix says only that; anything else its message.
  console.error(err instanceof DistrictConfigError ? err.message : `The district server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof DistrictConfigError ? 2 : 1);
});
