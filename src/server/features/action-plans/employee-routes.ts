import { z } from 'zod';
import { Comment, CommentBody, CommentList, UnitPlans, YearQuery } from '../../../contracts/action-plans.ts';
import { Id, IdParams } from '../../../contracts/common.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { addComment } from './add-comment.ts';
import { loadUnitPlans } from './load-unit-plans.ts';
import { presentComments } from './present.ts';
import { commentsOf, findActivity, isLinkedEmployee, unitsOfLinkedEmployee } from './repo.ts';

const tags = ['action-plans'];

/**
 * "Everyone may give input": an employee whose Pulau account is linked to her employee record reads her unit's
 * plans and comments on them, with no role on the unit. These routes act on the caller herself: outside the
 * units she works in, an activity is unknown to her (404).
 */
export const employeeRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const ownActivity = async (userId: string, activityId: string) => {
    const found = await findActivity(deps.db, activityId);
    if (!found || !(await isLinkedEmployee(deps.db, found.unit.id, userId))) throw notFound('Activity');
    return found;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/me/action-plans',
      summary: 'The action plans of the units where the caller is an employee (her linked account)',
      tags,
      access: { kind: 'authenticated' },
      schema: { querystring: YearQuery, response: { 200: z.object({ units: z.array(UnitPlans) }) } },
      handler: async (req) => {
        const who = authOf(req).actor;
        const unitIds = await unitsOfLinkedEmployee(deps.db, who.userId);
        const units = [];
        for (const unitId of unitIds)
          units.push(await loadUnitPlans(deps.db, { unitId, year: req.query.year, who, now: deps.now() }));
        return { units };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/plan-activities/:id/comments',
      summary: "Comments on an activity of the caller's own unit, as its employee",
      tags,
      access: { kind: 'authenticated' },
      schema: { params: IdParams, response: { 200: CommentList } },
      handler: async (req) => {
        await ownActivity(authOf(req).actor.userId, req.params.id);
        return { comments: await presentComments(deps.db, await commentsOf(deps.db, req.params.id)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/plan-comments',
      summary: "Comment on an activity of the caller's own unit, as its employee",
      tags,
      access: { kind: 'authenticated' },
      schema: { body: CommentBody.extend({ activityId: Id }), response: { 201: Comment } },
      handler: async (req, reply) => {
        const who = authOf(req).actor;
        await ownActivity(who.userId, req.body.activityId);
        const comment = await deps.db.transaction((tx) =>
          addComment(tx, {
            activityId: req.body.activityId,
            body: req.body.body,
            who,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(comment);
      },
    }),
  ];
};
