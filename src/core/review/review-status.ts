/**
 * Where one unit's assessment stands in the evaluation of PermenPANRB 90/2021 (Lampiran II): the unit,
 * the optional preliminary review by its parent, the agency's internal team (TPI), the proposal, the
 * national team (TPN), the decree and its revocation.
 */
export const REVIEW_STATUSES = [
  'draft',
  'submitted',
  'preliminary_review',
  'tpi_review',
  'returned',
  'resubmitted',
  'tpi_verdict_meets',
  'tpi_verdict_not_meets',
  'proposed',
  'tpn_desk',
  'tpn_field',
  'decided_wbk',
  'decided_wbbm',
  'not_awarded',
  'revoked',
] as const;

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The two predicates of a Zona Integritas unit, in the order a unit earns them. */
export type Predicate = 'WBK' | 'WBBM';

/**
 * The machine's state: the status plus, while TPI reviews, the index of the current TPI sub-stage in the
 * agency's ordered list (0 = the first; it restarts at 0 whenever the unit hands the work over again).
 */
export type ReviewState = { status: ReviewStatus; tpiStage: number };

/** The state of a new assessment. @example initialReviewState() // { status: 'draft', tpiStage: 0 } */
export const initialReviewState = (): ReviewState => ({ status: 'draft', tpiStage: 0 });
