import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { assessments, periods, proposals } from '../../db/schema.ts';
import { unmetPrerequisites } from '../../../core/review/prerequisites.ts';
import type { ReviewContext } from '../../../core/review/review-context.ts';
import type { Predicate, ReviewStatus } from '../../../core/review/review-status.ts';
import { notFound } from '../../http/errors.ts';
import { agencyToday } from './agency-today.ts';
import { loadPrerequisiteValues, type AssessmentRef } from './prerequisite-values.ts';

/** Statuses that count against the quota: proposed, and everything TPN does after. */
export const PROPOSED_OR_LATER: readonly ReviewStatus[] = [
  'proposed',
  'tpn_desk',
  'tpn_field',
  'decided_wbk',
  'decided_wbbm',
  'not_awarded',
  'revoked',
];

/**
 * The proposal facts of one assessment for the core's `propose` guards: the period's year, TPN's deadline
 * override and quota, how many other units of the period are already proposed, and the §4.2 prerequisites
 * not met for its target on today's date (WIB or the agency's offset), plus 'cover_letter' / 'sptjm' while
 * those documents are missing.
 */
export const loadProposalFacts = async (
  tx: Tx,
  assessment: AssessmentRef,
  now: Date = new Date(),
): Promise<ReviewContext['proposal']> => {
  const [row] = await tx
    .select({
      target: assessments.target,
      year: periods.year,
      deadline: periods.proposalDeadline,
      quota: periods.proposalQuota,
      agencyId: periods.agencyId,
    })
    .from(assessments)
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(eq(assessments.id, assessment.id));
  if (!row) throw notFound('Assessment');

  const proposedRows = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.periodId, assessment.periodId),
        ne(assessments.id, assessment.id),
        inArray(assessments.status, [...PROPOSED_OR_LATER]),
      ),
    );

  const [docs] = await tx
    .select({ cover: proposals.coverLetterEvidenceId, sptjm: proposals.statementEvidenceId })
    .from(proposals)
    .where(eq(proposals.assessmentId, assessment.id));

  const values = await loadPrerequisiteValues(tx, assessment, now);
  const unmet = unmetPrerequisites(
    new Map([...values].map(([code, v]) => [code, v.value])),
    { target: row.target as Predicate, today: await agencyToday(tx, row.agencyId, now) },
    { coverLetter: Boolean(docs?.cover), sptjm: Boolean(docs?.sptjm) },
  );

  return {
    periodYear: row.year,
    deadlineOverride: row.deadline,
    quota: row.quota,
    alreadyProposed: proposedRows.length,
    unmetPrerequisites: unmet,
  };
};
