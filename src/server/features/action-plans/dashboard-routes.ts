import { Dashboard, DashboardQuery, UnitYearParams } from '../../../contracts/action-plans.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { getDashboard } from './get-dashboard.ts';
import { planSubjects } from './subjects.ts';

export const dashboardRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = planSubjects(deps.db);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/action-plans/children',
      summary: "A parent unit's children's plans side by side (?deep=true for every descendant)",
      tags: ['action-plans'],
      access: {
        kind: 'action',
        action: 'programme.read',
        subject: (req) => subjects.unit(req.params.unitId),
      },
      schema: { params: UnitYearParams, querystring: DashboardQuery, response: { 200: Dashboard } },
      handler: async (req) =>
        getDashboard(deps.db, {
          unitId: req.params.unitId,
          year: req.query.year,
          deep: req.query.deep,
          who: authOf(req).actor,
          now: deps.now(),
        }),
    }),
  ];
};
