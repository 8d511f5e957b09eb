/**
 * What dist/main/hub-process.cjs posts to the main process through
 * `process.parentPort` (the hub's side is src/main/hub-process.ts), and the
 * environment the main process starts it with.
 */
import { z } from 'zod';

export const hubMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string().min(1) }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;

export interface HubEnvInput {
  dataDir: string;
  host: string;
  port: number;
  localSecret: string;
  sqliteBinding: string;
}

export function hubEnv(i: HubEnvInput): Record<string, string> {
  return {
    MOTCUA_DATA_DIR: i.dataDir,
    MOTCUA_HOST: i.host,
    MOTCUA_PORT: String(i.port),
    MOTCUA_LOCAL_SECRET: i.localSecret,
    MOTCUA_SQLITE_BINDING: i.sqliteBinding,
  };
}
