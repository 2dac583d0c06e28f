import type { RecapRow } from '../../../contracts/recap.ts';
import type { ReviewStatus } from '../../../core/review/review-status.ts';

type Deadline = NonNullable<NonNullable<RecapRow['assessment']>['nextDeadline']>;

export type PeriodWindows = {
  fillUntil: string;
  reviewUntil: string | null;
  revisionUntil: string | null;
  /** The proposal deadline that applies (the period's, else the agency's month-day in the period's year). */
  proposalDeadline: string | null;
};

/** Which window the assessment is waiting on in each status: the unit fills, revises, TPI reviews, the agency proposes. */
const WINDOW_OF: Partial<Record<ReviewStatus, Deadline['kind']>> = {
  draft: 'fill',
  submitted: 'fill',
  returned: 'revision',
  resubmitted: 'review',
  preliminary_review: 'review',
  tpi_review: 'review',
  tpi_verdict_meets: 'proposal',
};

/**
 * The deadline the unit's assessment is waiting on, when it has not passed: the fill window while drafting,
 * the revision window when returned, the review window while TPI works, the proposal deadline once TPI found
 * it meeting. Later stages (TPN, decree) have no deadline of the unit's.
 * @example nextDeadline('draft', { fillUntil: '2026-03-31', reviewUntil: null, revisionUntil: null, proposalDeadline: null }, '2026-03-01') // { kind: 'fill', date: '2026-03-31' }
 */
export const nextDeadline = (status: ReviewStatus, w: PeriodWindows, today: string): Deadline | null => {
  const kind = WINDOW_OF[status];
  if (!kind) return null;
  const date =
    kind === 'fill'
      ? w.fillUntil
      : kind === 'revision'
        ? (w.revisionUntil ?? w.fillUntil)
        : kind === 'review'
          ? w.reviewUntil
          : w.proposalDeadline;
  return date !== null && date >= today ? { kind, date } : null;
};
