import { and, asc, count, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Reach } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import {
  answers,
  assessments,
  evidence,
  evidenceLinks,
  evidenceVersions,
  itemComments,
  periods,
  roleGrants,
  units,
  users,
} from '../../db/schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type NewAssessmentRow = typeof assessments.$inferInsert;
export type PeriodRow = typeof periods.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type NewAnswerRow = typeof answers.$inferInsert;
export type LinkRow = typeof evidenceLinks.$inferSelect;
export type UnitInfo = { id: string; path: string; name: string; active: boolean };
/** An assessment with what every screen and permission check needs: its unit and its period. */
export type AssessmentContext = { assessment: AssessmentRow; unit: UnitInfo; period: PeriodRow };

/** Only the unit's own answers for now; review levels come with the evaluation workflow. */
export const UNIT_LEVEL = 'unit';

const unitInfo = { id: units.id, path: units.path, name: units.name, active: units.active };

/** LIKE treats % and _ as wildcards; paths are uuids, escaped anyway. */
const prefixPattern = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const pathInReach = (reach: Reach): SQL | undefined => {
  if (reach.all) return undefined;
  const parts: SQL[] = [
    ...reach.exact.map((p) => eq(units.path, p)),
    ...reach.subtrees.map((p) => like(units.path, prefixPattern(p))),
  ];
  return parts.length === 0 ? sql`false` : or(...parts);
};

export const findUnitInfo = async (db: Tx, id: string): Promise<UnitInfo | undefined> => {
  const [row] = await db.select(unitInfo).from(units).where(eq(units.id, id));
  return row;
};

export const findPeriodRow = async (db: Tx, id: string): Promise<PeriodRow | undefined> => {
  const [row] = await db.select().from(periods).where(eq(periods.id, id));
  return row;
};

/** The agency's latest period before `year`: where a carried assessment comes from. */
export const findEarlierPeriod = async (
  db: Tx,
  agencyId: string,
  year: number,
): Promise<PeriodRow | undefined> => {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.agencyId, agencyId), lt(periods.year, year)))
    .orderBy(desc(periods.year))
    .limit(1);
  return row;
};

export const findAssessmentOf = async (
  db: Tx,
  periodId: string,
  unitId: string,
): Promise<AssessmentRow | undefined> => {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.periodId, periodId), eq(assessments.unitId, unitId)));
  return row;
};

export const insertAssessment = async (db: Tx, row: NewAssessmentRow): Promise<AssessmentRow> => {
  const [created] = await db.insert(assessments).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

const contextQuery = (db: Tx) =>
  db
    .select({ assessment: assessments, unit: unitInfo, period: periods })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId));

export const findAssessmentContext = async (db: Tx, id: string): Promise<AssessmentContext | undefined> => {
  const [row] = await contextQuery(db).where(eq(assessments.id, id));
  return row;
};

/**
 * Locks the assessment row for the rest of the transaction: 'share' for answer writes (many at once),
 * 'update' for a status change, so no answer lands between the gate check and the submission.
 */
export const lockAssessment = async (db: Tx, id: string, strength: 'share' | 'update'): Promise<void> => {
  await db.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, id)).for(strength);
};

export const listAssessmentContexts = (
  db: Tx,
  reach: Reach,
  filter: { unitId?: string; periodId?: string },
): Promise<AssessmentContext[]> =>
  contextQuery(db)
    .where(
      and(
        pathInReach(reach),
        filter.unitId === undefined ? undefined : eq(assessments.unitId, filter.unitId),
        filter.periodId === undefined ? undefined : eq(assessments.periodId, filter.periodId),
      ),
    )
    .orderBy(desc(periods.year), asc(units.path));

/** Updates only when the stored version is `version`; returns undefined on a stale write. */
export const updateAssessmentIfVersion = async (
  db: Tx,
  id: string,
  version: number,
  patch: Partial<NewAssessmentRow>,
  now: Date,
): Promise<AssessmentRow | undefined> => {
  const [row] = await db
    .update(assessments)
    .set({ ...patch, version: sql`${assessments.version} + 1`, updatedAt: now })
    .where(and(eq(assessments.id, id), eq(assessments.version, version)))
    .returning();
  return row;
};

export const listAnswers = (db: Tx, assessmentId: string): Promise<AnswerRow[]> =>
  db
    .select()
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.level, UNIT_LEVEL)))
    .orderBy(asc(answers.code));

