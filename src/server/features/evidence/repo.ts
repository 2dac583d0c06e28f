import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  assessments,
  blobs,
  evidence,
  evidenceLinks,
  evidenceVersions,
  periods,
  units,
} from '../../db/schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;
export type EvidenceVersionRow = typeof evidenceVersions.$inferSelect;
export type EvidenceLinkRow = typeof evidenceLinks.$inferSelect;
export type EvidenceWithUnit = { evidence: EvidenceRow; unitPath: string };

export const findEvidence = async (db: Tx, id: string): Promise<EvidenceWithUnit | undefined> => {
  const [row] = await db
    .select({ evidence, unitPath: units.path })
    .from(evidence)
    .innerJoin(units, eq(units.id, evidence.unitId))
    .where(eq(evidence.id, id));
  return row;
};

export type EvidenceFilter = { q?: string; assessmentId?: string; code?: string; mime?: string };

/** LIKE treats % and _ as wildcards: a search for "50%" means the characters. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listEvidence = (db: Tx, unitId: string, filter: EvidenceFilter): Promise<EvidenceRow[]> => {
  const conditions: SQL[] = [eq(evidence.unitId, unitId)];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const byName = db
      .select({ one: sql`1` })
      .from(evidenceVersions)
      .where(and(eq(evidenceVersions.evidenceId, evidence.id), ilike(evidenceVersions.filename, pattern)));
    const any = or(
      ilike(evidence.title, pattern),
      ilike(evidence.description, pattern),
      sql`exists ${byName}`,
    );
    if (any) conditions.push(any);
  }
  if (filter.assessmentId || filter.code) {
    const linked = db
      .select({ one: sql`1` })
      .from(evidenceLinks)
      .where(
        and(
          eq(evidenceLinks.evidenceId, evidence.id),
          filter.assessmentId ? eq(evidenceLinks.assessmentId, filter.assessmentId) : undefined,
          filter.code ? eq(evidenceLinks.code, filter.code) : undefined,
        ),
      );
    conditions.push(sql`exists ${linked}`);
  }
  if (filter.mime) {
    // "video" matches every video type; "video/mp4" only that one.
    const mimeMatch = filter.mime.includes('/')
      ? eq(evidenceVersions.mime, filter.mime)
      : ilike(evidenceVersions.mime, `${filter.mime.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`);
    const current = db
      .select({ one: sql`1` })
      .from(evidenceVersions)
      .where(and(eq(evidenceVersions.id, evidence.currentVersionId), mimeMatch));
    conditions.push(sql`exists ${current}`);
  }
  return db
    .select()
    .from(evidence)
    .where(and(...conditions))
    .orderBy(desc(evidence.updatedAt), desc(evidence.id))
    .limit(1000);
};

export const versionsOf = (db: Tx, evidenceIds: string[]): Promise<EvidenceVersionRow[]> =>
  evidenceIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(evidenceVersions)
        .where(inArray(evidenceVersions.evidenceId, evidenceIds))
        .orderBy(desc(evidenceVersions.uploadedAt), desc(evidenceVersions.id));

export const linksOf = (db: Tx, evidenceIds: string[]): Promise<EvidenceLinkRow[]> =>
  evidenceIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(evidenceLinks)
        .where(inArray(evidenceLinks.evidenceId, evidenceIds))
        .orderBy(evidenceLinks.assessmentId, evidenceLinks.code);

export const findVersion = async (
  db: Tx,
  evidenceId: string,
  versionId: string,
): Promise<EvidenceVersionRow | undefined> => {
  const [row] = await db
    .select()
    .from(evidenceVersions)
    .where(and(eq(evidenceVersions.id, versionId), eq(evidenceVersions.evidenceId, evidenceId)));
  return row;
};

/** Content-addressed: the second upload of the same bytes finds the row and adds none. */
export const insertBlobIfAbsent = async (db: Tx, row: typeof blobs.$inferInsert): Promise<void> => {
  await db.insert(blobs).values(row).onConflictDoNothing({ target: blobs.sha256 });
};

export const insertEvidence = async (db: Tx, row: typeof evidence.$inferInsert): Promise<EvidenceRow> => {
  const [created] = await db.insert(evidence).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

export const insertVersion = async (db: Tx, row: typeof evidenceVersions.$inferInsert): Promise<void> => {
  await db.insert(evidenceVersions).values(row);
};

/** Updates only when the stored version is `version`, bumping it; undefined on a stale write. */
export const updateEvidenceIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<Pick<EvidenceRow, 'title' | 'description' | 'effectiveDate' | 'currentVersionId'>>,
  now: Date,
): Promise<EvidenceRow | undefined> => {
  const [row] = await db
    .update(evidence)
    .set({ ...patch, version: sql`${evidence.version} + 1`, updatedAt: now })
    .where(and(eq(evidence.id, id), eq(evidence.version, version)))
    .returning();
  return row;
};

export type AssessmentRef = {
  id: string;
  unitId: string;
  unitPath: string;
  status: string;
  templateId: string;
};

export const findAssessmentRef = async (db: Tx, id: string): Promise<AssessmentRef | undefined> => {
  const [row] = await db
    .select({
      id: assessments.id,
      unitId: assessments.unitId,
      unitPath: units.path,
      status: assessments.status,
      templateId: periods.templateId,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(eq(assessments.id, id));
  return row;
};

/** True when the link is new; linking twice is not an error and changes nothing. */
export const insertLink = async (db: Tx, row: typeof evidenceLinks.$inferInsert): Promise<boolean> => {
  const inserted = await db
    .insert(evidenceLinks)
    .values(row)
    .onConflictDoNothing()
    .returning({ code: evidenceLinks.code });
  return inserted.length > 0;
};

export const deleteLink = async (
  db: Tx,
  key: { evidenceId: string; assessmentId: string; code: string },
): Promise<EvidenceLinkRow | undefined> => {
  const [row] = await db
    .delete(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.evidenceId, key.evidenceId),
        eq(evidenceLinks.assessmentId, key.assessmentId),
        eq(evidenceLinks.code, key.code),
      ),
    )
    .returning();
  return row;
};

export const touchEvidence = async (db: Tx, id: string, now: Date): Promise<void> => {
  await db.update(evidence).set({ updatedAt: now }).where(eq(evidence.id, id));
};
