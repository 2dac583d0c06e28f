import { createAnswerLevels, type LevelAnswer } from '../../../core/review/answer-levels.ts';
import { unitAnswer } from '../../../core/review/answer-edits.ts';
import type { Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { toItemReview, upsertItemReview, type ItemReviewRow } from './item-review-repo.ts';

/**
 * The unit answered a returned item again: the core's `unitAnswer` makes it "awaiting recheck" and counts one
 * revision per return (further edits before the recheck count no more). The answer itself is audited by the
 * caller; the mark changes with it.
 */
export const markRevised = async (
  tx: Tx,
  mark: ItemReviewRow,
  answer: LevelAnswer,
  actor: AuditActor,
  now: Date,
): Promise<void> => {
  const before = { order: ['unit'] as const, items: { [mark.code]: toItemReview(mark) } };
  const next = unitAnswer(
    { ...createAnswerLevels(before.order, {}), items: before.items },
    mark.code,
    answer,
  );
  const item = next.items[mark.code];
  if (item && item.status !== mark.status)
    await upsertItemReview(tx, mark.assessmentId, mark.code, item, actor.id, now);
};
