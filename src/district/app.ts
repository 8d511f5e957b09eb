import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { createOnlineDossiers, onlineDossierBody } from './onlineDossiers';
import { createDistrictService, SyncError, type DistrictService } from './service';
import { createBackOffice, calendarDayBody, extendBody, moveBody, noticeBody, paymentBody, supplementBody } from './backOffice';
import { TransientDbError, type Database } from './db';
import { registerAttachmentRoutes } from './attachments';
import {
  enrolBody,
  pullQuery,
  pushBody,
  reepochBody,
  snapshotQuery,
  SYNC_HEADERS,
  SYNC_PREFIX,
  SYNC_PROTOCOL_VERSION,
  SYNC_SCHEMA_VERSION,
} from '../shared/api/sync';

export interface DistrictAppOptions {
  /** Token for the back-office API (the departments' side); none = back office off. */
  backOfficeToken?: string;
  clock?: { now(): number };
  logger?: boolean;
}

const SUPPORTED_PROTOCOLS = [SYNC_PROTOCOL_VERSION];
const SUPPORTED_SCHEMAS = [SYNC_SCHEMA_VERSION];

/**
 * The reference district server: the sync endpoints hubs call (signed, see
 * service.ts) under /sync/v1, and a back-office API under /back-office for the
 * departments (a bearer token). Every error is `{ error: { code, message } }`;
 * a database that is away answers 503 and changes nothing.
 */
