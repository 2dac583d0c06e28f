import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { declarations } from '../../db/schema.ts';

/**
 * The unit's Zona Integritas start date: the date of its declaration (pencanangan), YYYY-MM-DD, or null when
 * the unit has not recorded one yet. Other features (action plans, change agents, reports) count from it.
 */
export const ziStartDateOf = async (tx: Tx, unitId: string): Promise<string | null> => {
  const [row] = await tx
    .select({ declaredOn: declarations.declaredOn })
    .from(declarations)
    .where(eq(declarations.unitId, unitId))
    .limit(1);
  return row?.declaredOn ?? null;
};
