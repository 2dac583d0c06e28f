import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { takeTransition } from '../reviews/take-transition.ts';

export type SubmitAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * The team lead hands the assessment over: a draft goes to the leader for approval, a returned one back to
 * TPI (the core's `submit` / `resubmit`, behind the submission gate).
 */
export const submitAssessment = (tx: Tx, options: SubmitAssessmentOptions) =>
  takeTransition(tx, {
    ...options,
    note: options.note ?? '',
    action: (state) => (state.status === 'returned' ? 'resubmit' : 'submit'),
  });
