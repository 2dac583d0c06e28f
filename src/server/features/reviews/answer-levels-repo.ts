import { and, eq, ne, sql } from 'drizzle-orm';
import type { AnswerLevels, LevelAnswer, LevelId } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { answers } from '../../db/schema.ts';
import { answerValueOf } from '../assessments/present-answer.ts';
import type { AnswerRow } from '../assessments/repo.ts';
import { listItemReviews, toItemReview } from './item-review-repo.ts';

/** Stored rows by level and code, for the versions and times the screens show. */
export type LevelRows = Map<string, Map<string, AnswerRow>>;

/**
 * Every answer of an assessment as the core's stack of levels, with the item review marks. Rows of a level
 * the agency no longer has (a TPI stage removed from its settings) are left out of the stack.
 */
export const loadAnswerLevels = async (
  db: Tx,
  assessmentId: string,
  order: readonly LevelId[],
): Promise<{ levels: AnswerLevels; rows: LevelRows }> => {
  const stored = await db.select().from(answers).where(eq(answers.assessmentId, assessmentId));
  const rows: LevelRows = new Map();
  const byLevel: Record<string, Record<string, LevelAnswer>> = {};
  for (const row of stored) {
    if (!order.includes(row.level as LevelId)) continue;
    (rows.get(row.level) ?? rows.set(row.level, new Map()).get(row.level)!).set(row.code, row);
    (byLevel[row.level] ??= {})[row.code] = { value: answerValueOf(row.value), note: row.explanation };
  }
  const items: AnswerLevels['items'] = Object.fromEntries(
    (await listItemReviews(db, assessmentId)).map((r) => [r.code, toItemReview(r)]),
  );
  return { levels: { order, answers: { unit: {}, ...byLevel }, items }, rows };
};

export const findLevelAnswer = async (
  db: Tx,
  key: { assessmentId: string; level: string; code: string },
): Promise<AnswerRow | undefined> => {
  const [row] = await db
    .select()
    .from(answers)
    .where(
      and(
        eq(answers.assessmentId, key.assessmentId),
        eq(answers.level, key.level),
        eq(answers.code, key.code),
      ),
    );
  return row;
};

/** A reviewer's answer at her level: insert, or update only from the version she read. */
export const writeLevelAnswer = async (
  db: Tx,
  key: { assessmentId: string; level: string; code: string },
  version: number,
  fields: { value: string | number | null; explanation: string; updatedAt: Date; updatedBy: string | null },
): Promise<AnswerRow | undefined> => {
  const status = fields.value === null ? 'draft' : 'complete';
  if (version === 0) {
    const [created] = await db
      .insert(answers)
      .values({ ...key, ...fields, status, version: 1 })
      .onConflictDoNothing()
      .returning();
    return created;
  }
  const [row] = await db
    .update(answers)
    .set({ ...fields, status, version: sql`${answers.version} + 1` })
    .where(
      and(
        eq(answers.assessmentId, key.assessmentId),
        eq(answers.level, key.level),
        eq(answers.code, key.code),
        eq(answers.version, version),
      ),
    )
    .returning();
  return row;
};

export const deleteLevelAnswer = async (
  db: Tx,
  key: { assessmentId: string; level: string; code: string },
  version: number,
): Promise<boolean> => {
  const rows = await db
    .delete(answers)
    .where(
      and(
        eq(answers.assessmentId, key.assessmentId),
        eq(answers.level, key.level),
        eq(answers.code, key.code),
        eq(answers.version, version),
        ne(answers.level, 'unit'),
      ),
    )
    .returning({ code: answers.code });
  return rows.length > 0;
};
