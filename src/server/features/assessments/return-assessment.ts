import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { changeStatus } from './change-status.ts';

export type ReturnAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** The leader sends a submission back to the team as a draft; the note (kept in the audit record) says why. */
export const returnAssessment = (tx: Tx, options: ReturnAssessmentOptions) => {
  if (!options.note) throw badRequest('NOTE_REQUIRED', 'Say why the assessment goes back to the team.');
  return changeStatus(tx, {
    ...options,
    from: 'submitted',
    patch: { status: 'draft', submittedAt: null, submittedBy: null },
    auditAction: 'assessment.returned',
  });
};
