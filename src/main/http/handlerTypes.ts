/**
 * The shape of a route handler, derived from the route table. Its own module so
 * that handlers.ts and the handler files it composes both take it from here
 * instead of from each other (an import cycle; tests/unit/import-cycles.test.ts).
 */
import type { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteName, Routes } from '../../shared/api';
import type { Authenticated } from '../services/auth';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<N extends RouteName> {
  params: Routes[N] extends { params: infer P } ? Out<P> : undefined;
  query: Routes[N] extends { query: infer Q } ? Out<Q> : undefined;
  body: Routes[N] extends { body: infer B } ? Out<B> : undefined;
  auth: Authenticated | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<N extends RouteName> = (ctx: HandlerContext<N>) => Promise<Out<Routes[N]['response']>> | Out<Routes[N]['response']>;

/** One handler per route of src/shared/api/routes.ts. */
export type Handlers = { [N in RouteName]: Handler<N> };
