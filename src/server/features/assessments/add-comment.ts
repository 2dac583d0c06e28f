import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { requireCode } from './locate-code.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { findAssessmentContext, findUserName, insertComment } from './repo.ts';

export type AddCommentOptions = {
  assessmentId: string;
  code: string;
  body: string;
  authorId: string;
  actor: AuditActor;
  now: Date;
};

/** Adds a comment to an item of an assessment; the discussion stays open whatever the status. */
export const addComment = async (tx: Tx, options: AddCommentOptions) => {
  const ctx = await findAssessmentContext(tx, options.assessmentId);
  if (!ctx) throw notFound('Assessment');
  requireCode(await pinnedTemplate(ctx.period), options.code);
  const row = await insertComment(tx, {
    id: randomUUID(),
    assessmentId: options.assessmentId,
    code: options.code,
    authorId: options.authorId,
    body: options.body,
    createdAt: options.now,
  });
  await writeAudit(tx, {
    actor: options.actor,
    action: 'comment.added',
    subjectType: 'item_comment',
    subjectId: row.id,
    unit: { id: ctx.unit.id, path: ctx.unit.path },
    after: { assessmentId: row.assessmentId, code: row.code, body: row.body },
    now: options.now,
  });
  return { ...row, authorName: (await findUserName(tx, options.authorId)) ?? '' };
};
