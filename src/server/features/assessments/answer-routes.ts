import {
  AddCommentBody,
  CodeParams,
  Comment,
  CommentList,
  SaveAnswerBody,
  SavedAnswer,
} from '../../../contracts/assessments.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { auditActorOf, authOf } from '../../http/request-actor.ts';
import { addComment } from './add-comment.ts';
import { requireCode } from './locate-code.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { listComments } from './repo.ts';
import { saveAnswer } from './save-answer.ts';
import type { assessmentSubjects } from './subjects.ts';

const tags = ['assessments'];

const presentComment = (row: Awaited<ReturnType<typeof listComments>>[number]) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export const answerRoutes = (
  deps: AppDeps,
  subjects: ReturnType<typeof assessmentSubjects>,
): AnyRouteSpec[] => [
  defineRoute({
    method: 'PUT',
    url: '/api/assessments/:id/answers/:code',
    summary:
      "Save the unit's answer to an item or count input (optimistic: send the version you read, 0 if none)",
    tags,
    access: { kind: 'action', action: 'assessment.answer', subject: (req) => subjects.item(req.params) },
    schema: { params: CodeParams, body: SaveAnswerBody, response: { 200: SavedAnswer } },
    handler: async (req) =>
      deps.db.transaction((tx) =>
        saveAnswer(tx, {
          assessmentId: req.params.id,
          code: req.params.code,
          input: req.body,
          actor: auditActorOf(req),
          now: deps.now(),
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/items/:code/comments',
    summary: 'The comments on an item of an assessment, oldest first',
    tags,
    access: { kind: 'action', action: 'assessment.read', subject: (req) => subjects.unit(req.params) },
    schema: { params: CodeParams, response: { 200: CommentList } },
    handler: async (req) => {
      const ctx = await subjects.loadOnce(req.params);
      requireCode(await pinnedTemplate(ctx.period), req.params.code);
      const rows = await listComments(deps.db, req.params.id, req.params.code);
      return { comments: rows.map(presentComment) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assessments/:id/items/:code/comments',
    summary: 'Comment on an item of an assessment',
    tags,
    access: { kind: 'action', action: 'assessment.comment', subject: (req) => subjects.unit(req.params) },
    schema: { params: CodeParams, body: AddCommentBody, response: { 201: Comment } },
    handler: async (req, reply) => {
      const row = await deps.db.transaction((tx) =>
        addComment(tx, {
          assessmentId: req.params.id,
          code: req.params.code,
          body: req.body.body,
          authorId: authOf(req).user.id,
          actor: auditActorOf(req),
          now: deps.now(),
        }),
      );
      return reply.code(201).send(presentComment(row));
    },
  }),
];
