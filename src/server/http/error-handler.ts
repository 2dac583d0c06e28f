import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from './errors.ts';
import { isBlobMissing, isDatabaseUnavailable } from './failure-kinds.ts';

type Issue = { path: string; message: string };

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
const DATABASE_RETRY_AFTER_S = 5;

const send = (status: number, code: string, message: string, details?: unknown) => ({
  status,
  body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});

/** One error shape for every failure, with a stable code; internals never reach the client. */
export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError & { code?: string }, req, reply) => {
    const out = classify(error);
    if (out.status >= 500) req.log.error({ err: error }, 'request failed');
    if (out.status === 503) void reply.header('retry-after', DATABASE_RETRY_AFTER_S);
    // Headers a download set before it failed must not dress the error up as a file.
    reply.removeHeader('content-disposition');
    reply.removeHeader('content-range');
    return reply.code(out.status).type('application/json; charset=utf-8').send(out.body);
  });
};

const classify = (error: FastifyError & { code?: string }) => {
  if (error instanceof HttpError) return send(error.status, error.code, error.message, error.details);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return send(400, 'VALIDATION_FAILED', 'The request does not match its schema.', issues);
  }
  // The rate limiter throws the object its errorResponseBuilder returned.
  if (error.statusCode === 429 || error.code === 'RATE_LIMITED') {
    return send(429, 'RATE_LIMITED', error.message || 'Too many requests.');
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return send(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON with content-type application/json.');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return send(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (isDatabaseUnavailable(error)) {
    return send(503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached right now; try again shortly.');
  }
  if (isBlobMissing(error)) {
    return send(410, 'BLOB_MISSING', 'The stored file is gone from the file store; ask an administrator.');
  }
  const pgCode = (error as { cause?: { code?: string } }).cause?.code ?? error.code;
  if (pgCode === '23505') return send(409, 'CONFLICT', 'That value is already taken.');
  if (error.statusCode === 414) return send(414, 'URI_TOO_LONG', 'A part of the address is too long.');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return send(error.statusCode, 'BAD_REQUEST', error.message);
  }
  return send(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
};

/**
 * Errors the router raises before any route runs (a malformed percent-encoding in the path, an async
 * constraint): in Pulau's shape too, instead of Fastify's own body.
 */
export const frameworkErrors = (error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
  const bad = error.code === 'FST_ERR_BAD_URL';
  const out = bad
    ? send(400, 'BAD_URL', 'The address is malformed (bad percent-encoding).')
    : classify(error);
  void reply.code(out.status).type('application/json; charset=utf-8').send(out.body);
};
