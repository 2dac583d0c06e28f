import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { employees, evidence, teamDecrees, teamMembers, units } from '../../db/schema.ts';

export type DecreeRow = typeof teamDecrees.$inferSelect;
export type MemberRow = typeof teamMembers.$inferSelect;
export type EmployeeRow = typeof employees.$inferSelect;

/** Locks the unit's row, so two decrees (or two syncs) of one unit never interleave. */
export const lockUnit = (db: Tx, unitId: string) =>
  db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');

export const findCurrentDecree = async (db: Tx, unitId: string): Promise<DecreeRow | undefined> => {
  const [row] = await db
    .select()
    .from(teamDecrees)
    .where(and(eq(teamDecrees.unitId, unitId), isNull(teamDecrees.supersededAt)))
    .limit(1);
  return row;
};

export const listDecrees = (db: Tx, unitId: string): Promise<DecreeRow[]> =>
  db.select().from(teamDecrees).where(eq(teamDecrees.unitId, unitId)).orderBy(desc(teamDecrees.createdAt));

export const listMembers = async (db: Tx, decreeIds: string[]): Promise<MemberRow[]> =>
  decreeIds.length === 0 ? [] : db.select().from(teamMembers).where(inArray(teamMembers.decreeId, decreeIds));

export const findEmployees = async (db: Tx, ids: string[]): Promise<EmployeeRow[]> =>
  ids.length === 0 ? [] : db.select().from(employees).where(inArray(employees.id, ids));

export const listActiveEmployees = (db: Tx, unitId: string): Promise<EmployeeRow[]> =>
  db
    .select()
    .from(employees)
    .where(and(eq(employees.unitId, unitId), eq(employees.active, true)))
    .orderBy(employees.name);

/** The ids among `ids` that are evidence of another unit or of none. */
export const evidenceOutsideUnit = async (db: Tx, unitId: string, ids: readonly string[]) => {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.unitId, unitId), inArray(evidence.id, [...ids])));
  const mine = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !mine.has(id));
};
