import type { ReviewItem } from '../../../contracts/reviews.ts';
import type { Actor } from '../../../core/org/can.ts';
import { recheckItem, returnItem } from '../../../core/review/answer-edits.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { upsertItemReview } from './item-review-repo.ts';
import { openItemWrite, reloadItem, requireTpiLevel } from './item-write.ts';

export type ItemMarkOptions = {
  assessmentId: string;
  code: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

type Result = { item: ReviewItem; assessmentVersion: number };

/**
 * The TPI stage at work returns one item to the unit with a note saying what to revise (core `returnItem`);
 * the assessment itself goes back with the `tpi_return` step.
 */
export const returnReviewItem = async (
  tx: Tx,
  options: ItemMarkOptions & { note: string },
): Promise<Result> => {
  const { actor, now } = options;
  const { context, loaded, level, located } = await openItemWrite(tx, options);
  requireTpiLevel(level);
  const item = located.item.code;
  const result = returnItem(loaded.levels, level, item, options.note);
  if (!result.ok) throw badRequest(result.error.code, result.error.message, result.error.details);
  const mark = result.value.items[item];
  if (mark) await upsertItemReview(tx, context.assessment.id, item, mark, actor.id, now);
  await writeAudit(tx, {
    actor,
    action: 'review.item_returned',
    subjectType: 'item_review',
    subjectId: `${context.assessment.id}/${item}`,
    unit: { id: context.unit.id, path: context.unit.path },
    before: loaded.levels.items[item] ?? null,
    after: mark,
    now,
  });
  return {
    item: await reloadItem(tx, context, options.code, now),
    assessmentVersion: context.assessment.version,
  };
};

/** The TPI stage at work accepts a revision as it is: the item no longer awaits a recheck (core `recheckItem`). */
export const recheckReviewItem = async (tx: Tx, options: ItemMarkOptions): Promise<Result> => {
  const { actor, now } = options;
  const { context, loaded, level, located } = await openItemWrite(tx, options);
  requireTpiLevel(level);
  const item = located.item.code;
  const result = recheckItem(loaded.levels, level, item);
  if (!result.ok) throw conflict(result.error.code, result.error.message, result.error.details);
  const mark = result.value.items[item];
  if (mark) await upsertItemReview(tx, context.assessment.id, item, mark, actor.id, now);
  await writeAudit(tx, {
    actor,
    action: 'review.item_rechecked',
    subjectType: 'item_review',
    subjectId: `${context.assessment.id}/${item}`,
    unit: { id: context.unit.id, path: context.unit.path },
    before: loaded.levels.items[item] ?? null,
    after: mark,
    now,
  });
  return {
    item: await reloadItem(tx, context, options.code, now),
    assessmentVersion: context.assessment.version,
  };
};
