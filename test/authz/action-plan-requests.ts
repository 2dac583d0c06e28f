import { randomUUID } from 'node:crypto';
import { actionPlans, planActivities, planReports } from '../../src/server/db/schema.ts';
import type { MatrixContext, MatrixRequest, Target, Who } from './route-requests.ts';

type Entry = {
  allowed: 'all' | readonly Who[];
  build: (ctx: MatrixContext, target: Target) => Promise<MatrixRequest>;
};

const unitOf = (ctx: MatrixContext, target: Target) => (target === 'own' ? ctx.org.sumenep : ctx.org.banten);
let nextYear = 2040;

/** A fresh area-1 plan of the target unit (area 1 is the matrix coordinator's and member's area). */
const seedPlan = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db
    .insert(actionPlans)
    .values({ id, unitId: unitOf(ctx, target).id, year: nextYear++, area: 1 });
  return id;
};
const seedActivity = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db.insert(planActivities).values({
    id,
    planId: await seedPlan(ctx, target),
    title: 'Matrix',
    target: 1,
    targetUnit: 'dokumen',
    quarters: [1],
    lkeCodes: [],
  });
  return id;
};
/** A submitted quarterly report of the target unit, for the leader's decision. */
const seedReport = async (ctx: MatrixContext, target: Target) => {
  const id = randomUUID();
  await ctx.t.db
    .insert(planReports)
    .values({ id, unitId: unitOf(ctx, target).id, year: nextYear++, quarter: 1, status: 'submitted' });
  return id;
};

const EDITORS: readonly Who[] = ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member'];
const byActivity = (path: string, body?: unknown) => async (ctx: MatrixContext, target: Target) => {
  const id = await seedActivity(ctx, target);
  return {
    url: `/api/plan-activities/${id}${path}`,
    params: { id },
    ...(body === undefined ? {} : { body }),
  };
};
const byReport = (path: string, body: unknown) => async (ctx: MatrixContext, target: Target) => {
  const id = await seedReport(ctx, target);
  return { url: `/api/plan-reports/${id}${path}`, params: { id }, body };
};
const byUnit =
  (path: string, query = '', body?: unknown) =>
  async (ctx: MatrixContext, target: Target) => {
    const unitId = unitOf(ctx, target).id;
    return {
      url: `/api/units/${unitId}${path}${query}`,
      params: { unitId },
      ...(body === undefined ? {} : { body }),
    };
  };

/** The action-plan routes (issue 7 item 4): who may call each on her own unit. */
export const ACTION_PLAN_REQUESTS: Record<string, Entry> = {
  // programme.read reaches down the hierarchy: every matrix role holds it on Sumenep.
  'GET /api/units/:unitId/action-plans': { allowed: 'all', build: byUnit('/action-plans', '?year=2030') },
  'POST /api/units/:unitId/action-plans': {
    allowed: EDITORS,
    build: async (ctx, target) => ({
      ...(await byUnit('/action-plans')(ctx, target)),
      body: { year: nextYear++, area: 1 },
    }),
  },
  'PATCH /api/action-plans/:id': {
    allowed: EDITORS,
    build: async (ctx, target) => {
      const id = await seedPlan(ctx, target);
      return { url: `/api/action-plans/${id}`, params: { id }, body: { version: 1, summary: 'Matrix' } };
    },
  },
  'POST /api/action-plans/:id/activities': {
    allowed: EDITORS,
    build: async (ctx, target) => {
      const id = await seedPlan(ctx, target);
      return {
        url: `/api/action-plans/${id}/activities`,
        params: { id },
        body: { title: 'Matrix', target: 1, targetUnit: 'dokumen', quarters: [1] },
      };
    },
  },
  'PATCH /api/plan-activities/:id': {
    allowed: EDITORS,
    build: byActivity('', { version: 1, title: 'Matrix' }),
  },
  'DELETE /api/plan-activities/:id': {
    allowed: EDITORS,
    build: async (ctx, target) => {
      const req = await byActivity('')(ctx, target);
      return { ...req, url: `${req.url}?version=1`, query: { version: '1' } };
    },
  },
  'PUT /api/plan-activities/:id/realisations/:quarter': {
    allowed: EDITORS,
    build: async (ctx, target) => {
      const id = await seedActivity(ctx, target);
      return {
        url: `/api/plan-activities/${id}/realisations/1`,
        params: { id, quarter: '1' },
        body: { version: 0, achieved: 1 },
      };
    },
  },
  'GET /api/plan-activities/:id/comments': { allowed: 'all', build: byActivity('/comments') },
  // The unit's own people comment (its leader only on her own unit); a parent reads.
  'POST /api/plan-activities/:id/comments': {
    allowed: ['system_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
    build: byActivity('/comments', { body: 'Matrix' }),
  },
  'GET /api/units/:unitId/plan-reports': { allowed: 'all', build: byUnit('/plan-reports', '?year=2030') },
  'POST /api/units/:unitId/plan-reports': {
    allowed: ['system_admin', 'zi_team_lead'],
    build: byUnit('/plan-reports', '', { year: 2030, quarter: 1, version: 0 }),
  },
  'POST /api/plan-reports/:id/approve': {
    allowed: ['system_admin', 'leader'],
    build: byReport('/approve', { version: 1 }),
  },
  'POST /api/plan-reports/:id/return': {
    allowed: ['system_admin', 'leader'],
    build: byReport('/return', { version: 1, note: 'Matrix' }),
  },
  'POST /api/plan-reports/:id/reopen': {
    allowed: ['system_admin', 'leader'],
    build: byReport('/reopen', { version: 1, note: 'Matrix' }),
  },
  'GET /api/units/:unitId/plan-reports/:year/:quarter/report.pdf': {
    allowed: 'all',
    build: async (ctx, target) => {
      const unitId = unitOf(ctx, target).id;
      return {
        url: `/api/units/${unitId}/plan-reports/2030/1/report.pdf`,
        params: { unitId, year: '2030', quarter: '1' },
      };
    },
  },
  'GET /api/units/:unitId/action-plans/children': {
    allowed: 'all',
    build: byUnit('/action-plans/children', '?year=2030&deep=true'),
  },
  // Acting on the caller herself (her employee record): an activity outside her units is unknown (404).
  'GET /api/me/action-plans': {
    allowed: 'all',
    build: async () => ({ url: '/api/me/action-plans?year=2030' }),
  },
  'GET /api/me/plan-activities/:id/comments': {
    allowed: 'all',
    build: async (ctx, target) => {
      const id = await seedActivity(ctx, target);
      return { url: `/api/me/plan-activities/${id}/comments`, params: { id } };
    },
  },
  'POST /api/me/plan-comments': {
    allowed: 'all',
    build: async (ctx, target) => ({
      url: '/api/me/plan-comments',
      body: { activityId: await seedActivity(ctx, target), body: 'Matrix' },
    }),
  },
};
