import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** U+0000 cannot be stored in PostgreSQL text; a lone surrogate is not Unicode at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isBadText = (value: string) => value.includes('\u0000') || LONE_SURROGATE.test(value);

const findBadText = (value: unknown, path: string, depth = 0): string | null => {
  if (typeof value === 'string') return isBadText(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  // Only parsed JSON, query strings and path parameters: bytes (uploads) are not text.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (isBadText(key)) return path;
    const found = findBadText(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
};

/**
 * Refuses text no route can store or compare, wherever it comes — body, query string or path parameter — before
 * any schema or handler sees it: 400 INVALID_TEXT naming where, instead of a 500 with the SQL in the log.
 */
export const registerTextCheck = (app: FastifyInstance) => {
  // Path and query are checked first of all, before a rate limit stores the route key or a session is looked up.
  app.addHook('onRequest', async (req) => {
    refuse(findBadText(req.params, 'params') ?? findBadText(req.query, 'querystring'));
  });
  app.addHook('preValidation', async (req) => {
    refuse(findBadText(req.body, 'body'));
  });
};

const refuse = (where: string | null) => {
  if (where) {
    throw new HttpError(
      400,
      'INVALID_TEXT',
      'The request holds a NUL character or broken Unicode (a lone surrogate).',
      [{ path: where, message: 'invalid characters' }],
    );
  }
};
