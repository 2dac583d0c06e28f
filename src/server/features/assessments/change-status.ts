import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import type { Actor } from '../../../core/org/can.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { auditView, presentAssessment } from './present-assessment.ts';
import {
  findAssessmentContext,
  lockAssessment,
  updateAssessmentIfVersion,
  type AssessmentContext,
  type NewAssessmentRow,
} from './repo.ts';

export type ChangeStatusOptions = {
  assessmentId: string;
  version: number;
  from: string;
  patch: Partial<NewAssessmentRow>;
  auditAction: string;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
  /** A last check on the locked, current assessment (the submission gate). */
  check?: (ctx: AssessmentContext) => Promise<void>;
};

/**
 * One step of the assessment's life (draft → submitted → approved, or back to draft), on the locked row: no
 * answer can land between the check and the step. A wrong state is 409 INVALID_TRANSITION.
 */
export const changeStatus = async (tx: Tx, options: ChangeStatusOptions): Promise<AssessmentContext> => {
  await lockAssessment(tx, options.assessmentId, 'update');
  const ctx = await findAssessmentContext(tx, options.assessmentId);
  if (!ctx) throw notFound('Assessment');
  if (ctx.assessment.version !== options.version) throw staleWrite(presentAssessment(ctx, options.who));
  if (ctx.assessment.status !== options.from) {
    throw conflict(
      'INVALID_TRANSITION',
      `The assessment is ${ctx.assessment.status}; this step needs it ${options.from}.`,
    );
  }
  await options.check?.(ctx);
  const updated = await updateAssessmentIfVersion(
    tx,
    ctx.assessment.id,
    options.version,
    options.patch,
    options.now,
  );
  if (!updated) throw staleWrite(presentAssessment(ctx, options.who));
  const next = { ...ctx, assessment: updated };
  await writeAudit(tx, {
    actor: options.actor,
    action: options.auditAction,
    subjectType: 'assessment',
    subjectId: ctx.assessment.id,
    unit: { id: ctx.unit.id, path: ctx.unit.path },
    before: auditView(ctx),
    after: { ...auditView(next), ...(options.note ? { note: options.note } : {}) },
    now: options.now,
  });
  return next;
};
