import { Recap, RecapParams, RecapQuery } from '../../../contracts/recap.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { authOf } from '../../http/request-actor.ts';
import { unitOfParams } from '../units/unit-ref.ts';
import { getRecap } from './get-recap.ts';

export const recapRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  defineRoute({
    method: 'GET',
    url: '/api/units/:unitId/recap',
    summary:
      "The recap of a unit's subtree in one period: status, completeness, scores, eligibility, programme",
    tags: ['recap'],
    // Scores per level are review data: whoever may read the unit's review reads its recap.
    access: { kind: 'action', action: 'review.read', subject: unitOfParams(deps.db) },
    schema: { params: RecapParams, querystring: RecapQuery, response: { 200: Recap } },
    handler: async (req) =>
      getRecap(deps.db, {
        unitId: req.params.unitId,
        periodId: req.query.periodId,
        who: authOf(req).actor,
        now: deps.now(),
      }),
  }),
];
