import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { findings, units } from '../../db/schema.ts';

export type FindingRow = typeof findings.$inferSelect;
export type NewFindingRow = typeof findings.$inferInsert;

export const listFindings = (db: Tx, unitId: string): Promise<FindingRow[]> =>
  db
    .select()
    .from(findings)
    .where(eq(findings.unitId, unitId))
    .orderBy(findings.dueDate, desc(findings.createdAt));

/** A finding with its unit's path (for the permission check and the audit record). */
export const findFinding = async (db: Tx, id: string) => {
  const [row] = await db
    .select({ finding: findings, unitPath: units.path })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .where(eq(findings.id, id))
    .limit(1);
  return row;
};

export const insertFinding = async (db: Tx, row: NewFindingRow): Promise<FindingRow> => {
  const [saved] = await db.insert(findings).values(row).returning();
  if (!saved) throw new Error('finding insert returned nothing');
  return saved;
};

/** Updates only when the stored version is still `version`; undefined when someone else got there first. */
export const updateFindingIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  fields: Partial<NewFindingRow>,
): Promise<FindingRow | undefined> => {
  const [saved] = await db
    .update(findings)
    .set({ ...fields, version: version + 1 })
    .where(and(eq(findings.id, id), eq(findings.version, version)))
    .returning();
  return saved;
};

export const deleteFindingIfVersion = async (db: Tx, id: string, version: number) =>
  (
    await db
      .delete(findings)
      .where(and(eq(findings.id, id), eq(findings.version, version)))
      .returning()
  ).length > 0;
