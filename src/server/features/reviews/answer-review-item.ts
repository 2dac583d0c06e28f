import type { ReviewAnswerBody, ReviewItem } from '../../../contracts/reviews.ts';
import { evaluateAnswers } from '../../../core/lke/evaluate-answers.ts';
import { recheckItem, reviewAnswer } from '../../../core/review/answer-edits.ts';
import { valuesAt } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { issuesOfCode, refusalOf } from '../lke/answer-refusal.ts';
import type { Actor } from '../../../core/org/can.ts';
import { deleteLevelAnswer, findLevelAnswer, writeLevelAnswer } from './answer-levels-repo.ts';
import { upsertItemReview } from './item-review-repo.ts';
import { openItemWrite, reloadItem } from './item-write.ts';
import { refreshScores } from '../scores/refresh-scores.ts';

export type AnswerReviewItemOptions = {
  assessmentId: string;
  code: string;
  input: ReviewAnswerBody;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * A reviewer's own answer and note at her level now (TPI stage she holds, TPN desk or field); the unit's
 * answer is never touched. TPN's own survey indices (H1.a, H2.a) enter here like any item. Optimistic on the
 * level's row version; the value is checked by the core like the unit's; an item awaiting recheck counts as
 * rechecked.
 */
export const answerReviewItem = async (
  tx: Tx,
  options: AnswerReviewItemOptions,
): Promise<{ item: ReviewItem; assessmentVersion: number }> => {
  const { code, input, actor, now } = options;
  const { context, loaded, level, located } = await openItemWrite(tx, options);
  const key = { assessmentId: context.assessment.id, level, code };
  const current = await findLevelAnswer(tx, key);
  if ((current?.version ?? 0) !== input.version) throw staleWrite(await reloadItem(tx, context, code, now));

  const answer = input.clear ? null : { value: input.value, note: input.note };
  // Clearing what this level never set changes nothing: nothing to write or audit.
  if (answer === null && !current)
    return { item: await reloadItem(tx, context, code, now), assessmentVersion: context.assessment.version };
  if (answer && answer.value !== null) {
    const values = { ...valuesAt(loaded.levels, level), [code]: answer.value };
    const errors = issuesOfCode(evaluateAnswers(loaded.template, { answers: values }).errors, code);
    if (errors.length > 0) throw refusalOf(errors, loaded.template);
  }
  const edited = reviewAnswer(loaded.levels, level, code, answer);
  if (!edited.ok) throw conflict(edited.error.code, edited.error.message, edited.error.details);
  // A revision is rechecked by the reviewer's answer to the item, or to one of its count inputs.
  const item = located.item.code;
  const rechecked =
    edited.value.items[item]?.status === 'awaiting_recheck' ? recheckItem(edited.value, level, item) : edited;
  const mark = rechecked.ok ? rechecked.value.items[item] : undefined;

  if (answer === null) {
    if (current && !(await deleteLevelAnswer(tx, key, input.version)))
      throw staleWrite(await reloadItem(tx, context, code, now));
  } else {
    const saved = await writeLevelAnswer(tx, key, input.version, {
      value: answer.value,
      explanation: answer.note,
      updatedAt: now,
      updatedBy: actor.id,
    });
    if (!saved) throw staleWrite(await reloadItem(tx, context, code, now));
  }
  if (mark && mark.status !== loaded.levels.items[item]?.status)
    await upsertItemReview(tx, context.assessment.id, item, mark, actor.id, now);
  await writeAudit(tx, {
    actor,
    action: 'review.answer_saved',
    subjectType: 'answer',
    subjectId: `${context.assessment.id}/${level}/${code}`,
    unit: { id: context.unit.id, path: context.unit.path },
    before: current
      ? { level, value: current.value, note: current.explanation, version: current.version }
      : null,
    after: answer ? { level, ...answer } : null,
    now,
  });
  await refreshScores(tx, context.assessment.id);
  return { item: await reloadItem(tx, context, code, now), assessmentVersion: context.assessment.version };
};
