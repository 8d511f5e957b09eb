import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { API_PREFIX, AppError, errorBodySchema, routes, type RouteDef, type RouteName } from '../../shared/api';
import type { Hub } from '../services';
import { authorise } from './auth';
import { installErrorHandling } from './errors';
import { createHandlers } from './handlers';
import type { HandlerContext } from './handlerTypes';
import { registerEvents } from './sse';
import { registerUi } from './ui';
import { clientErrorHandler, frameworkErrors } from './transportErrors';
import { createGuessThrottle, guessThrottleOptions } from './guessThrottle';
import { CATALOGUE_IMPORT_MAX_BYTES } from '../../shared/api/catalogueImport';

export const BODY_LIMIT = 64 * 1024;
/** Routes that guess secrets get a per-address limit on top of the per-account lockout. */
const GUARDED: Partial<Record<RouteName, number>> = { login: 20, changePin: 20, pair: 10, verifyAdminPin: 10, localEnrol: 20 };

export async function buildApp(hub: Hub, options: { uiDir: string; logger?: boolean }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          redact: ['req.headers.authorization', 'req.headers["x-motcua-local-secret"]'],
          // The live stream carries its token in the query (EventSource cannot send headers): never log it.
          serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/access_token=[^&]*/, 'access_token=[redacted]') }) },
        }
      : false,
    bodyLimit: BODY_LIMIT,
    // SSE connections are long-lived; close them with the server.
    forceCloseConnections: true,
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // JSON with an empty body is "no body" (a POST action like call-next); anything unparsable is a clear 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, raw, done) => {
    const text = String(raw);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.'), undefined);
    }
  });

  // A catalogue file comes as raw bytes (POST /admin/catalogue/import); its own limit is checked with a clear message by the import.
  app.addContentTypeParser(['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], { parseAs: 'buffer', bodyLimit: 2 * CATALOGUE_IMPORT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'MotCua Kiosk hub API', version: hub.version, description: 'Office hub: queue, devices, clerks. Generated from the zod schemas in src/shared/api.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const handlers = createHandlers(hub);
  const guesses = createGuessThrottle(hub.clock.now);
  for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
    const handler = handlers[name] as (ctx: HandlerContext<RouteName>) => unknown;
    const limit = GUARDED[name];
    app.route({
      method: def.method,
      url: API_PREFIX + def.path,
      ...(limit ? { config: { rateLimit: { max: limit, timeWindow: '1 minute' } } } : {}),
      ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
      ...guessThrottleOptions(guesses, name, def.path),
      schema: {
        summary: def.summary,
        operationId: name,
        ...(def.roles.includes('public') ? {} : { security: [{ bearer: [] }], description: `Roles: ${def.roles.join(', ')}` }),
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { querystring: def.query } : {}),
        ...(def.body ? { body: def.body } : {}),
        ...(def.contentType ? {} : { response: { 200: def.response, '4xx': errorBodySchema, '5xx': errorBodySchema } }),
      },
      // Authorisation runs before the body is validated, so the wrong role gets 403, not a hint about fields.
      onRequest: async (req) => {
        (req as unknown as { motcuaAuth: unknown }).motcuaAuth = authorise(hub.auth, req, def.roles, false, def.beforePinChange === true);
      },
      handler: async (req, reply) =>
        handler({
          params: req.params,
          query: req.query,
          body: req.body,
          auth: (req as unknown as { motcuaAuth: HandlerContext<RouteName>['auth'] }).motcuaAuth,
          req,
          reply,
        } as HandlerContext<RouteName>),
    });
  }
  registerEvents(app, hub, hub.auth);
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, () => app.swagger());
  await registerUi(app, options.uiDir);
  return app;
}
