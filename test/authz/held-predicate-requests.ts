import { randomUUID } from 'node:crypto';
import { heldPredicates } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);

/** Predicates won before Pulau: recorded by the unit's lead or the agency, verified by the agency (or TPN). */
export const HELD_PREDICATE_REQUESTS: Record<string, Entry> = {
  'GET /api/units/:unitId/held-predicates': {
    allowed: 'all',
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/held-predicates`,
      params: { unitId: unitOf(ctx, target).id },
    }),
  },
  'POST /api/units/:unitId/held-predicates': {
    allowed: ['system_admin', 'agency_admin', 'zi_team_lead'],
    // An unknown decree PDF: past the permission check it is a 400, which is all the matrix needs.
    build: async (ctx, target) => ({
      url: `/api/units/${unitOf(ctx, target).id}/held-predicates`,
      params: { unitId: unitOf(ctx, target).id },
      body: {
        predicate: 'WBK',
        decreeNumber: 'SK 1/2024',
        decreeDate: '2024-12-10',
        issuer: 'Menteri PANRB',
        evidenceId: randomUUID(),
      },
    }),
  },
  'POST /api/units/:unitId/held-predicates/:id/verify': {
    allowed: ['system_admin', 'agency_admin'],
    build: async (ctx, target) => {
      const id = randomUUID();
      const unitId = unitOf(ctx, target).id;
      await ctx.t.db.insert(heldPredicates).values({
        id,
        unitId,
        predicate: 'WBK',
        decreeNumber: 'SK 1/2024',
        decreeDate: '2024-12-10',
        issuer: 'Menteri PANRB',
        evidenceId: randomUUID(),
        recordedAt: new Date(0),
      });
      return {
        url: `/api/units/${unitId}/held-predicates/${id}/verify`,
        params: { unitId, id },
        body: { version: 1, verdict: 'rejected', note: 'Matrix' },
      };
    },
  },
};
