import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assessments, surveyCampaigns, surveyCodes, surveyResponses, units } from '../../db/schema.ts';

export type CampaignRow = typeof surveyCampaigns.$inferSelect;
export type NewCampaignRow = typeof surveyCampaigns.$inferInsert;
export type ResponseRow = typeof surveyResponses.$inferSelect;
export type NewResponseRow = typeof surveyResponses.$inferInsert;

export const findUnit = async (
  db: Tx,
  unitId: string,
): Promise<{ path: string; code: string } | undefined> => {
  const [row] = await db
    .select({ path: units.path, code: units.code })
    .from(units)
    .where(eq(units.id, unitId));
  return row;
};

export const findUnitPath = async (db: Tx, unitId: string): Promise<string | undefined> => {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return row?.path;
};

/** A campaign and its unit's path (the permission subject). */
export const findCampaign = async (
  db: Tx,
  id: string,
): Promise<{ campaign: CampaignRow; unitPath: string } | undefined> => {
  const [row] = await db
    .select({ campaign: surveyCampaigns, unitPath: units.path })
    .from(surveyCampaigns)
    .innerJoin(units, eq(units.id, surveyCampaigns.unitId))
    .where(eq(surveyCampaigns.id, id));
  return row;
};

/** The public form's hot path: the campaign alone, by primary key. */
export const findCampaignOnly = async (db: Tx, id: string): Promise<CampaignRow | undefined> => {
  const [row] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id));
  return row;
};

export const listCampaigns = (db: Tx, unitId: string): Promise<CampaignRow[]> =>
  db
    .select()
    .from(surveyCampaigns)
    .where(eq(surveyCampaigns.unitId, unitId))
    .orderBy(desc(surveyCampaigns.startsOn), asc(surveyCampaigns.id));

export const countResponses = async (db: Tx, campaignIds: string[]): Promise<Map<string, number>> => {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select({ id: surveyResponses.campaignId, n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(sql`${surveyResponses.campaignId} IN ${campaignIds}`)
    .groupBy(surveyResponses.campaignId);
  return new Map(rows.map((r) => [r.id, r.n]));
};

export const insertCampaign = async (db: Tx, row: NewCampaignRow): Promise<CampaignRow> => {
  const [created] = await db.insert(surveyCampaigns).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

/** Updates only when the stored version is `version`; undefined on a stale write. */
export const updateCampaignIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<NewCampaignRow>,
  now: Date,
): Promise<CampaignRow | undefined> => {
  const [row] = await db
    .update(surveyCampaigns)
    .set({ ...patch, version: sql`${surveyCampaigns.version} + 1`, updatedAt: now })
    .where(and(eq(surveyCampaigns.id, id), eq(surveyCampaigns.version, version)))
    .returning();
  return row;
};

export const insertCodes = (db: Tx, campaignId: string, hashes: string[], now: Date) =>
  db
    .insert(surveyCodes)
    .values(hashes.map((codeHash) => ({ campaignId, codeHash, createdAt: now })))
    .onConflictDoNothing();

/** Marks a code used if it is still unused; 'used' or 'unknown' otherwise. */
export const useCode = async (
  db: Tx,
  campaignId: string,
  codeHash: string,
  now: Date,
): Promise<'ok' | 'used' | 'unknown'> => {
  const claimed = await db
    .update(surveyCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(surveyCodes.campaignId, campaignId),
        eq(surveyCodes.codeHash, codeHash),
        isNull(surveyCodes.usedAt),
      ),
    )
    .returning({ hash: surveyCodes.codeHash });
  if (claimed.length > 0) return 'ok';
  const [exists] = await db
    .select({ hash: surveyCodes.codeHash })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.campaignId, campaignId), eq(surveyCodes.codeHash, codeHash)));
  return exists ? 'used' : 'unknown';
};

export const findResponseByKey = async (
  db: Tx,
  campaignId: string,
  idempotencyKey: string,
): Promise<{ id: string; bodyHash: string } | undefined> => {
  const [row] = await db
    .select({ id: surveyResponses.id, bodyHash: surveyResponses.bodyHash })
    .from(surveyResponses)
    .where(
      and(eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.idempotencyKey, idempotencyKey)),
    );
  return row;
};

/** One statement: the row, or nothing when the campaign already has a response under this key. */
export const insertResponseIfNew = async (db: Tx, row: NewResponseRow): Promise<string | undefined> => {
  const [created] = await db
    .insert(surveyResponses)
    .values(row)
    .onConflictDoNothing({ target: [surveyResponses.campaignId, surveyResponses.idempotencyKey] })
    .returning({ id: surveyResponses.id });
  return created?.id;
};

export const listResponses = (db: Tx, campaignId: string): Promise<ResponseRow[]> =>
  db
    .select()
    .from(surveyResponses)
    .where(eq(surveyResponses.campaignId, campaignId))
    .orderBy(asc(surveyResponses.createdAt), asc(surveyResponses.id));

/** The unit of an assessment, for the apply-to-LKE permission subject. */
export const findAssessmentUnit = async (
  db: Tx,
  assessmentId: string,
): Promise<{ unitId: string; unitPath: string } | undefined> => {
  const [row] = await db
    .select({ unitId: units.id, unitPath: units.path })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(eq(assessments.id, assessmentId));
  return row;
};

/** Whether a solved proof-of-work challenge already served another response (a retry of the same one is fine). */
export const powChallengeUsed = async (
  db: Tx,
  campaignId: string,
  powHash: string,
  idempotencyKey: string,
) => {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.campaignId, campaignId),
        eq(surveyResponses.powChallengeHash, powHash),
        ne(surveyResponses.idempotencyKey, idempotencyKey),
      ),
    );
  return row !== undefined;
};

/**
 * Publishes or withdraws a closed campaign (optimistic). `updated_at` is left alone on purpose: for a
 * closed campaign it is the moment it closed, the end of the period its responses cover.
 */
export const setCampaignPublished = async (
  db: Tx,
  id: string,
  version: number,
  published: boolean,
  now: Date,
): Promise<CampaignRow | undefined> => {
  const [row] = await db
    .update(surveyCampaigns)
    .set({ published, publishedAt: published ? now : null, version: sql`${surveyCampaigns.version} + 1` })
    .where(and(eq(surveyCampaigns.id, id), eq(surveyCampaigns.version, version)))
    .returning();
  return row;
};

/** An active unit by its code (codes are unique whatever their case). */
export const findUnitByCode = async (
  db: Tx,
  code: string,
): Promise<{ id: string; code: string; name: string } | undefined> => {
  const [row] = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(sql`lower(${units.code}) = lower(${code})`, eq(units.active, true)));
  return row;
};

/** The closed campaigns a unit chose to publish, the latest period first. */
export const listPublishedCampaigns = (db: Tx, unitId: string): Promise<CampaignRow[]> =>
  db
    .select()
    .from(surveyCampaigns)
    .where(
      and(
        eq(surveyCampaigns.unitId, unitId),
        eq(surveyCampaigns.status, 'closed'),
        eq(surveyCampaigns.published, true),
      ),
    )
    .orderBy(desc(surveyCampaigns.endsOn), asc(surveyCampaigns.id));
