import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.ts';
import { HttpError } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';

export const healthRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    access: { kind: 'public' },
    schema: { response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => {
      try {
        await deps.db.execute(sql`SELECT 1`);
      } catch {
        throw new HttpError(503, 'DATABASE_UNAVAILABLE', 'The database does not answer.');
      }
      return { status: 'ok' as const };
    },
  }),
];
