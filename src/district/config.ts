import { isLoopbackHost, listenAddress } from '../shared/domain/listenAddress';

/** Printed in the README: fine on this machine, an open door anywhere else. */
export const DEMO_BACKOFFICE_TOKEN = 'demo-back-office';
export const DEMO_OFFICE = { id: 'demo', name: 'Trung tâm Phục vụ hành chính công phường Ba Đình', agencyCode: '000.00.15.H24' } as const;

export interface DistrictConfig {
  host: string;
  port: number;
  databaseUrl?: string;
  /** PGlite's folder when there is no DATABASE_URL; created with its parents. */
  dataDir: string;
  backOfficeToken: string;
  /** The token came from the environment (the start line prints "(set)" instead of it). */
  tokenSet: boolean;
  /** Create (or refresh) the demo office at start. */
  demoOffice: boolean;
  demoAgency: string;
  logger: boolean;
}

/** A setting the server cannot start with; its message is the one line shown. */
export class DistrictConfigError extends Error {
  override name = 'DistrictConfigError';
}

/**
 * `npm run district`'s settings from the environment. Loopback keeps the
 * try-it-on-one-machine defaults (demo token, demo office). Any other address
 * is a server other machines reach: it needs a back-office token of its own
 * and creates the demo office only when DISTRICT_DEMO_OFFICE=1 asks for it.
 */
export function districtConfig(env: NodeJS.ProcessEnv): DistrictConfig {
  const host = listenAddress(env.DISTRICT_HOST);
  const loopback = isLoopbackHost(host);
  const given = env.DISTRICT_BACKOFFICE_TOKEN?.trim() || undefined;
  if (!loopback && (!given || given === DEMO_BACKOFFICE_TOKEN)) {
    throw new DistrictConfigError(
      `Refusing to listen on ${host} (not loopback) with ${given ? 'the demo back-office token' : 'no back-office token'}: set DISTRICT_BACKOFFICE_TOKEN to a secret of your own (e.g. \`openssl rand -base64 32\`).`,
    );
  }
  const port = Number(env.DISTRICT_PORT ?? 8090);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DistrictConfigError(`DISTRICT_PORT must be a port number (0–65535), not "${env.DISTRICT_PORT}".`);
  const demo = env.DISTRICT_DEMO_OFFICE?.trim();
  if (demo !== undefined && demo !== '' && demo !== '0' && demo !== '1') throw new DistrictConfigError(`DISTRICT_DEMO_OFFICE must be 1 (create the demo office) or 0 (do not), not "${env.DISTRICT_DEMO_OFFICE}".`);
  return {
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DISTRICT_DATA_DIR || 'data/district',
    backOfficeToken: given ?? DEMO_BACKOFFICE_TOKEN,
    tokenSet: given !== undefined,
    demoOffice: demo === '1' || (demo !== '0' && loopback),
    demoAgency: env.DISTRICT_DEMO_AGENCY ?? DEMO_OFFICE.agencyCode,
    logger: env.DISTRICT_LOG === '1',
  };
}
