import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { takeTransition } from '../reviews/take-transition.ts';

export type ApproveAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * The unit's leader signs off a submission: to the parent's preliminary review where the agency has one,
 * else straight to TPI (the core's `approve_to_preliminary` / `approve_to_tpi`). The unit's answers are
 * locked from then on.
 */
export const approveAssessment = (tx: Tx, options: ApproveAssessmentOptions) =>
  takeTransition(tx, {
    ...options,
    note: options.note ?? '',
    action: (_, config) => (config.preliminaryReview ? 'approve_to_preliminary' : 'approve_to_tpi'),
  });
