import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { changeStatus } from './change-status.ts';

export type ApproveAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** The unit's leader signs off a submission; an approved assessment is locked. */
export const approveAssessment = (tx: Tx, options: ApproveAssessmentOptions) =>
  changeStatus(tx, {
    ...options,
    from: 'submitted',
    patch: { status: 'approved', approvedAt: options.now, approvedBy: options.actor.id },
    auditAction: 'assessment.approved',
  });
