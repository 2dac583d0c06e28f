import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { roleGrants, units, users } from '../../db/schema.ts';
import type { Reach } from '../../../core/org/can.ts';
import { pathInReach } from '../units/repo.ts';
import type { GrantRow, UserRow } from '../auth/repo.ts';
import type { Role } from '../../../core/org/roles.ts';

export type UserWithHome = UserRow & { homeUnitPath: string | null };

const withHome = {
  user: users,
  homeUnitPath: units.path,
};

/** Users whose home unit lies in `reach` (optionally exactly `unitId`), by name. */
export const listUsersInReach = async (db: Tx, reach: Reach, unitId?: string): Promise<UserWithHome[]> => {
  const rows = await db
    .select(withHome)
    .from(users)
    // A left join keeps accounts with no home unit: they match no path, so only a reach of `all` lists them.
    .leftJoin(units, eq(units.id, users.homeUnitId))
    .where(and(pathInReach(units.path, reach), unitId ? eq(users.homeUnitId, unitId) : undefined))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r.user, homeUnitPath: r.homeUnitPath }));
};

export const findUserWithHome = async (db: Tx, id: string): Promise<UserWithHome | undefined> => {
  const [row] = await db
    .select(withHome)
    .from(users)
    .leftJoin(units, eq(units.id, users.homeUnitId))
    .where(eq(users.id, id));
  return row ? { ...row.user, homeUnitPath: row.homeUnitPath } : undefined;
};

export const emailTaken = async (db: Tx, email: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row !== undefined;
};

export const insertUser = async (db: Tx, row: typeof users.$inferInsert): Promise<UserRow> => {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

export const updateUserIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
  now: Date,
): Promise<UserRow | undefined> => {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
};

export type GrantWithUnit = GrantRow & { userId: string };

export const findGrant = async (db: Tx, grantId: string): Promise<GrantWithUnit | undefined> => {
  const [row] = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: units.name,
      unitPath: units.path,
      area: roleGrants.area,
    })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.id, grantId));
  return row ? { ...row, role: row.role as Role } : undefined;
};

export const grantExists = async (
  db: Tx,
  userId: string,
  unitId: string,
  role: string,
  area: number | null,
) => {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.unitId, unitId),
        eq(roleGrants.role, role),
        sql`coalesce(${roleGrants.area}, 0) = ${area ?? 0}`,
      ),
    );
  return row !== undefined;
};

export const insertGrant = (db: Tx, row: typeof roleGrants.$inferInsert) => db.insert(roleGrants).values(row);
export const deleteGrant = (db: Tx, id: string) => db.delete(roleGrants).where(eq(roleGrants.id, id));
