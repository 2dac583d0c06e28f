import type { GateProblem } from '../../../contracts/assessments.ts';
import { checkSubmission, type GateAnswer } from '../../../core/lke/submission-gate.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { answerValueOf } from './present-answer.ts';
import { listAnswers, listLinkRows, type AssessmentContext } from './repo.ts';

/**
 * The submission gate on the unit's answers. Refuses with every problem at once, so the team fixes them in
 * one round instead of one per attempt.
 */
export const checkSubmissionGate = async (
  tx: Tx,
  { assessment, period }: AssessmentContext,
): Promise<void> => {
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
