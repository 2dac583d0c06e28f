import type { LevelId } from '../../../core/review/answer-levels.ts';
import type { ReviewState, ReviewStatus } from '../../../core/review/review-status.ts';

const AFTER_VERDICT: readonly ReviewStatus[] = [
  'tpi_verdict_meets',
  'tpi_verdict_not_meets',
  'proposed',
  'tpn_desk',
  'tpn_field',
  'decided_wbk',
  'decided_wbbm',
  'not_awarded',
  'revoked',
];
const BEFORE_TPI: readonly ReviewStatus[] = ['draft', 'submitted', 'preliminary_review'];
/** The unit holds its own answers: before the first hand-over and while returned to it. */
const UNIT_AT_WORK: readonly ReviewStatus[] = ['draft', 'returned'];
const TPN_ENDED: readonly ReviewStatus[] = ['decided_wbk', 'decided_wbbm', 'not_awarded', 'revoked'];

/**
 * Whether a level's work is finished, so that its report (LHE) may go to the unit and is filed: the unit's own
 * level once handed over (not a draft, not while returned to the unit); the preliminary review once TPI has the assessment; a TPI stage once TPI moved past it or gave its verdict;
 * TPN's desk once the field review began or TPN ended; the field once TPN ended.
 * @example levelDone('tpi:member', { status: 'tpi_review', tpiStage: 1 }, order) // true: stage 0 is behind
 */
export const levelDone = (level: LevelId, state: ReviewState, order: readonly LevelId[]): boolean => {
  const status = state.status;
  if (level === 'unit') return !UNIT_AT_WORK.includes(status);
  if (level === 'preliminary') return !BEFORE_TPI.includes(status);
  if (level === 'tpn_desk') return status === 'tpn_field' || TPN_ENDED.includes(status);
  if (level === 'tpn_field') return TPN_ENDED.includes(status);
  const stage = order.filter((l) => l.startsWith('tpi:')).indexOf(level);
  if (stage < 0) return false;
  if (AFTER_VERDICT.includes(status)) return true;
  return (status === 'tpi_review' || status === 'resubmitted') && state.tpiStage > stage;
};
