import { lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db, Tx } from '../db/client.ts';
import { rateLimitHits } from '../db/schema.ts';
import type { AppDeps } from './deps.ts';
import { HttpError } from './errors.ts';
import type { AnyRouteSpec } from './route.ts';

export type RateLimit = { max: number; timeWindowMs: number };

/** Files built from many rows (PDF, spreadsheets, CSV): cheap to ask for, costly to make. */
const EXPORT_URL = /\.(pdf|xlsx|csv|zip)$|\/export(\/|$)/;

/**
 * The limit a route gets: the one it states, else the public limit for a route open to anyone, else the export
 * limit when it builds a file for download. Stated here once so a new public or export route is limited without
 * anyone remembering to.
 */
export const rateLimitOf = (spec: AnyRouteSpec, config: Config): RateLimit | null => {
  if (spec.rateLimit) return spec.rateLimit;
  // Open to anyone on the Internet (survey forms at the service counter): the survey limit, NAT-friendly.
  if (spec.url.startsWith('/api/public/')) return { max: config.survey.ratePerMinute, timeWindowMs: 60_000 };
  if (spec.method === 'GET' && EXPORT_URL.test(spec.url)) {
    return { max: config.exportRatePerMinute, timeWindowMs: 60_000 };
  }
  return null;
};

/**
 * Counts one request in the window it falls in (fixed windows aligned on the epoch) with one atomic upsert, so
 * concurrent requests on any number of processes are all counted. Returns the count including this request.
 */
export const countHit = async (
  db: Tx,
  options: { key: string; now: Date; windowMs: number },
): Promise<{ hits: number; resetAt: Date }> => {
  const start = Math.floor(options.now.getTime() / options.windowMs) * options.windowMs;
  const windowStart = new Date(start);
  const resetAt = new Date(start + options.windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: options.key, windowStart, hits: 1, expiresAt: resetAt })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  return { hits: row?.hits ?? 1, resetAt };
};

/** Housekeeping: windows that have ended can limit nothing any more. */
export const dropExpiredRateLimits = async (db: Db, now: Date): Promise<number> => {
  const rows = await db
    .delete(rateLimitHits)
    .where(lt(rateLimitHits.expiresAt, now))
    .returning({ key: rateLimitHits.key });
  return rows.length;
};

/**
 * The route's onRequest hook: counted before the body is read or the session loaded, per route and client
 * address (`req.ip`, which honours PULAU_TRUST_PROXY). Past the limit: 429 RATE_LIMITED with Retry-After.
 */
export const rateLimitHook = (deps: AppDeps, spec: AnyRouteSpec, limit: RateLimit) => {
  const route = `${spec.method} ${spec.url}`;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const now = deps.now();
    const { hits, resetAt } = await countHit(deps.db, {
      key: `${route}|${req.ip}`,
      now,
      windowMs: limit.timeWindowMs,
    });
    const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    void reply.header('x-ratelimit-limit', limit.max);
    void reply.header('x-ratelimit-remaining', Math.max(0, limit.max - hits));
    if (hits > limit.max) {
      void reply.header('retry-after', retryAfter);
      throw new HttpError(429, 'RATE_LIMITED', `Too many requests; try again in ${retryAfter} s.`);
    }
  };
};
