import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { evidenceLinks, evidenceVersions } from '../../db/schema.ts';

/** A version of evidence linked to some item of the assessment; undefined when not linked there. */
export const findLinkedVersion = async (
  db: Tx,
  key: { id: string; evidenceId: string; versionId: string },
) => {
  const [row] = await db
    .select({ version: evidenceVersions })
    .from(evidenceVersions)
    .innerJoin(
      evidenceLinks,
      and(eq(evidenceLinks.evidenceId, evidenceVersions.evidenceId), eq(evidenceLinks.assessmentId, key.id)),
    )
    .where(and(eq(evidenceVersions.id, key.versionId), eq(evidenceVersions.evidenceId, key.evidenceId)))
    .limit(1);
  return row?.version;
};
