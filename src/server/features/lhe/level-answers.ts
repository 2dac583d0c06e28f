import { eq, inArray } from 'drizzle-orm';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { AnswerLevels, ItemReview, LevelId } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { answers, itemReviews } from '../../db/schema.ts';

type AnswerRow = { assessmentId: string; level: string; code: string; value: unknown; explanation: string };

const toAnswer = (value: unknown): LkeAnswer =>
  typeof value === 'string' || typeof value === 'number' ? value : null;

const stackOf = (order: readonly LevelId[], rows: readonly AnswerRow[]): AnswerLevels['answers'] => {
  const byLevel: Record<string, Record<string, { value: LkeAnswer; note: string }>> = {};
  for (const r of rows) {
    if (!order.includes(r.level as LevelId)) continue;
    (byLevel[r.level] ??= {})[r.code] = { value: toAnswer(r.value), note: r.explanation };
  }
  return byLevel;
};

const answerColumns = {
  assessmentId: answers.assessmentId,
  level: answers.level,
  code: answers.code,
  value: answers.value,
  explanation: answers.explanation,
};

/**
 * One assessment's answers as the core's level stack, read from the `answers` table's level column, with the
 * items' review marks. Rows of a level the agency's order does not know (a stage since removed) are left out.
 */
export const loadAnswerLevels = async (
  tx: Tx,
  assessmentId: string,
  order: readonly LevelId[],
): Promise<AnswerLevels> => {
  const rows = await tx.select(answerColumns).from(answers).where(eq(answers.assessmentId, assessmentId));
  const marks = await tx.select().from(itemReviews).where(eq(itemReviews.assessmentId, assessmentId));
  const items: Record<string, ItemReview> = {};
  for (const m of marks)
    items[m.code] = {
      status: m.status === 'returned' || m.status === 'awaiting_recheck' ? m.status : 'open',
      returnNote: m.returnNote,
      returnedAt: (m.returnedAt as LevelId | null) ?? null,
      revisions: m.revisions,
    };
  return { order, answers: stackOf(order, rows), items };
};

/** The level stacks of many assessments at once (answers only), for an overview. */
export const loadManyAnswerLevels = async (
  tx: Tx,
  assessmentIds: readonly string[],
  order: readonly LevelId[],
): Promise<Map<string, AnswerLevels>> => {
  const rows =
    assessmentIds.length === 0
      ? []
      : await tx
          .select(answerColumns)
          .from(answers)
          .where(inArray(answers.assessmentId, [...assessmentIds]));
  const grouped = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const list = grouped.get(r.assessmentId);
    if (list) list.push(r);
    else grouped.set(r.assessmentId, [r]);
  }
  return new Map(
    assessmentIds.map((id) => [id, { order, answers: stackOf(order, grouped.get(id) ?? []), items: {} }]),
  );
};
