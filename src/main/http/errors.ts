import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode, type ValidationIssue } from '../../shared/api';

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

/** Maps every failure to the error shape of DESIGN.md §4; a 5xx never leaks internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(body(err.code, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: ValidationIssue[] = err.validation.map((v) => {
        // The type provider puts zod's issue code in `keyword` and the rest of the issue in `params`.
        const { minimum, maximum } = v.params as { minimum?: unknown; maximum?: unknown };
        const limit = minimum ?? maximum;
        return {
          path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
          message: v.message ?? 'is invalid',
          rule: v.keyword,
          ...(typeof limit === 'number' || typeof limit === 'bigint' ? { limit: Number(limit) } : {}),
        };
      });
      const first = details[0];
      const where = err.validationContext === 'body' ? 'request' : err.validationContext;
      return reply.status(400).send(body('VALIDATION_FAILED', `Invalid ${where}: ${first ? `${first.path || 'value'} ${first.message}` : 'check the fields'}.`, details));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('MALFORMED_JSON', 'The request body is not valid JSON.'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(body('BODY_TOO_LARGE', 'The request body is too large.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.'));
    }
    if (err.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', 'Too many attempts. Wait a minute and try again.'));
    if (isResponseSerializationError(err)) req.log.error({ err, cause: err.cause }, 'response did not match its schema');
    else req.log.error({ err }, 'request failed');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.status(err.statusCode).send(body('VALIDATION_FAILED', err.message));
    return reply.status(500).send(body('INTERNAL', 'Something went wrong in the hub. The action was not completed; try again, and tell the administrator if it repeats.'));
  });

  app.setNotFoundHandler((req, reply) => reply.status(404).send(body('NOT_FOUND', `Nothing at ${req.method} ${req.url.split('?')[0]}.`)));
}
