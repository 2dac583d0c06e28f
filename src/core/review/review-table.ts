import type { GuardId } from './review-guards.ts';
import { currentTpiStage } from './review-guards.ts';
import type { Reach, RoleRef } from './review-actor.ts';
import type { ReviewContext } from './review-context.ts';
import type { ReviewState, ReviewStatus } from './review-status.ts';

export const REVIEW_ACTIONS = [
  'submit',
  'leader_return',
  'approve_to_tpi',
  'approve_to_preliminary',
  'preliminary_pass',
  'preliminary_return',
  'tpi_complete_stage',
  'tpi_return',
  'resubmit',
  'tpi_find_meets',
  'tpi_find_not_meets',
  'propose',
  'tpn_start_desk',
  'tpn_start_field',
  'tpn_not_award',
  'decide_wbk',
  'decide_wbbm',
  'revoke',
] as const;

export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * A structural condition: when false the transition does not exist here (TRANSITION_NOT_ALLOWED, and
 * `availableActions` leaves it out), unlike a guard, which blocks an action that exists.
 */
export type Condition = { text: string; test: (state: ReviewState, ctx: ReviewContext) => boolean };

export type Transition = {
  id: ReviewAction;
  from: readonly ReviewStatus[];
  to: ReviewStatus;
  roles: readonly RoleRef[];
  reach: Reach;
  when?: Condition;
  guards: readonly GuardId[];
  /** `restart`: the TPI review begins at its first stage; `advance`: it moves to the next one. */
  tpiStage?: 'restart' | 'advance';
};

const usesPreliminary: Condition = {
  text: 'the agency uses a preliminary review',
  test: (_, ctx) => ctx.config.preliminaryReview,
};
const noPreliminary: Condition = {
  text: 'the agency has no preliminary review',
  test: (_, ctx) => !ctx.config.preliminaryReview,
};
const stageNotLast: Condition = {
  text: 'the current TPI stage is not the last',
  test: (state, ctx) => !currentTpiStage(state, ctx).isLast,
};
const stageLast: Condition = {
  text: 'the current TPI stage is the last',
  test: (state, ctx) => currentTpiStage(state, ctx).isLast,
};
const targetWbk: Condition = { text: 'the target is WBK', test: (_, ctx) => ctx.target === 'WBK' };
const targetWbbm: Condition = { text: 'the target is WBBM', test: (_, ctx) => ctx.target === 'WBBM' };

const TPI_AT_WORK: readonly ReviewStatus[] = ['tpi_review', 'resubmitted'];

/**
 * The evaluation workflow as data: one row per action. Read a row aloud: "the unit's own leader may approve
 * a submitted assessment into TPI review, when the agency has no preliminary review".
 */
export const TRANSITIONS: Record<ReviewAction, Transition> = {
  submit: {
    id: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['zi_team_lead'],
    reach: 'own_unit',
    guards: [],
  },
  leader_return: {
    id: 'leader_return',
    from: ['submitted'],
    to: 'draft',
    roles: ['leader'],
    reach: 'own_unit',
    guards: ['note_given'],
  },
  approve_to_tpi: {
    id: 'approve_to_tpi',
    from: ['submitted'],
    to: 'tpi_review',
    roles: ['leader'],
    reach: 'own_unit',
    when: noPreliminary,
    guards: [],
    tpiStage: 'restart',
  },
  approve_to_preliminary: {
    id: 'approve_to_preliminary',
    from: ['submitted'],
    to: 'preliminary_review',
    roles: ['leader'],
    reach: 'own_unit',
    when: usesPreliminary,
    guards: [],
  },
  preliminary_pass: {
    id: 'preliminary_pass',
    from: ['preliminary_review'],
    to: 'tpi_review',
    roles: ['leader'],
    reach: 'parent_unit',
    guards: [],
    tpiStage: 'restart',
  },
  preliminary_return: {
    id: 'preliminary_return',
    from: ['preliminary_review'],
    to: 'draft',
    roles: ['leader'],
    reach: 'parent_unit',
    guards: ['note_given'],
  },
  tpi_complete_stage: {
    id: 'tpi_complete_stage',
    from: TPI_AT_WORK,
    to: 'tpi_review',
    roles: ['tpi_evaluator'],
    reach: 'tpi_team',
    when: stageNotLast,
    guards: ['tpi_stage_holder'],
    tpiStage: 'advance',
  },
  tpi_return: {
    id: 'tpi_return',
    from: TPI_AT_WORK,
    to: 'returned',
    roles: ['tpi_evaluator'],
    reach: 'tpi_team',
    guards: ['tpi_stage_holder', 'note_given'],
  },
  resubmit: {
    id: 'resubmit',
    from: ['returned'],
    to: 'resubmitted',
    roles: ['zi_team_lead'],
    reach: 'own_unit',
    guards: ['revisions_answered'],
    tpiStage: 'restart',
  },
  tpi_find_meets: {
    id: 'tpi_find_meets',
    from: TPI_AT_WORK,
    to: 'tpi_verdict_meets',
    roles: ['tpi_evaluator'],
    reach: 'tpi_team',
    when: stageLast,
    guards: ['tpi_stage_holder'],
  },
  tpi_find_not_meets: {
    id: 'tpi_find_not_meets',
    from: TPI_AT_WORK,
    to: 'tpi_verdict_not_meets',
    roles: ['tpi_evaluator'],
    reach: 'tpi_team',
    when: stageLast,
    guards: ['tpi_stage_holder', 'note_given'],
  },
  propose: {
    id: 'propose',
    from: ['tpi_verdict_meets'],
    to: 'proposed',
    roles: ['agency_admin'],
    reach: 'agency',
    guards: [
      'tpi_scores_pass',
      'predicate_order',
      'revocation_ban',
      'before_deadline',
      'within_quota',
      'prerequisites_met',
      'documents_attached',
    ],
  },
  tpn_start_desk: {
    id: 'tpn_start_desk',
    from: ['proposed'],
    to: 'tpn_desk',
    roles: ['tpn_evaluator'],
    reach: 'national',
    guards: [],
  },
  tpn_start_field: {
    id: 'tpn_start_field',
    from: ['tpn_desk'],
    to: 'tpn_field',
    roles: ['tpn_evaluator'],
    reach: 'national',
    guards: [],
  },
  tpn_not_award: {
    id: 'tpn_not_award',
    from: ['proposed', 'tpn_desk', 'tpn_field'],
    to: 'not_awarded',
    roles: ['tpn_evaluator'],
    reach: 'national',
    guards: ['note_given'],
  },
  decide_wbk: {
    id: 'decide_wbk',
    from: ['tpn_field'],
    to: 'decided_wbk',
    roles: ['tpn_evaluator'],
    reach: 'national',
    when: targetWbk,
    guards: ['tpn_scores_pass', 'predicate_order'],
  },
  decide_wbbm: {
    id: 'decide_wbbm',
    from: ['tpn_field'],
    to: 'decided_wbbm',
    roles: ['tpn_evaluator'],
    reach: 'national',
    when: targetWbbm,
    guards: ['tpn_scores_pass', 'predicate_order'],
  },
  revoke: {
    id: 'revoke',
    from: ['decided_wbk', 'decided_wbbm'],
    to: 'revoked',
    roles: ['tpn_evaluator', 'system_admin'],
    reach: 'national',
    guards: ['note_given'],
  },
};
