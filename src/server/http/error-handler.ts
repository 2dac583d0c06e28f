import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from './errors.ts';

type Issue = { path: string; message: string };

const send = (status: number, code: string, message: string, details?: unknown) => ({
  status,
  body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});

/** One error shape for every failure, with a stable code; internals never reach the client. */
export const registerErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError & { code?: string }, req, reply) => {
    const out = classify(error);
    if (out.status >= 500) req.log.error({ err: error }, 'request failed');
    return reply.code(out.status).send(out.body);
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
  const pgCode = (error as { cause?: { code?: string } }).cause?.code ?? error.code;
  if (pgCode === '23505') return send(409, 'CONFLICT', 'That value is already taken.');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return send(error.statusCode, 'BAD_REQUEST', error.message);
  }
  return send(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
};
