import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  actionPlans,
  employees,
  evidence,
  planActivities,
  planComments,
  planRealisations,
  planReports,
  roleGrants,
  units,
  users,
} from '../../db/schema.ts';

export type PlanRow = typeof actionPlans.$inferSelect;
export type ActivityRow = typeof planActivities.$inferSelect;
export type RealisationRow = typeof planRealisations.$inferSelect;
export type CommentRow = typeof planComments.$inferSelect;
export type ReportRow = typeof planReports.$inferSelect;
export type UnitRef = { id: string; path: string; name: string; code: string; parentId: string | null };

const unitCols = {
  id: units.id,
  path: units.path,
  name: units.name,
  code: units.code,
  parentId: units.parentId,
};

export const findPlan = async (db: Tx, id: string): Promise<{ plan: PlanRow; unit: UnitRef } | undefined> => {
  const [row] = await db
    .select({ plan: actionPlans, unit: unitCols })
    .from(actionPlans)
    .innerJoin(units, eq(units.id, actionPlans.unitId))
    .where(eq(actionPlans.id, id));
  return row;
};

export const findActivity = async (
  db: Tx,
  id: string,
): Promise<{ activity: ActivityRow; plan: PlanRow; unit: UnitRef } | undefined> => {
  const [row] = await db
    .select({ activity: planActivities, plan: actionPlans, unit: unitCols })
    .from(planActivities)
    .innerJoin(actionPlans, eq(actionPlans.id, planActivities.planId))
    .innerJoin(units, eq(units.id, actionPlans.unitId))
    .where(eq(planActivities.id, id));
  return row;
};

export const findReport = async (
  db: Tx,
  id: string,
): Promise<{ report: ReportRow; unit: UnitRef } | undefined> => {
  const [row] = await db
    .select({ report: planReports, unit: unitCols })
    .from(planReports)
    .innerJoin(units, eq(units.id, planReports.unitId))
    .where(eq(planReports.id, id));
  return row;
};

export const plansOf = (db: Tx, unitIds: string[], year: number): Promise<PlanRow[]> =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(actionPlans)
        .where(and(inArray(actionPlans.unitId, unitIds), eq(actionPlans.year, year)))
        .orderBy(asc(actionPlans.area));

export const activitiesOf = (db: Tx, planIds: string[]): Promise<ActivityRow[]> =>
  planIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(planActivities)
        .where(inArray(planActivities.planId, planIds))
        .orderBy(asc(planActivities.position), asc(planActivities.createdAt), asc(planActivities.id));

export const realisationsOf = (db: Tx, activityIds: string[]): Promise<RealisationRow[]> =>
  activityIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(planRealisations)
        .where(inArray(planRealisations.activityId, activityIds))
        .orderBy(asc(planRealisations.quarter));

export const commentCounts = async (db: Tx, activityIds: string[]): Promise<Map<string, number>> => {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: planComments.activityId, n: sql<number>`count(*)::int` })
    .from(planComments)
    .where(inArray(planComments.activityId, activityIds))
    .groupBy(planComments.activityId);
  return new Map(rows.map((r) => [r.id, r.n]));
};

export const evidenceTitles = async (db: Tx, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: evidence.id, title: evidence.title })
    .from(evidence)
    .where(inArray(evidence.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
};

/** Evidence ids among `ids` that belong to the unit. */
export const evidenceOfUnit = async (db: Tx, unitId: string, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.unitId, unitId), inArray(evidence.id, ids)));
  return new Set(rows.map((r) => r.id));
};

export const userNames = async (db: Tx, ids: string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
};

export const activeEmployeesOf = (db: Tx, unitId: string) =>
  db
    .select({ id: employees.id, name: employees.name, userId: employees.userId })
    .from(employees)
    .where(and(eq(employees.unitId, unitId), eq(employees.active, true)))
    .orderBy(asc(employees.name), asc(employees.id));

export const employeeNames = async (db: Tx, ids: string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: employees.id, name: employees.name })
    .from(employees)
    .where(inArray(employees.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
};

export const findEmployee = async (db: Tx, id: string) => {
  const [row] = await db.select().from(employees).where(eq(employees.id, id));
  return row;
};

/** Is the user an active employee of the unit through a linked account? */
export const isLinkedEmployee = async (db: Tx, unitId: string, userId: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.unitId, unitId), eq(employees.userId, userId), eq(employees.active, true)));
  return row !== undefined;
};

export const insertPlan = async (
  db: Tx,
  row: typeof actionPlans.$inferInsert,
): Promise<PlanRow | undefined> => {
  const [created] = await db.insert(actionPlans).values(row).onConflictDoNothing().returning();
  return created;
};

export const updatePlanIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  summary: string,
  now: Date,
) => {
  const [row] = await db
    .update(actionPlans)
    .set({ summary, version: sql`${actionPlans.version} + 1`, updatedAt: now })
    .where(and(eq(actionPlans.id, id), eq(actionPlans.version, version)))
    .returning();
  return row;
};

