import { Comment, CommentBody, CommentList } from '../../../contracts/action-plans.ts';
import { IdParams } from '../../../contracts/common.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { addComment } from './add-comment.ts';
import { presentComments } from './present.ts';
import { commentsOf } from './repo.ts';
import { planSubjects } from './subjects.ts';

const tags = ['action-plans'];

export const commentRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const subjects = planSubjects(deps.db);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/plan-activities/:id/comments',
      summary: "An activity's comments, oldest first",
      tags,
      access: {
        kind: 'action',
        action: 'programme.read',
        subject: (req) => subjects.activityUnit(req.params.id),
      },
      schema: { params: IdParams, response: { 200: CommentList } },
      handler: async (req) => ({
        comments: await presentComments(deps.db, await commentsOf(deps.db, req.params.id)),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan-activities/:id/comments',
      summary:
        "Comment on an activity (the unit's team and its own leader; employees via /api/me/plan-comments)",
      tags,
      access: {
        kind: 'action',
        action: 'plan.comment',
        subject: (req) => subjects.activityUnit(req.params.id),
      },
      schema: { params: IdParams, body: CommentBody, response: { 201: Comment } },
      handler: async (req, reply) => {
        const comment = await deps.db.transaction((tx) =>
          addComment(tx, {
            activityId: req.params.id,
            body: req.body.body,
            who: authOf(req).actor,
            actor: auditActorOf(req),
            now: deps.now(),
          }),
        );
        return reply.code(201).send(comment);
      },
    }),
  ];
};
