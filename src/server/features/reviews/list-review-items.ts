import type { ReviewItemList, ReviewItemsQuery } from '../../../contracts/reviews.ts';
import type { Actor } from '../../../core/org/can.ts';
import { effectiveAnswers, type LevelId } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { listLinkViews, type AssessmentContext } from '../assessments/repo.ts';
import { loadReview, type LoadedReview } from './load-review.ts';
import { answerableCodes, presentReviewItem, topReached, type ItemEvidence } from './present-review.ts';
import { myLevel, requireReviewReader } from './review-access.ts';

export type ListReviewItemsOptions = {
  context: AssessmentContext;
  who: Actor;
  now: Date;
  filter: ReviewItemsQuery;
};

/** Evidence links of the assessment by item, as the worksheet shows them. */
export const evidenceByItem = async (db: Tx, assessmentId: string): Promise<Map<string, ItemEvidence[]>> => {
  const byItem = new Map<string, ItemEvidence[]>();
  for (const l of await listLinkViews(db, assessmentId)) {
    const list = byItem.get(l.code) ?? [];
    list.push({ ...l, size: l.size === null ? null : Number(l.size) });
    byItem.set(l.code, list);
  }
  return byItem;
};

/** Each level's view of every answer, computed once per request. */
export const levelViews = (loaded: LoadedReview) =>
  new Map<LevelId, ReturnType<typeof effectiveAnswers>>(
    loaded.levels.order.map((l) => [l, effectiveAnswers(loaded.levels, l)]),
  );

/**
 * The review screen's items: per answerable code, the unit's answer, explanation and evidence beside every
 * review level's answer and note, the item's mark; filtered by changed, returned (or awaiting recheck), and
 * items without evidence.
 */
export const listReviewItems = async (
  db: Tx,
  { context, who, now, filter }: ListReviewItemsOptions,
): Promise<ReviewItemList> => {
  const loaded = await loadReview(db, context, { now, forSteps: false });
  requireReviewReader(loaded, who);
  const evidence = await evidenceByItem(db, context.assessment.id);
  const views = levelViews(loaded);
  const top = topReached(loaded);
  const items = answerableCodes(loaded.template)
    .filter((e) => filter.code === undefined || e.code === filter.code || e.item === filter.code)
    .map((e) => presentReviewItem(loaded, e, evidence.get(e.item) ?? [], views, top))
    .filter(
      (i) =>
        (filter.changed === undefined || i.changed === filter.changed) &&
        (filter.returned === undefined || (i.review.status !== 'open') === filter.returned) &&
        (filter.no_evidence === undefined || (i.evidence.length === 0) === filter.no_evidence),
    );
  const mine = myLevel(loaded, who);
  return { status: loaded.state.status, myLevel: mine.ok ? mine.level : null, items };
};
