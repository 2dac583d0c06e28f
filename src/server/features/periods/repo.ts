import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { periods, units } from '../../db/schema.ts';

export type PeriodRow = typeof periods.$inferSelect;
export type NewPeriodRow = typeof periods.$inferInsert;
export type AgencyUnit = { id: string; path: string; parentId: string | null; active: boolean };

export const findUnitForPeriod = async (db: Tx, id: string): Promise<AgencyUnit | undefined> => {
  const [row] = await db
    .select({ id: units.id, path: units.path, parentId: units.parentId, active: units.active })
    .from(units)
    .where(eq(units.id, id));
  return row;
};

export const findPeriod = async (db: Tx, id: string): Promise<PeriodRow | undefined> => {
  const [row] = await db.select().from(periods).where(eq(periods.id, id));
  return row;
};

/** A period with its agency's path: the subject of the permission check. */
export const findPeriodAgencyPath = async (db: Tx, id: string): Promise<string | undefined> => {
  const [row] = await db
    .select({ path: units.path })
    .from(periods)
    .innerJoin(units, eq(units.id, periods.agencyId))
    .where(eq(periods.id, id));
  return row?.path;
};

export const findPeriodByAgencyYear = async (
  db: Tx,
  agencyId: string,
  year: number,
): Promise<PeriodRow | undefined> => {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.agencyId, agencyId), eq(periods.year, year)));
  return row;
};

/** Periods of the listed agencies (every agency when `agencyIds` is 'all'), newest year first. */
export const listPeriods = (db: Tx, agencyIds: 'all' | readonly string[]): Promise<PeriodRow[]> => {
  if (agencyIds !== 'all' && agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(periods)
    .where(agencyIds === 'all' ? undefined : inArray(periods.agencyId, [...agencyIds]))
    .orderBy(desc(periods.year), periods.agencyId);
};

export const insertPeriod = async (db: Tx, row: NewPeriodRow): Promise<PeriodRow> => {
  const [created] = await db.insert(periods).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

/** Updates only when the stored version is `version`; returns undefined on a stale write. */
export const updatePeriodIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<NewPeriodRow>,
  now: Date,
): Promise<PeriodRow | undefined> => {
  const [row] = await db
    .update(periods)
    .set({ ...patch, version: sql`${periods.version} + 1`, updatedAt: now })
    .where(and(eq(periods.id, id), eq(periods.version, version)))
    .returning();
  return row;
};
