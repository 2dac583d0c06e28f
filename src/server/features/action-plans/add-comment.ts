import type { Comment } from '../../../contracts/action-plans.ts';
import { can, type Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentComments } from './present.ts';
import { findActivity, insertComment, isLinkedEmployee } from './repo.ts';

export type AddCommentOptions = {
  activityId: string;
  body: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * Everyone of the unit may give input on its plan: its team and leader by their roles, and any active employee
 * whose Pulau account is linked to her employee record. A parent unit reads, it does not comment.
 */
export const addComment = async (
  tx: Tx,
  { activityId, body, who, actor, now }: AddCommentOptions,
): Promise<Comment> => {
  const found = await findActivity(tx, activityId);
  if (!found) throw notFound('Activity');
  const { unit } = found;
  const allowed =
    can(who, 'plan.comment', { kind: 'unit', unitPath: unit.path }) ||
    (await isLinkedEmployee(tx, unit.id, who.userId));
  if (!allowed) throw forbidden();
  const row = await insertComment(tx, {
    id: crypto.randomUUID(),
    activityId,
    authorId: who.userId,
    body,
    createdAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'plan.commented',
    subjectType: 'plan_activity',
    subjectId: activityId,
    unit: { id: unit.id, path: unit.path },
    after: { commentId: row.id, body },
    now,
  });
  const [presented] = await presentComments(tx, [row]);
  return presented as Comment;
};