export const touchPlan = (db: Tx, id: string, now: Date) =>
  db.update(actionPlans).set({ updatedAt: now }).where(eq(actionPlans.id, id));

export const nextPosition = async (db: Tx, planId: string): Promise<number> => {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${planActivities.position}), -1)::int + 1` })
    .from(planActivities)
    .where(eq(planActivities.planId, planId));
  return row?.n ?? 0;
};

export const insertActivity = async (
  db: Tx,
  row: typeof planActivities.$inferInsert,
): Promise<ActivityRow> => {
  const [created] = await db.insert(planActivities).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

export const updateActivityIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<typeof planActivities.$inferInsert>,
  now: Date,
): Promise<ActivityRow | undefined> => {
  const [row] = await db
    .update(planActivities)
    .set({ ...patch, version: sql`${planActivities.version} + 1`, updatedAt: now })
    .where(and(eq(planActivities.id, id), eq(planActivities.version, version)))
    .returning();
  return row;
};

export const deleteActivityIfVersion = async (db: Tx, id: string, version: number): Promise<boolean> => {
  const rows = await db
    .delete(planActivities)
    .where(and(eq(planActivities.id, id), eq(planActivities.version, version)))
    .returning({ id: planActivities.id });
  return rows.length > 0;
};

export const deleteCommentsOf = (db: Tx, activityId: string) =>
  db.delete(planComments).where(eq(planComments.activityId, activityId));

export const findRealisation = async (db: Tx, activityId: string, quarter: number) => {
  const [row] = await db
    .select()
    .from(planRealisations)
    .where(and(eq(planRealisations.activityId, activityId), eq(planRealisations.quarter, quarter)));
  return row;
};

export const insertRealisation = async (db: Tx, row: typeof planRealisations.$inferInsert) => {
  const [created] = await db.insert(planRealisations).values(row).onConflictDoNothing().returning();
  return created;
};

export const updateRealisationIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<typeof planRealisations.$inferInsert>,
) => {
  const [row] = await db
    .update(planRealisations)
    .set({ ...patch, version: sql`${planRealisations.version} + 1` })
    .where(and(eq(planRealisations.id, id), eq(planRealisations.version, version)))
    .returning();
  return row;
};

export const insertComment = async (db: Tx, row: typeof planComments.$inferInsert): Promise<CommentRow> => {
  const [created] = await db.insert(planComments).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

export const commentsOf = (db: Tx, activityId: string): Promise<CommentRow[]> =>
  db
    .select()
    .from(planComments)
    .where(eq(planComments.activityId, activityId))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));

export const reportsOf = (db: Tx, unitIds: string[], year: number): Promise<ReportRow[]> =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(planReports)
        .where(and(inArray(planReports.unitId, unitIds), eq(planReports.year, year)))
        .orderBy(asc(planReports.quarter));

export const findReportOf = async (db: Tx, unitId: string, year: number, quarter: number) => {
  const [row] = await db
    .select()
    .from(planReports)
    .where(and(eq(planReports.unitId, unitId), eq(planReports.year, year), eq(planReports.quarter, quarter)));
  return row;
};

export const insertReport = async (db: Tx, row: typeof planReports.$inferInsert) => {
  const [created] = await db.insert(planReports).values(row).onConflictDoNothing().returning();
  return created;
};

export const updateReportIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<typeof planReports.$inferInsert>,
  now: Date,
): Promise<ReportRow | undefined> => {
  const [row] = await db
    .update(planReports)
    .set({ ...patch, version: sql`${planReports.version} + 1`, updatedAt: now })
    .where(and(eq(planReports.id, id), eq(planReports.version, version)))
    .returning();
  return row;
};

/** Units strictly below `path`: the direct children, or every descendant. */
export const unitsBelow = (db: Tx, unit: { id: string; path: string }, deep: boolean) =>
  db
    .select({ ...unitCols, depth: units.depth })
    .from(units)
    .where(
      deep
        ? and(
            sql`${units.path} LIKE ${`${unit.path}%`}`,
            sql`${units.id} <> ${unit.id}`,
            eq(units.active, true),
          )
        : and(eq(units.parentId, unit.id), eq(units.active, true)),
    )
    .orderBy(asc(units.path));

/** The users holding the leader role on a unit (to tell them a report was forwarded to them). */
export const leadersOf = async (db: Tx, unitId: string): Promise<string[]> => {
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.role, 'leader'), eq(users.active, true)));
  return [...new Set(rows.map((r) => r.userId))];
};

/** The units where the user is an active employee through her linked account. */
export const unitsOfLinkedEmployee = async (db: Tx, userId: string): Promise<string[]> => {
  const rows = await db
    .selectDistinct({ unitId: employees.unitId })
    .from(employees)
    .where(and(eq(employees.userId, userId), eq(employees.active, true)));
  return rows.map((r) => r.unitId);
};
