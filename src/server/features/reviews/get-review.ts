import type { ReviewView } from '../../../contracts/reviews.ts';
import type { Actor } from '../../../core/org/can.ts';
import { changedItems } from '../../../core/review/answer-levels.ts';
import { currentTpiStage } from '../../../core/review/review-guards.ts';
import { availableActions } from '../../../core/review/transition.ts';
import type { Tx } from '../../db/client.ts';
import type { AssessmentContext } from '../assessments/repo.ts';
import { loadReview } from './load-review.ts';
import { presentAction, presentAward, presentLevels, topReached } from './present-review.ts';
import { myLevel, requireReviewReader } from './review-access.ts';

export type GetReviewOptions = { context: AssessmentContext; who: Actor; now: Date };

/** The review of one assessment for the caller: state, her steps and what blocks them, every level's score. */
export const getReview = async (db: Tx, { context, who, now }: GetReviewOptions): Promise<ReviewView> => {
  const loaded = await loadReview(db, context, { now });
  requireReviewReader(loaded, who);
  const { state, ctx, levels, config } = loaded;
  const stage = currentTpiStage(state, ctx);
  const mine = myLevel(loaded, who);
  const marks = Object.values(levels.items);
  const award = loaded.awards.filter((a) => a.assessmentId === context.assessment.id).at(-1);
  return {
    assessment: {
      id: context.assessment.id,
      unitId: context.unit.id,
      unitName: context.unit.name,
      periodId: context.period.id,
      year: context.period.year,
      target: ctx.target,
      version: context.assessment.version,
      templateId: context.period.templateId,
      templateVersion: context.period.templateVersion,
    },
    status: state.status,
    tpiStage: { index: stage.index, id: stage.stage?.id ?? '', isLast: stage.isLast },
    config: {
      preliminaryReview: config.preliminaryReview,
      tpiStages: config.tpiStages.map((s) => ({ id: s.id, completedBy: [...s.completedBy] })),
      proposalDeadline: config.proposalDeadline,
      utcOffsetMinutes: config.utcOffsetMinutes,
    },
    myLevel: mine.ok ? mine.level : null,
    canReturnItems: mine.ok && mine.level.startsWith('tpi:'),
    actions: availableActions(state, who, ctx).map(presentAction),
    levels: presentLevels(loaded),
    counts: {
      returned: marks.filter((m) => m.status === 'returned').length,
      awaitingRecheck: marks.filter((m) => m.status === 'awaiting_recheck').length,
      changed: changedItems(levels, 'unit', topReached(loaded)).length,
    },
    award: award ? presentAward(award) : null,
  };
};
