/**
 * Prepares a district database for the sync benchmark, in its own process
 * (so PGlite's memory never counts against the hub's): offices "big" and
 * "small" with N and M dossiers each in their change logs.
 * argv: <dataDir> <bigCount> <smallCount>   (DATABASE_URL: a PostgreSQL server instead)
 */
import { openDatabase } from '../../src/district/db';
import { migrateDistrict } from '../../src/district/migrations';
import { createDistrictService } from '../../src/district/service';
import { createBackOffice } from '../../src/district/backOffice';

const [dataDir, big, small] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrateDistrict(db);
const service = createDistrictService(db);
const bo = createBackOffice(db);
await service.createOffice({ id: 'big', name: 'Big office', agencyCode: '000.00.91.H24' });
await service.createOffice({ id: 'small', name: 'Small office', agencyCode: '000.00.92.H24' });
await bo.seedDossiers('big', '000.00.91.H24', Number(big));
await bo.seedDossiers('small', '000.00.92.H24', Number(small));
const codes = { big: await service.createEnrolmentCode('big'), small: await service.createEnrolmentCode('small'), push: await service.createEnrolmentCode('small') };
await db.close();
console.log(JSON.stringify(codes));
