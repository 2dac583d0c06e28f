import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { CalendarDate } from '../../../core/review/calendar.ts';
import { predicateStanding, type DecreeRecord } from '../../../core/review/predicate-standing.ts';
import type { Tx } from '../../db/client.ts';
import { predicateAwards } from '../../db/schema.ts';

export type AwardRow = typeof predicateAwards.$inferSelect;

/** A unit's decrees, oldest first. */
export const listAwards = (db: Tx, unitId: string): Promise<AwardRow[]> =>
  db
    .select()
    .from(predicateAwards)
    .where(eq(predicateAwards.unitId, unitId))
    .orderBy(asc(predicateAwards.decreeDate), asc(predicateAwards.createdAt));

/** The assessment's decree still in force (the one a revocation revokes). */
export const findStandingAward = async (db: Tx, assessmentId: string): Promise<AwardRow | undefined> => {
  const [row] = await db
    .select()
    .from(predicateAwards)
    .where(and(eq(predicateAwards.assessmentId, assessmentId), isNull(predicateAwards.revokedOn)))
    .orderBy(desc(predicateAwards.createdAt))
    .limit(1);
  return row;
};

export const findAwardOfAssessment = async (db: Tx, assessmentId: string): Promise<AwardRow | undefined> => {
  const [row] = await db
    .select()
    .from(predicateAwards)
    .where(eq(predicateAwards.assessmentId, assessmentId))
    .orderBy(desc(predicateAwards.createdAt))
    .limit(1);
  return row;
};

export const insertAward = (db: Tx, row: typeof predicateAwards.$inferInsert) =>
  db.insert(predicateAwards).values(row);

export const revokeAward = (
  db: Tx,
  id: string,
  revocation: { revokedOn: CalendarDate; revocationReason: string; revokedBy: string | null },
) => db.update(predicateAwards).set(revocation).where(eq(predicateAwards.id, id));

/**
 * What the history means now: the predicate of the latest decree unless revoked (core `ctx.unit.holds`), and
 * the latest revocation's day (the two-year ban counts from it). `earlier` are the verified decrees won
 * before Pulau (held-predicates-repo), which count exactly like Pulau's own.
 */
export const standingOf = (awards: readonly AwardRow[], earlier: readonly DecreeRecord[] = []) =>
  predicateStanding([...earlier, ...awards]);
