import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { employees, units, users } from '../../db/schema.ts';

export type EmployeeRow = typeof employees.$inferSelect;
export type NewEmployeeRow = typeof employees.$inferInsert;
export type AccountRef = { userId: string; email: string; name: string };

export const listEmployees = (db: Tx, unitId: string): Promise<EmployeeRow[]> =>
  db
    .select()
    .from(employees)
    .where(eq(employees.unitId, unitId))
    .orderBy(asc(sql`lower(${employees.name})`), asc(employees.id));

export const findEmployee = async (db: Tx, id: string) => {
  const [row] = await db
    .select({ employee: employees, unitPath: units.path })
    .from(employees)
    .innerJoin(units, eq(units.id, employees.unitId))
    .where(eq(employees.id, id));
  return row;
};

export const insertEmployees = async (db: Tx, rows: NewEmployeeRow[]): Promise<EmployeeRow[]> =>
  rows.length === 0 ? [] : db.insert(employees).values(rows).returning();

export const updateEmployeeIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<NewEmployeeRow>,
  now: Date,
): Promise<EmployeeRow | undefined> => {
  const [row] = await db
    .update(employees)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(employees.id, id), eq(employees.version, version)))
    .returning();
  return row;
};

/** NIPs of this unit already on the list (active or not: a NIP is unique per unit). */
export const nipsTaken = async (db: Tx, unitId: string, nips: string[], exceptId?: string) => {
  if (nips.length === 0) return new Set<string>();
  const rows = await db
    .select({ nip: employees.nip })
    .from(employees)
    .where(
      and(
        eq(employees.unitId, unitId),
        inArray(employees.nip, nips),
        exceptId ? ne(employees.id, exceptId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.nip).filter((n): n is string => n !== null));
};

export const findActiveUsersByEmail = async (db: Tx, emails: string[]): Promise<Map<string, AccountRef>> => {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, emails), eq(users.active, true)));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r]));
};

export const accountsOf = async (db: Tx, userIds: string[]): Promise<Map<string, AccountRef>> => {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.userId, r]));
};

/** Accounts already linked to another employee of the unit: one person, one entry per unit. */
export const linkedUserIds = async (db: Tx, unitId: string, exceptId?: string): Promise<Set<string>> => {
  const rows = await db
    .select({ userId: employees.userId })
    .from(employees)
    .where(
      and(
        eq(employees.unitId, unitId),
        isNotNull(employees.userId),
        exceptId ? ne(employees.id, exceptId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.userId).filter((u): u is string => u !== null));
};
