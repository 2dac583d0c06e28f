import type { ReviewItem } from '../../../contracts/reviews.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { LevelId } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { requireCode, type LocatedCode } from '../assessments/locate-code.ts';
import { findAssessmentContext, lockAssessment, type AssessmentContext } from '../assessments/repo.ts';
import { evidenceByItem, levelViews } from './list-review-items.ts';
import { loadReview, type LoadedReview } from './load-review.ts';
import { presentReviewItem, topReached } from './present-review.ts';
import { requireMyLevel } from './review-access.ts';

export type ItemWriteOptions = { assessmentId: string; code: string; who: Actor; now: Date };
export type OpenItemWrite = {
  context: AssessmentContext;
  loaded: LoadedReview;
  level: LevelId;
  located: LocatedCode;
};

/**
 * The start of every reviewer's write on an item: the assessment held against a status change (shared: many
 * reviewers at once), the caller's level now (409 while nobody reviews, 403 for the wrong person), the code.
 */
export const openItemWrite = async (tx: Tx, options: ItemWriteOptions): Promise<OpenItemWrite> => {
  await lockAssessment(tx, options.assessmentId, 'share');
  const context = await findAssessmentContext(tx, options.assessmentId);
  if (!context) throw notFound('Assessment');
  const loaded = await loadReview(tx, context, { now: options.now, forSteps: false });
  const level = requireMyLevel(loaded, options.who);
  const located = requireCode(loaded.template, options.code);
  return { context, loaded, level, located };
};

/** Returning items and accepting revisions is TPI's: it is TPI that sends the assessment back. */
export const requireTpiLevel = (level: LevelId): void => {
  if (!level.startsWith('tpi:'))
    throw new HttpError(403, 'ROLE_NOT_ALLOWED', 'Only the TPI stage at work returns items to the unit.', {
      reason: 'not_tpi',
      level,
    });
};

/** The item as the review screen shows it, read again after the write. */
export const reloadItem = async (
  tx: Tx,
  context: AssessmentContext,
  code: string,
  now: Date,
): Promise<ReviewItem> => {
  const loaded = await loadReview(tx, context, { now, forSteps: false });
  const located = requireCode(loaded.template, code);
  const evidence = await evidenceByItem(tx, context.assessment.id);
  return presentReviewItem(
    loaded,
    { code, item: located.item.code },
    evidence.get(located.item.code) ?? [],
    levelViews(loaded),
    topReached(loaded),
  );
};
