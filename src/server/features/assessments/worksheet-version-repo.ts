import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { worksheetVersions } from '../../db/schema.ts';

/**
 * The assessment's worksheet version as the database holds it now (triggers replace it on every write, see
 * migration 0013); '0' until the first write. Read before the content it stands for, so the content read after
 * it is never older than the version it is cached under.
 */
export const readWorksheetVersion = async (db: Tx, assessmentId: string): Promise<string> => {
  const [row] = await db
    .select({ version: worksheetVersions.version })
    .from(worksheetVersions)
    .where(eq(worksheetVersions.assessmentId, assessmentId));
  return row ? String(row.version) : '0';
};
