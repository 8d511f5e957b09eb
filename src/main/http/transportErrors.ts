import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../shared/api';

/**
 * Failures Fastify answers before a route or the error handler runs: a URL that
 * does not decode (`%zz`, a lone surrogate), a path parameter past the length
 * limit, request headers past Node's size limit. Fastify's own answers to these
 * have another shape; these give them the contract's error shape (DESIGN.md §4).
 * Found by the route fuzzer (tests/reliability/fuzz.test.ts).
 */
export function frameworkErrors(error: { code?: string; message: string }, _req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorBody = {
    error: tooLong
      ? { code: 'NOT_FOUND', message: 'Nothing at that address: a part of the path is too long.' }
      : { code: 'VALIDATION_FAILED', message: 'The address of the request is not valid (it does not decode as UTF-8).' },
  };
  void reply.status(tooLong ? 404 : 400).send(body);
}

/** Errors on the raw connection (a header block too large, bytes that are not HTTP): answered in the contract's shape, then closed. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ErrorBody] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { error: { code: 'VALIDATION_FAILED', message: 'The request headers or address are too large.' } }]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, { error: { code: 'VALIDATION_FAILED', message: 'The request took too long to arrive.' } }]
        : [400, { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP.' } }];
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(err);
}
