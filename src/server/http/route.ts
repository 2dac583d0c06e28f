import type {
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Action, Subject } from '../../core/org/can.ts';

export type TypedRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  S,
  ZodTypeProvider
>;

/**
 * Who may call a route, stated once beside it: anyone, any logged-in user acting on herself, or the holders of
 * `action` on the subject the request names. The subject resolver throws NOT_FOUND for an unknown id.
 */
export type Access<S extends FastifySchema> =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'action'; action: Action; subject: (req: TypedRequest<S>) => Promise<Subject> | Subject };

export type RouteSpec<S extends FastifySchema = FastifySchema> = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access<S>;
  schema: S;
  /** Login attempts and the like get a tighter per-address limit than the rest of the API. */
  rateLimit?: { max: number; timeWindowMs: number };
  /** Routes outside the session's CSRF check: those that run before there is a session (login, setup). */
  skipCsrf?: boolean;
  handler: (req: TypedRequest<S>, reply: FastifyReply) => Promise<unknown>;
};

/** Keeps the schema's types flowing into the handler. */
export const defineRoute = <S extends FastifySchema>(spec: RouteSpec<S>): RouteSpec<S> => spec;

// Route lists hold specs of many schema types; the app only needs their common shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any>;
