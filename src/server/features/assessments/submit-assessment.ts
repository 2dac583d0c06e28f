import type { GateProblem } from '../../../contracts/assessments.ts';
import type { Actor } from '../../../core/org/can.ts';
import { checkSubmission, type GateAnswer } from '../../../core/lke/submission-gate.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { changeStatus } from './change-status.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { answerValueOf } from './present-answer.ts';
import { listAnswers, listLinkRows, type AssessmentContext } from './repo.ts';

export type SubmitAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** Refuses with every problem at once, so the team fixes them in one round instead of one per attempt. */
const gate = async (tx: Tx, { assessment, period }: AssessmentContext): Promise<void> => {
  const template = await pinnedTemplate(period);
  const answers: Record<string, GateAnswer> = {};
  for (const a of await listAnswers(tx, assessment.id))
    answers[a.code] = { value: answerValueOf(a.value), explanation: a.explanation };
  const linkedCodes = new Set((await listLinkRows(tx, assessment.id)).map((l) => l.code));
  const problems: GateProblem[] = checkSubmission(template, { answers, linkedCodes }, period);
  if (problems.length > 0) {
    throw badRequest(
      'SUBMISSION_INCOMPLETE',
      `The assessment cannot be submitted yet: ${problems.length} problem(s).`,
      problems,
    );
  }
};

/** Hands a complete draft to the unit's leader for approval. */
export const submitAssessment = (tx: Tx, options: SubmitAssessmentOptions) =>
  changeStatus(tx, {
    ...options,
    from: 'draft',
    patch: { status: 'submitted', submittedAt: options.now, submittedBy: options.actor.id },
    auditAction: 'assessment.submitted',
    check: (ctx) => gate(tx, ctx),
  });
