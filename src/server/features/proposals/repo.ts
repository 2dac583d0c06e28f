import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assessments, evidence, periods, proposalPrerequisites, proposals, units } from '../../db/schema.ts';

export type PrerequisiteRow = typeof proposalPrerequisites.$inferSelect;
export type ProposalDocRow = typeof proposals.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;

/** A period with its agency's path, or undefined. */
export const findPeriodWithAgency = async (db: Tx, id: string) => {
  const [row] = await db
    .select({ period: periods, agencyPath: units.path })
    .from(periods)
    .innerJoin(units, eq(units.id, periods.agencyId))
    .where(eq(periods.id, id));
  return row;
};

/** An assessment with its unit (path, name, afirmasi) and its period's agency. */
export const findAssessmentWithUnit = async (db: Tx, id: string) => {
  const [row] = await db
    .select({
      id: assessments.id,
      periodId: assessments.periodId,
      unitId: assessments.unitId,
      target: assessments.target,
      status: assessments.status,
      tpiStage: assessments.tpiStage,
      alreadyWbk: assessments.alreadyWbk,
      unitPath: units.path,
      unitName: units.name,
      afirmasi: units.afirmasi,
      agencyId: periods.agencyId,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(eq(assessments.id, id));
  return row;
};
export type AssessmentWithUnit = NonNullable<Awaited<ReturnType<typeof findAssessmentWithUnit>>>;

/** Every assessment of a period, with its unit, in unit path order. */
export const listPeriodAssessments = (db: Tx, periodId: string) =>
  db
    .select({
      id: assessments.id,
      periodId: assessments.periodId,
      unitId: assessments.unitId,
      target: assessments.target,
      status: assessments.status,
      tpiStage: assessments.tpiStage,
      alreadyWbk: assessments.alreadyWbk,
      unitPath: units.path,
      unitName: units.name,
      afirmasi: units.afirmasi,
      agencyId: periods.agencyId,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(eq(assessments.periodId, periodId))
    .orderBy(units.path);

export const findPrerequisiteRow = async (
  db: Tx,
  periodId: string,
  assessmentId: string | null,
  code: string,
): Promise<PrerequisiteRow | undefined> => {
  const [row] = await db
    .select()
    .from(proposalPrerequisites)
    .where(
      and(
        eq(proposalPrerequisites.periodId, periodId),
        assessmentId === null
          ? isNull(proposalPrerequisites.assessmentId)
          : eq(proposalPrerequisites.assessmentId, assessmentId),
        eq(proposalPrerequisites.code, code),
      ),
    )
    .for('update');
  return row;
};

/** Inserts unless the (period, assessment, code) row appeared meanwhile; returns the inserted ids. */
export const insertPrerequisiteRow = (db: Tx, row: typeof proposalPrerequisites.$inferInsert) =>
  db
    .insert(proposalPrerequisites)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: proposalPrerequisites.id });

export const updatePrerequisiteRow = (
  db: Tx,
  id: string,
  patch: Partial<typeof proposalPrerequisites.$inferInsert>,
) => db.update(proposalPrerequisites).set(patch).where(eq(proposalPrerequisites.id, id));

export const findProposalDocs = async (db: Tx, assessmentId: string, lock = false) => {
  const q = db.select().from(proposals).where(eq(proposals.assessmentId, assessmentId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
};

export const listProposalDocs = (db: Tx, assessmentIds: string[]) =>
  assessmentIds.length === 0
    ? Promise.resolve([] as ProposalDocRow[])
    : db.select().from(proposals).where(inArray(proposals.assessmentId, assessmentIds));

export const upsertProposalDocs = (db: Tx, row: typeof proposals.$inferInsert) =>
  db
    .insert(proposals)
    .values(row)
    .onConflictDoUpdate({
      target: proposals.assessmentId,
      set: {
        coverLetterEvidenceId: row.coverLetterEvidenceId,
        statementEvidenceId: row.statementEvidenceId,
        version: row.version,
        updatedAt: row.updatedAt,
      },
    });

/** Evidence with the unit it belongs to, for "is this evidence of the right unit". */
export const findEvidenceRefs = async (db: Tx, ids: string[]) =>
  ids.length === 0
    ? []
    : db
        .select({ id: evidence.id, title: evidence.title, unitId: evidence.unitId })
        .from(evidence)
        .where(inArray(evidence.id, ids));

export const updatePeriodWindow = async (
  db: Tx,
  id: string,
  version: number,
  patch: { proposalDeadline: string | null; proposalQuota: number | null; updatedAt: Date },
) => {
  const [row] = await db
    .update(periods)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(periods.id, id), eq(periods.version, version)))
    .returning();
  return row;
};
