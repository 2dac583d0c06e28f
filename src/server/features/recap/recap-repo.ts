import { and, asc, desc, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  answers,
  assessments,
  assessmentScores,
  employees,
  findings,
  pactDocuments,
  pactSignatures,
  units,
} from '../../db/schema.ts';

/** The active units of a subtree, root first, parents before children. */
export const subtreeUnits = (db: Tx, rootPath: string) =>
  db
    .select({
      id: units.id,
      parentId: units.parentId,
      path: units.path,
      depth: units.depth,
      code: units.code,
      name: units.name,
    })
    .from(units)
    .where(and(like(units.path, `${rootPath}%`), eq(units.active, true)))
    .orderBy(asc(units.path));

/** The period's assessments of these units with their stored rows (unit level and every reviewer level). */
export const periodAssessments = async (db: Tx, periodId: string, unitIds: readonly string[]) => {
  if (unitIds.length === 0) return { heads: [], scores: [] };
  const ids = [...unitIds];
  const [heads, scores] = await Promise.all([
    db
      .select({
        id: assessments.id,
        unitId: assessments.unitId,
        status: assessments.status,
        target: assessments.target,
      })
      .from(assessments)
      .where(and(eq(assessments.periodId, periodId), inArray(assessments.unitId, ids))),
    db
      .select()
      .from(assessmentScores)
      .where(and(eq(assessmentScores.periodId, periodId), inArray(assessmentScores.unitId, ids)))
      .orderBy(asc(assessmentScores.assessmentId), desc(assessmentScores.levelRank)),
  ]);
  return { heads, scores };
};

/** The unit-level answers of H1.a and H2.a (IPAK, IPKP) of these assessments. */
export const surveyAnswers = (db: Tx, assessmentIds: readonly string[]) =>
  assessmentIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ assessmentId: answers.assessmentId, code: answers.code, value: answers.value })
        .from(answers)
        .where(
          and(
            inArray(answers.assessmentId, [...assessmentIds]),
            eq(answers.level, 'unit'),
            inArray(answers.code, ['H1.a', 'H2.a']),
            isNotNull(answers.value),
          ),
        );

/** Per unit: active employees, and how many of them signed the unit's latest pact document. */
export const pactCounts = async (db: Tx, unitIds: readonly string[]) => {
  if (unitIds.length === 0) return new Map<string, { signed: number; total: number }>();
  const ids = [...unitIds];
  const latest = db
    .select({
      unitId: pactDocuments.unitId,
      version: sql<number>`max(${pactDocuments.version})`.as('latest_version'),
    })
    .from(pactDocuments)
    .where(inArray(pactDocuments.unitId, ids))
    .groupBy(pactDocuments.unitId)
    .as('latest');
  const [totals, signed] = await Promise.all([
    db
      .select({ unitId: employees.unitId, n: sql<number>`count(*)::int` })
      .from(employees)
      .where(and(inArray(employees.unitId, ids), eq(employees.active, true)))
      .groupBy(employees.unitId),
    db
      .select({ unitId: pactDocuments.unitId, n: sql<number>`count(*)::int` })
      .from(pactSignatures)
      .innerJoin(pactDocuments, eq(pactDocuments.id, pactSignatures.documentId))
      .innerJoin(
        latest,
        and(eq(latest.unitId, pactDocuments.unitId), eq(latest.version, pactDocuments.version)),
      )
      .innerJoin(employees, and(eq(employees.id, pactSignatures.employeeId), eq(employees.active, true)))
      .groupBy(pactDocuments.unitId),
  ]);
  const out = new Map<string, { signed: number; total: number }>();
  for (const t of totals) out.set(t.unitId, { signed: 0, total: t.n });
  for (const s of signed) out.set(s.unitId, { signed: s.n, total: out.get(s.unitId)?.total ?? 0 });
  return out;
};

/** Every finding of these units, for the follow-up share. */
export const findingsOf = (db: Tx, unitIds: readonly string[]) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: findings.id,
          unitId: findings.unitId,
          source: findings.source,
          dueDate: findings.dueDate,
          status: findings.status,
        })
        .from(findings)
        .where(inArray(findings.unitId, [...unitIds]));
