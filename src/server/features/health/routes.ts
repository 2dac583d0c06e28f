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
    schema: {
      response: {
        200: z.object({
          status: z.literal('ok'),
          /**
           * `shared`: S3, or a disk folder every process on this database checked at start that it shares;
           * `single-node`: the embedded engine with files on this machine's disk (one process only).
           */
          files: z.enum(['shared', 'single-node']),
        }),
      },
    },
    handler: async () => {
      try {
        await deps.db.execute(sql`SELECT 1`);
      } catch {
        throw new HttpError(503, 'DATABASE_UNAVAILABLE', 'The database does not answer.');
      }
      return {
        status: 'ok' as const,
        files:
          deps.config.storage.kind === 'disk' && deps.config.database.kind === 'embedded'
            ? ('single-node' as const)
            : ('shared' as const),
      };
    },
  }),
];
