import type { AnswerView, SaveAnswerBody } from '../../../contracts/assessments.ts';
import { evaluateAnswers, type LkeAnswer, type LkeIssue } from '../../../core/lke/evaluate-answers.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { issuesOfCode, refusalOf } from '../lke/answer-refusal.ts';
import { findItemReview } from '../reviews/item-review-repo.ts';
import { markRevised } from '../reviews/mark-revised.ts';
import { requireCode, type LocatedCode } from './locate-code.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { answerValueOf, noAnswer, presentAnswer } from './present-answer.ts';
import {
  findAnswer,
  findAssessmentContext,
  holdsRoleOnUnit,
  insertAnswerIfAbsent,
  listAnswers,
  lockAssessment,
  updateAnswerIfVersion,
  UNIT_LEVEL,
} from './repo.ts';
import { refreshScores } from '../scores/refresh-scores.ts';

export type SaveAnswerOptions = {
  assessmentId: string;
  code: string;
  input: SaveAnswerBody;
  actor: AuditActor;
  now: Date;
  /** Only the survey feature's apply sets this: it writes a campaign's result and locks the answer to it. */
  sourceCampaignId?: string;
};
export type SaveAnswerResult = { answer: AnswerView; warnings: { code: string; message: string }[] };

/** Without a status from the person: nothing yet, both parts (complete), or one of them (draft). */
export const deriveAnswerStatus = (value: LkeAnswer, explanation: string): AnswerView['status'] => {
  const explained = explanation.trim().length > 0;
  if (value === null) return explained ? 'draft' : 'empty';
  return explained ? 'complete' : 'draft';
};

/** Warnings about the item being answered; "inputs still missing" is progress, not a problem, while filling in. */
const relevantWarnings = (warnings: LkeIssue[], located: LocatedCode, code: string) => {
  const item = located.item;
  const codes = new Set([item.code, code, ...(item.type === 'ratio' ? item.inputs.map((i) => i.code) : [])]);
  return warnings
    .filter((w) => w.code !== 'incomplete_inputs' && codes.has(w.item))
    .map((w) => ({ code: w.code, message: w.message }));
};

/**
 * Saves one answer of the unit's level on a draft assessment, or on a returned item of a returned one (which
 * then awaits the evaluator's recheck and counts a revision). Optimistic: the client sends the version it read
 * (0 for none); anything else gets 409 with the stored answer, never a silent overwrite. Validated by the core:
 * an invalid value is refused with the core's message, a doubtful one is saved and returned as a warning.
 */
export const saveAnswer = async (tx: Tx, options: SaveAnswerOptions): Promise<SaveAnswerResult> => {
  const { assessmentId, code, input, actor, now } = options;
  // Shared: many answers may be written at once, but not while a submission holds the row.
  await lockAssessment(tx, assessmentId, 'share');
  const ctx = await findAssessmentContext(tx, assessmentId);
  if (!ctx) throw notFound('Assessment');
  const template = await pinnedTemplate(ctx.period);
  const located = requireCode(template, code);
  // A draft is the unit's to fill; once returned, only the items an evaluator sent back (core `unitAnswer`).
  const returned = ctx.assessment.status === 'returned';
  const mark = returned ? await findItemReview(tx, assessmentId, located.item.code) : undefined;
  const reopened = mark?.status === 'returned' || mark?.status === 'awaiting_recheck';
  if (ctx.assessment.status !== 'draft' && !reopened)
    throw conflict(
      'ASSESSMENT_LOCKED',
      returned
        ? `The assessment is returned; only the items returned for revision may change, not ${located.item.code}.`
        : `The assessment is ${ctx.assessment.status}; answers are locked.`,
      returned ? { item: located.item.code } : undefined,
    );
  const current = await findAnswer(tx, assessmentId, code);
  const stale = () => staleWrite(current ? presentAnswer(current) : noAnswer(code));
  if ((current?.version ?? 0) !== input.version) throw stale();
  if (current?.sourceCampaignId && !options.sourceCampaignId)
    throw conflict(
      'ANSWER_FROM_SURVEY',
      'This answer is the result of a survey campaign; apply another campaign to change it.',
    );

  const stored = await listAnswers(tx, assessmentId);
  const values: Record<string, LkeAnswer> = {};
  for (const a of stored) values[a.code] = answerValueOf(a.value);
  values[code] = input.value;
  const evaluated = evaluateAnswers(template, { answers: values });
  const errors = input.value === null ? [] : issuesOfCode(evaluated.errors, code);
  if (errors.length > 0) throw refusalOf(errors, template);

  const pic = input.personInChargeId;
  if (pic && !(await holdsRoleOnUnit(tx, pic, ctx.unit.id)))
    throw badRequest('PERSON_NOT_ON_UNIT', 'The person in charge holds no role on this unit.');

  const fields = {
    value: input.value,
    explanation: input.explanation,
    status: input.status ?? deriveAnswerStatus(input.value, input.explanation),
    toReview: false,
    sourceCampaignId: options.sourceCampaignId ?? null,
    ...(pic === undefined ? {} : { personInChargeId: pic }),
    updatedAt: now,
    updatedBy: actor.id,
  };
  const saved = current
    ? await updateAnswerIfVersion(tx, { assessmentId, code }, input.version, fields)
    : await insertAnswerIfAbsent(tx, { assessmentId, level: UNIT_LEVEL, code, version: 1, ...fields });
  if (!saved) {
    const latest = await findAnswer(tx, assessmentId, code);
    throw staleWrite(latest ? presentAnswer(latest) : noAnswer(code));
  }
  const answer = presentAnswer(saved);
  if (mark) await markRevised(tx, mark, { value: input.value, note: input.explanation }, actor, now);
  await writeAudit(tx, {
    actor,
    action: 'answer.saved',
    subjectType: 'answer',
    subjectId: `${assessmentId}/${code}`,
    unit: { id: ctx.unit.id, path: ctx.unit.path },
    before: current ? presentAnswer(current) : null,
    after: answer,
    now,
  });
  await refreshScores(tx, assessmentId);
  return { answer, warnings: relevantWarnings(evaluated.warnings, located, code) };
};
