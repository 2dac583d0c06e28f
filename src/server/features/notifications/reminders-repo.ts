import { and, eq, inArray } from 'drizzle-orm';
import { reviewConfigSchema, type ReviewConfig } from '../../../core/review/review-config.ts';
import type { Tx } from '../../db/client.ts';
import { assessments, periods, remindersSent, reviewSettings, units } from '../../db/schema.ts';

export const allPeriods = (db: Tx) =>
  db
    .select({
      id: periods.id,
      agencyId: periods.agencyId,
      year: periods.year,
      name: periods.name,
      fillUntil: periods.fillUntil,
      reviewUntil: periods.reviewUntil,
      revisionUntil: periods.revisionUntil,
      proposalDeadline: periods.proposalDeadline,
    })
    .from(periods);

export type PeriodRow = Awaited<ReturnType<typeof allPeriods>>[number];

/** The agency's evaluation settings; a stored config that no longer validates falls back to the defaults. */
export const agencyConfig = async (db: Tx, agencyId: string): Promise<ReviewConfig> => {
  const [row] = await db
    .select({ config: reviewSettings.config })
    .from(reviewSettings)
    .where(eq(reviewSettings.agencyId, agencyId));
  const parsed = reviewConfigSchema.safeParse(row?.config ?? {});
  return parsed.success ? parsed.data : reviewConfigSchema.parse({});
};

/** The period's assessments in one of these statuses, with their unit. */
export const assessmentsIn = (db: Tx, periodId: string, statuses: string[]) =>
  db
    .select({ id: assessments.id, unitId: units.id, unitPath: units.path, unitName: units.name })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(and(eq(assessments.periodId, periodId), inArray(assessments.status, statuses)));

/** Records a reminder as sent; false when it already was (by this or another process). */
export const claimReminder = async (tx: Tx, key: string, now: Date): Promise<boolean> => {
  const rows = await tx
    .insert(remindersSent)
    .values({ key, sentAt: now })
    .onConflictDoNothing()
    .returning({ key: remindersSent.key });
  return rows.length > 0;
};
