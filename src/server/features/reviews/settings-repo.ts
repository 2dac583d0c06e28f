import { and, eq } from 'drizzle-orm';
import { reviewConfigSchema, type ReviewConfig } from '../../../core/review/review-config.ts';
import type { Tx } from '../../db/client.ts';
import { reviewSettings } from '../../db/schema.ts';

export type StoredReviewSettings = { config: ReviewConfig; version: number };

/** An agency's settings, validated by the core schema; the defaults (version 0) while nothing is stored. */
export const loadReviewSettings = async (db: Tx, agencyId: string): Promise<StoredReviewSettings> => {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.agencyId, agencyId));
  if (!row) return { config: reviewConfigSchema.parse({}), version: 0 };
  return { config: reviewConfigSchema.parse(row.config), version: row.version };
};

export const insertReviewSettings = async (db: Tx, row: typeof reviewSettings.$inferInsert) => {
  const [created] = await db.insert(reviewSettings).values(row).onConflictDoNothing().returning();
  return created;
};

export const updateReviewSettingsIfVersion = async (
  db: Tx,
  agencyId: string,
  version: number,
  patch: { config: ReviewConfig; updatedAt: Date; updatedBy: string | null },
) => {
  const [row] = await db
    .update(reviewSettings)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(reviewSettings.agencyId, agencyId), eq(reviewSettings.version, version)))
    .returning();
  return row;
};
