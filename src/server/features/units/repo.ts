import { and, asc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import type { Reach } from '../../../core/org/can.ts';

export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;

/** LIKE patterns treat % and _ as wildcards; ids are uuids, but a path is escaped anyway. */
const prefixPattern = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A SQL condition on a path column for "inside this reach". */
export const pathInReach = (column: typeof units.path, reach: Reach): SQL | undefined => {
  if (reach.all) return undefined;
  const parts: SQL[] = [
    ...reach.exact.map((p) => eq(column, p)),
    ...reach.subtrees.map((p) => like(column, prefixPattern(p))),
  ];
  return parts.length === 0 ? sql`false` : or(...parts);
};

export const listUnits = (db: Tx, reach: Reach): Promise<UnitRow[]> =>
  db.select().from(units).where(pathInReach(units.path, reach)).orderBy(asc(units.path));

export const findUnit = async (db: Tx, id: string): Promise<UnitRow | undefined> => {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
};

export const findUnitByCode = async (db: Tx, code: string): Promise<UnitRow | undefined> => {
  const [row] = await db
    .select()
    .from(units)
    .where(sql`lower(${units.code}) = ${code.toLowerCase()}`);
  return row;
};

export const insertUnit = async (db: Tx, row: NewUnitRow): Promise<UnitRow> => {
  const [created] = await db.insert(units).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

/** Updates only when the stored version is `version`; returns undefined on a stale write. */
export const updateUnitIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<NewUnitRow>,
  now: Date,
): Promise<UnitRow | undefined> => {
  const [row] = await db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: now })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning();
  return row;
};

/** Rewrites the paths of a unit's whole subtree after a move, in one statement. */
export const rewriteSubtreePaths = (
  db: Tx,
  oldPath: string,
  newPath: string,
  depthDelta: number,
  now: Date,
) =>
  db
    .update(units)
    .set({
      path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})`,
      depth: sql`${units.depth} + ${depthDelta}`,
      updatedAt: now,
    })
    .where(and(like(units.path, prefixPattern(oldPath)), sql`${units.path} <> ${oldPath}`));

export const countActiveChildren = async (db: Tx, id: string): Promise<number> => {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)));
  return row?.n ?? 0;
};
