import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { declarations, evidence } from '../../db/schema.ts';

export type DeclarationRow = typeof declarations.$inferSelect;

export const findDeclaration = async (db: Tx, unitId: string): Promise<DeclarationRow | undefined> => {
  const [row] = await db.select().from(declarations).where(eq(declarations.unitId, unitId));
  return row;
};

export const insertDeclaration = async (db: Tx, row: typeof declarations.$inferInsert) => {
  const [inserted] = await db.insert(declarations).values(row).onConflictDoNothing().returning();
  return inserted;
};

export const updateDeclarationIfVersion = async (
  db: Tx,
  unitId: string,
  version: number,
  patch: Partial<typeof declarations.$inferInsert>,
) => {
  const [row] = await db
    .update(declarations)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(declarations.unitId, unitId), eq(declarations.version, version)))
    .returning();
  return row;
};

/** Which of these evidence ids belong to the unit. */
export const evidenceOfUnit = async (db: Tx, unitId: string, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.unitId, unitId), inArray(evidence.id, ids)));
  return new Set(rows.map((r) => r.id));
};
