import { randomUUID } from 'node:crypto';
import { periods } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

// Far from the years the other request builders count up from, so no agency-year collides.
let nextYear = 5000;

/**
 * The recap of a unit's subtree reads review data (scores per level): whoever may read the unit's review.
 * The request names the target's own agency's period, so a refusal is the permission's, not a 404.
 */
export const RECAP_REQUESTS: Record<string, Entry> = {
  'GET /api/units/:unitId/recap': {
    allowed: [
      'system_admin',
      'agency_admin',
      'zi_team_lead',
      'area_coordinator',
      'team_member',
      'leader',
      'tpi_evaluator',
      'tpn_evaluator',
    ],
    build: async (ctx, target) => {
      const unit = target === 'own' ? ctx.org.sumenep : ctx.org.banten;
      const agency = target === 'own' ? ctx.org.kpu : ctx.org.bawaslu;
      const periodId = randomUUID();
      await ctx.t.db.insert(periods).values({
        id: periodId,
        agencyId: agency.id,
        year: nextYear++,
        name: 'Matrix',
        templateId: 'permenpanrb-90-2021',
        templateVersion: '1.0.0',
        fillFrom: '2060-01-01',
        fillUntil: '2060-03-31',
      });
      return {
        url: `/api/units/${unit.id}/recap?periodId=${periodId}`,
        params: { unitId: unit.id },
        query: { periodId },
      };
    },
  },
};
