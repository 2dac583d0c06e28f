import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import { scoreAssessment } from '../../../core/lke/score-assessment.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { toNumber } from '../../../core/shared/exact.ts';

/** The figures the preview shows before and after: total, components and how many items are answered. */
export const scoreSummary = (t: LkeTemplate, answers: Record<string, LkeAnswer>) => {
  const s = scoreAssessment(t, { answers });
  return {
    total: toNumber(s.total.score),
    pengungkit: toNumber(s.pengungkit.score),
    hasil: toNumber(s.hasil.score),
    answered: s.completeness.answered,
    itemCount: s.completeness.total,
  };
};
