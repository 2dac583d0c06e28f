import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { reviewAssignments, users } from '../../db/schema.ts';

export type AssignmentRow = {
  id: string;
  unitId: string;
  userId: string;
  userName: string;
  userEmail: string;
  level: string;
  positions: unknown;
  createdAt: Date;
};

const columns = {
  id: reviewAssignments.id,
  unitId: reviewAssignments.unitId,
  userId: reviewAssignments.userId,
  userName: users.name,
  userEmail: users.email,
  level: reviewAssignments.level,
  positions: reviewAssignments.positions,
  createdAt: reviewAssignments.createdAt,
};

export const listAssignments = (db: Tx, unitId: string): Promise<AssignmentRow[]> =>
  db
    .select(columns)
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.userId))
    .where(eq(reviewAssignments.unitId, unitId))
    .orderBy(asc(reviewAssignments.level), asc(users.name));

export const findAssignment = async (db: Tx, id: string): Promise<AssignmentRow | undefined> => {
  const [row] = await db
    .select(columns)
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.userId))
    .where(eq(reviewAssignments.id, id));
  return row;
};

export const assignmentExists = async (db: Tx, unitId: string, userId: string, level: string) => {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.unitId, unitId),
        eq(reviewAssignments.userId, userId),
        eq(reviewAssignments.level, level),
      ),
    );
  return row !== undefined;
};

export const insertAssignment = (db: Tx, row: typeof reviewAssignments.$inferInsert) =>
  db.insert(reviewAssignments).values(row);

export const deleteAssignment = (db: Tx, id: string) =>
  db.delete(reviewAssignments).where(eq(reviewAssignments.id, id));

/** The evaluators of a unit at one level with their team positions (core TpiAssignment). */
export const listTeam = async (
  db: Tx,
  unitId: string,
  level: 'tpi' | 'tpn',
): Promise<{ userId: string; positions: unknown }[]> =>
  db
    .select({ userId: reviewAssignments.userId, positions: reviewAssignments.positions })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.userId))
    .where(
      and(eq(reviewAssignments.unitId, unitId), eq(reviewAssignments.level, level), eq(users.active, true)),
    );
