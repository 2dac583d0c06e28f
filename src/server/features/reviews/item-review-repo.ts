import { and, asc, eq } from 'drizzle-orm';
import type { ItemReview } from '../../../core/review/answer-levels.ts';
import type { Tx } from '../../db/client.ts';
import { itemReviews } from '../../db/schema.ts';

export type ItemReviewRow = typeof itemReviews.$inferSelect;

const STATUSES = ['open', 'returned', 'awaiting_recheck'] as const;

/** A stored row as the core's ItemReview; an unknown status reads as open. */
export const toItemReview = (row: ItemReviewRow): ItemReview => ({
  status: STATUSES.find((s) => s === row.status) ?? 'open',
  returnNote: row.returnNote,
  returnedAt: (row.returnedAt as ItemReview['returnedAt']) ?? null,
  revisions: row.revisions,
});

export const listItemReviews = (db: Tx, assessmentId: string): Promise<ItemReviewRow[]> =>
  db
    .select()
    .from(itemReviews)
    .where(eq(itemReviews.assessmentId, assessmentId))
    .orderBy(asc(itemReviews.code));

export const findItemReview = async (
  db: Tx,
  assessmentId: string,
  code: string,
): Promise<ItemReviewRow | undefined> => {
  const [row] = await db
    .select()
    .from(itemReviews)
    .where(and(eq(itemReviews.assessmentId, assessmentId), eq(itemReviews.code, code)));
  return row;
};

/** Writes an item's review mark (insert or replace). */
export const upsertItemReview = async (
  db: Tx,
  assessmentId: string,
  code: string,
  item: ItemReview,
  by: string | null,
  now: Date,
): Promise<void> => {
  const fields = {
    status: item.status,
    returnNote: item.returnNote,
    returnedAt: item.returnedAt,
    revisions: item.revisions,
    updatedAt: now,
    updatedBy: by,
  };
  await db
    .insert(itemReviews)
    .values({ assessmentId, code, ...fields })
    .onConflictDoUpdate({ target: [itemReviews.assessmentId, itemReviews.code], set: fields });
};
