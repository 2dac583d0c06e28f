import type { Worksheet } from '../../../contracts/assessments.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { listItemReviews } from '../reviews/item-review-repo.ts';
import { presentAnswer } from './present-answer.ts';
import { presentAssessment } from './present-assessment.ts';
import { countCommentsByCode, listAnswers, listLinkViews, type AssessmentContext } from './repo.ts';

/** The part of the worksheet that is the same for every reader: what the cache keeps (see read-worksheet). */
export type WorksheetContent = Omit<Worksheet, 'assessment'>;

export const loadWorksheetContent = async (db: Tx, assessmentId: string): Promise<WorksheetContent> => {
  const [answers, links, commentCounts, reviews] = await Promise.all([
    listAnswers(db, assessmentId),
    listLinkViews(db, assessmentId),
    countCommentsByCode(db, assessmentId),
    listItemReviews(db, assessmentId),
  ]);
  const itemReviews: Worksheet['itemReviews'] = {};
  for (const r of reviews)
    if (r.status === 'returned' || r.status === 'awaiting_recheck')
      itemReviews[r.code] = { status: r.status, returnNote: r.returnNote, revisions: r.revisions };
  return {
    answers: answers.map(presentAnswer),
    evidence: links.map((l) => ({ ...l, size: l.size === null ? null : Number(l.size) })),
    commentCounts,
    itemReviews,
  };
};

export type GetWorksheetOptions = { context: AssessmentContext; who: Actor };

/** Everything the worksheet screen needs in one read, uncached; scores are the browser's, from the same core. */
export const getWorksheet = async (db: Tx, { context, who }: GetWorksheetOptions): Promise<Worksheet> => ({
  assessment: presentAssessment(context, who),
  ...(await loadWorksheetContent(db, context.assessment.id)),
});
