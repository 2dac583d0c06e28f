import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client.ts';
import { roleGrants, sessions, units, users } from '../../db/schema.ts';
import type { Grant } from '../../../core/org/can.ts';
import type { AreaNumber, Role } from '../../../core/org/roles.ts';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitPath: string;
  area: number | null;
};

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const findUserByEmail = async (db: Tx, email: string): Promise<UserRow | undefined> => {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
};

export const findUserById = async (db: Tx, id: string): Promise<UserRow | undefined> => {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
};

/** Grants of many users at once, for a list page. */
export const grantsOfUsers = async (db: Tx, userIds: string[]): Promise<Map<string, GrantRow[]>> => {
  const out = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleGrants.userId,
      id: roleGrants.id,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: units.name,
      unitPath: units.path,
      area: roleGrants.area,
    })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(units.path, roleGrants.role);
  for (const { userId, ...grant } of rows) {
    const list = out.get(userId) ?? [];
    list.push({ ...grant, role: grant.role as Role });
    out.set(userId, list);
  }
  return out;
};

export const grantsOfUser = async (db: Tx, userId: string): Promise<GrantRow[]> =>
  (await grantsOfUsers(db, [userId])).get(userId) ?? [];

/** Grants on deactivated units give no rights: a closed office has no ZI team. */
export const activeGrantsForActor = async (db: Tx, userId: string): Promise<Grant[]> => {
  const rows = await db
    .select({ role: roleGrants.role, unitPath: units.path, area: roleGrants.area })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), eq(units.active, true)));
  return rows.map((r) => ({
    role: r.role as Role,
    unitPath: r.unitPath,
    area: (r.area as AreaNumber | null) ?? null,
  }));
};

export type NewSession = { token: string; csrfToken: string };

export const createSession = async (
  db: Tx,
  options: { userId: string; now: Date; absoluteMs: number; ip: string | null; userAgent: string | null },
): Promise<NewSession> => {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    userId: options.userId,
    csrfToken,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + options.absoluteMs),
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
};

export type SessionRow = typeof sessions.$inferSelect;

export const findSession = async (db: Tx, token: string): Promise<SessionRow | undefined> => {
  const [row] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sessionIdOf(token)));
  return row;
};

export const touchSession = (db: Tx, id: string, now: Date) =>
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));

export const deleteSession = (db: Tx, id: string) => db.delete(sessions).where(eq(sessions.id, id));

export const deleteSessionByToken = (db: Tx, token: string) =>
  db.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));

export const deleteSessionsOfUser = (db: Tx, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));

export const deleteExpiredSessions = (db: Db, now: Date) =>
  db.delete(sessions).where(lt(sessions.expiresAt, now));

export const setPassword = (db: Tx, userId: string, passwordHash: string, mustChange: boolean, now: Date) =>
  db
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: mustChange,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));

export const updateProfile = (db: Tx, userId: string, patch: { name?: string; locale?: string }, now: Date) =>
  db
    .update(users)
    .set({ ...patch, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));

export const deleteOtherSessionsOfUser = (db: Tx, userId: string, keepId: string) =>
  db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