export const findAnswer = async (
  db: Tx,
  assessmentId: string,
  code: string,
): Promise<AnswerRow | undefined> => {
  const [row] = await db
    .select()
    .from(answers)
    .where(
      and(eq(answers.assessmentId, assessmentId), eq(answers.level, UNIT_LEVEL), eq(answers.code, code)),
    );
  return row;
};

/** Inserts a first answer; undefined when another writer got there first (the caller reports a stale write). */
export const insertAnswerIfAbsent = async (db: Tx, row: NewAnswerRow): Promise<AnswerRow | undefined> => {
  const [created] = await db.insert(answers).values(row).onConflictDoNothing().returning();
  return created;
};

export const insertAnswers = async (db: Tx, rows: NewAnswerRow[]): Promise<void> => {
  if (rows.length > 0) await db.insert(answers).values(rows);
};

export const updateAnswerIfVersion = async (
  db: Tx,
  key: { assessmentId: string; code: string },
  version: number,
  patch: Partial<NewAnswerRow>,
): Promise<AnswerRow | undefined> => {
  const [row] = await db
    .update(answers)
    .set({ ...patch, version: sql`${answers.version} + 1` })
    .where(
      and(
        eq(answers.assessmentId, key.assessmentId),
        eq(answers.level, UNIT_LEVEL),
        eq(answers.code, key.code),
        eq(answers.version, version),
      ),
    )
    .returning();
  return row;
};

export const listLinkRows = (db: Tx, assessmentId: string): Promise<LinkRow[]> =>
  db.select().from(evidenceLinks).where(eq(evidenceLinks.assessmentId, assessmentId));

export const insertLinks = async (db: Tx, rows: LinkRow[]): Promise<void> => {
  if (rows.length > 0) await db.insert(evidenceLinks).values(rows);
};

/** Links with what the worksheet shows of their evidence: title and the current version's file. */
export const listLinkViews = (db: Tx, assessmentId: string) =>
  db
    .select({
      evidenceId: evidenceLinks.evidenceId,
      code: evidenceLinks.code,
      checklistIndex: evidenceLinks.checklistIndex,
      title: evidence.title,
      currentVersionId: evidence.currentVersionId,
      filename: evidenceVersions.filename,
      mime: evidenceVersions.mime,
      size: evidenceVersions.size,
    })
    .from(evidenceLinks)
    .innerJoin(evidence, eq(evidence.id, evidenceLinks.evidenceId))
    .leftJoin(evidenceVersions, eq(evidenceVersions.id, evidence.currentVersionId))
    .where(eq(evidenceLinks.assessmentId, assessmentId))
    .orderBy(asc(evidenceLinks.code), asc(evidenceLinks.linkedAt));

export const countCommentsByCode = async (db: Tx, assessmentId: string): Promise<Record<string, number>> => {
  const rows = await db
    .select({ code: itemComments.code, n: count() })
    .from(itemComments)
    .where(eq(itemComments.assessmentId, assessmentId))
    .groupBy(itemComments.code);
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
};

export const listComments = (db: Tx, assessmentId: string, code: string) =>
  db
    .select({
      id: itemComments.id,
      code: itemComments.code,
      authorId: itemComments.authorId,
      authorName: users.name,
      body: itemComments.body,
      createdAt: itemComments.createdAt,
    })
    .from(itemComments)
    .innerJoin(users, eq(users.id, itemComments.authorId))
    .where(and(eq(itemComments.assessmentId, assessmentId), eq(itemComments.code, code)))
    .orderBy(asc(itemComments.createdAt), asc(itemComments.id));

export const insertComment = async (db: Tx, row: typeof itemComments.$inferInsert) => {
  const [created] = await db.insert(itemComments).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
};

export const findUserName = async (db: Tx, id: string): Promise<string | undefined> => {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name;
};

/** Does the user hold any role granted on this very unit? (A person in charge works on the unit.) */
export const holdsRoleOnUnit = async (db: Tx, userId: string, unitId: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.unitId, unitId), eq(users.active, true)))
    .limit(1);
  return row !== undefined;
};

/**
 * The unit's assessment in the period of `year` (one period per agency and year), with its template: where the
 * programme's documents (decree, realisations, reports) are linked as evidence.
 */
export const findAssessmentOfYear = async (db: Tx, unitId: string, year: number) => {
  const [row] = await db
    .select({ id: assessments.id, status: assessments.status, templateId: periods.templateId })
    .from(assessments)
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(and(eq(assessments.unitId, unitId), eq(periods.year, year)))
    .limit(1);
  return row;
};