export async function buildDistrictApp(db: Database, options: DistrictAppOptions = {}): Promise<{ app: FastifyInstance; service: DistrictService }> {
  const clock = options.clock ?? { now: Date.now };
  const service = createDistrictService(db, clock);
  const backOffice = createBackOffice(db, clock);
  const online = createOnlineDossiers(db, clock);
  const app = Fastify({ logger: options.logger ? { level: 'info' } : false, bodyLimit: 8 * 1024 * 1024, forceCloseConnections: true });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, raw, done) => {
    const text = String(raw);
    (req as unknown as { rawBody: string }).rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new SyncError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header(SYNC_HEADERS.serverTime, String(clock.now()));
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof SyncError) return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } });
    if (err instanceof ZodError) {
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: `Invalid request: ${err.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}.` } });
    }
    if (err instanceof TransientDbError) return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The district database is unavailable; nothing was changed. Retry later.' } });
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return reply.status(e.statusCode).send({ error: { code: 'VALIDATION_FAILED', message: e.message ?? 'Bad request.' } });
    req.log.error({ err }, 'district request failed');
    // Unknown failures are treated as transient: the hub keeps the change and retries, so nothing is lost.
    return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The district server could not complete the request; nothing was changed. Retry later.' } });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: `Nothing at ${req.method} ${req.url.split('?')[0]}.` } }));

  /** Both versions are checked before anything else, so an old or new hub gets a clear answer. */
  function checkVersions(req: FastifyRequest): void {
    const p = Number(req.headers[SYNC_HEADERS.protocol]);
    const s = Number(req.headers[SYNC_HEADERS.schema]);
    if (!SUPPORTED_PROTOCOLS.includes(p) || !SUPPORTED_SCHEMAS.includes(s)) {
      throw new SyncError(426, 'VERSION_UNSUPPORTED', `This district server speaks sync protocol ${SUPPORTED_PROTOCOLS.join(', ')} with schema ${SUPPORTED_SCHEMAS.join(', ')}; the hub sent protocol ${String(req.headers[SYNC_HEADERS.protocol] ?? 'none')}, schema ${String(req.headers[SYNC_HEADERS.schema] ?? 'none')}. Update the hub.`, {
        supportedProtocols: SUPPORTED_PROTOCOLS,
        supportedSchemas: SUPPORTED_SCHEMAS,
      });
    }
  }
  const signed = async (req: FastifyRequest) => {
    checkVersions(req);
    return service.authenticate({ method: req.method, path: req.url, headers: req.headers as Record<string, string | undefined>, rawBody: (req as unknown as { rawBody?: string }).rawBody ?? '' });
  };

  app.get('/health', async () => ({ ok: true, protocol: SUPPORTED_PROTOCOLS, schema: SUPPORTED_SCHEMAS, time: clock.now(), database: db.kind }));

  app.post(`${SYNC_PREFIX}/enrol`, async (req) => {
    checkVersions(req);
    return service.enrol(enrolBody.parse(req.body));
  });
  app.get(`${SYNC_PREFIX}/hello`, async (req) => service.hello(await signed(req)));
  app.post(`${SYNC_PREFIX}/reepoch`, async (req) => {
    const auth = await signed(req);
    return service.reepoch(auth, reepochBody.parse(req.body));
  });
  app.post(`${SYNC_PREFIX}/push`, async (req) => {
    const auth = await signed(req);
    return service.push(auth, pushBody.parse(req.body));
  });
  app.get(`${SYNC_PREFIX}/pull`, async (req) => {
    const auth = await signed(req);
    const q = pullQuery.parse(req.query);
    return service.pull(auth, q.cursor, q.limit);
  });
  app.get(`${SYNC_PREFIX}/snapshot`, async (req) => service.snapshot(await signed(req), snapshotQuery.parse(req.query)));
  app.get(`${SYNC_PREFIX}/digest`, async (req) => service.digest(await signed(req)));
  app.get(`${SYNC_PREFIX}/dossiers/:code`, async (req) => {
    const auth = await signed(req);
    const { code } = z.object({ code: z.string().min(1).max(60) }).parse(req.params);
    return service.lookup(auth, code.trim().toUpperCase());
  });

  // ---- back office (the departments) ------------------------------------------------------
  const bo = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = options.backOfficeToken;
    if (!token || req.headers.authorization !== `Bearer ${token}`) {
      await reply.status(401).send({ error: { code: 'UNAUTHENTICATED', message: 'The back office needs its bearer token.' } });
      return reply;
    }
  };
  const code = (req: FastifyRequest) => z.object({ code: z.string().min(1).max(60) }).parse(req.params).code.trim().toUpperCase();
  const ok = { ok: true };
  app.register(async (r) => {
    r.addHook('onRequest', bo);
    r.post('/back-office/offices', async (req) => {
      const b = z.object({ id: z.string().min(1).max(60), name: z.string().min(1).max(200), agencyCode: z.string().regex(/^[0-9A-Z.]{3,30}$/) }).parse(req.body);
      await service.createOffice(b);
      return ok;
    });
    r.post('/back-office/offices/:id/enrolment-codes', async (req) => ({ code: await service.createEnrolmentCode(z.object({ id: z.string().max(60) }).parse(req.params).id) }));
    r.post('/back-office/offices/:id/compact', async (req) => ({ minSeq: await backOffice.compact(z.object({ id: z.string().max(60) }).parse(req.params).id) }));
    r.get('/back-office/offices/:id/dossiers', async (req) => backOffice.dossiers(z.object({ id: z.string().max(60) }).parse(req.params).id));
    r.get('/back-office/dossiers/:code', async (req) => backOffice.dossier(code(req)));
    r.post('/back-office/dossiers/:code/move', async (req) => (await backOffice.move(code(req), moveBody.parse(req.body ?? {})), ok));
    r.post('/back-office/dossiers/:code/supplement', async (req) => (await backOffice.requestSupplement(code(req), supplementBody.parse(req.body)), ok));
    r.post('/back-office/dossiers/:code/result-ready', async (req) => (await backOffice.resultReady(code(req), z.object({ note: z.string().max(2000).optional() }).parse(req.body ?? {}).note), ok));
    r.post('/back-office/online-dossiers', async (req) => (await online.create(onlineDossierBody.parse(req.body)), ok));
    r.post('/back-office/dossiers/:code/paid-online', async (req) => (await online.setPaidOnline(code(req), req.body), ok));
    r.post('/back-office/dossiers/:code/payment', async (req) => (await backOffice.setPayment(code(req), paymentBody.parse(req.body)), ok));
    r.post('/back-office/dossiers/:code/extend', async (req) => (await backOffice.extendDue(code(req), extendBody.parse(req.body)), ok));
    r.post('/back-office/procedures', async (req) => (await backOffice.publishProcedure(req.body), ok));
    r.delete('/back-office/procedures/:code', async (req) => (await backOffice.withdrawProcedure(z.object({ code: z.string().max(40) }).parse(req.params).code), ok));
    r.post('/back-office/calendar-days', async (req) => (await backOffice.publishCalendarDay(calendarDayBody.parse(req.body)), ok));
    r.delete('/back-office/calendar-days/:date', async (req) => (await backOffice.removeCalendarDay(z.object({ date: z.string().max(10) }).parse(req.params).date), ok));
    r.post('/back-office/notices', async (req) => (await backOffice.publishNotice(noticeBody.parse(req.body)), ok));
  });

  registerAttachmentRoutes(app, db, signed, bo);

  const purge = setInterval(() => void service.purgeNonces().catch(() => {}), 60_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  return { app, service };
}
