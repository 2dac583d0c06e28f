import type { Actor } from '../../../core/org/can.ts';
import type { ProposalOverview, ProposalRow } from '../../../contracts/proposals.ts';
import { tpiFinalLevel } from '../../../core/review/answer-levels.ts';
import { PREREQUISITES } from '../../../core/review/prerequisites.ts';
import { GUARDS } from '../../../core/review/review-guards.ts';
import type { Predicate, ReviewStatus } from '../../../core/review/review-status.ts';
import { TRANSITIONS } from '../../../core/review/review-table.ts';
import { formatId } from '../../../core/shared/exact.ts';
import type { Tx } from '../../db/client.ts';
import { findAssessmentContext } from '../assessments/repo.ts';
import { loadReview } from '../reviews/load-review.ts';
import { agencyReviewConfig, agencyToday } from './agency-today.ts';
import { presentPrerequisites } from './present-prerequisites.ts';
import { PROPOSED_OR_LATER } from './proposal-facts.ts';
import { loadAgencyValues } from './prerequisite-values.ts';
import { listPeriodAssessments, listProposalDocs, type PeriodRow } from './repo.ts';

/** Statuses at which TPI has given its verdict (and everything after). */
const VERDICT_GIVEN: readonly ReviewStatus[] = [
  'tpi_verdict_meets',
  'tpi_verdict_not_meets',
  ...PROPOSED_OR_LATER,
];

const verdictOf = (status: string): ProposalRow['tpiVerdict'] =>
  status === 'tpi_verdict_not_meets'
    ? 'not_meets'
    : VERDICT_GIVEN.includes(status as ReviewStatus)
      ? 'meets'
      : null;

/**
 * The agency's proposal page for one period: TPN's deadline and quota, the agency-level prerequisites, and
 * every assessment with its TPI verdict and scores, its prerequisites, its documents and every reason the core's
 * `propose` guards give today, so the agency sees what still blocks each unit before it tries.
 */
export const proposalOverview = async (
  tx: Tx,
  args: { period: PeriodRow; actor: Actor; now: Date },
): Promise<ProposalOverview> => {
  const { period, actor, now } = args;
  const config = await agencyReviewConfig(tx, period.agencyId);
  const today = await agencyToday(tx, period.agencyId, now);
  const rows = await listPeriodAssessments(tx, period.id);
  const docs = new Map(
    (
      await listProposalDocs(
        tx,
        rows.map((r) => r.id),
      )
    ).map((d) => [d.assessmentId, d]),
  );
  const catalogueCodes = new Set(PREREQUISITES.map((p) => p.code));

  const assessments: ProposalRow[] = [];
  for (const a of rows) {
    const context = await findAssessmentContext(tx, a.id);
    if (!context) continue;
    // The reviews feature's loader: the same context the propose step will see, so the blockers shown are
    // exactly the refusals it would give.
    const loaded = await loadReview(tx, context, { now });
    const target: Predicate = loaded.ctx.target;
    const verdict = verdictOf(a.status);
    const level = verdict ? tpiFinalLevel(loaded.levels.order) : 'unit';
    const s = loaded.scoreAt(level);
    const blockers = TRANSITIONS.propose.guards.flatMap((g) =>
      GUARDS[g].check({ state: loaded.state, actor, ctx: loaded.ctx }),
    );
    const unmet = loaded.ctx.proposal.unmetPrerequisites.filter((c) => catalogueCodes.has(c));
    const d = docs.get(a.id);
    assessments.push({
      assessmentId: a.id,
      unitId: a.unitId,
      unitName: a.unitName,
      target,
      status: a.status,
      version: context.assessment.version,
      afirmasi: a.afirmasi,
      tpiVerdict: verdict,
      scores: {
        level,
        total: formatId(s.total.score),
        pengungkit: formatId(s.pengungkit.score),
        hasil: formatId(s.hasil.score),
        eligible: s.predicates.find((p) => p.id === target)?.eligible ?? false,
      },
      prerequisites: { met: PREREQUISITES.length - unmet.length, total: PREREQUISITES.length, unmet },
      documents: { coverLetter: Boolean(d?.coverLetterEvidenceId), sptjm: Boolean(d?.statementEvidenceId) },
      blockers,
      proposable: a.status === 'tpi_verdict_meets' && blockers.length === 0,
    });
  }

  const proposed = rows.filter((r) => PROPOSED_OR_LATER.includes(r.status as ReviewStatus)).length;
  // The same rule as the core's `proposalDeadline`: TPN's date for the period, else the agency's month-day.
  const deadline = period.proposalDeadline ?? `${period.year}-${config.proposalDeadline}`;
  return {
    period: {
      id: period.id,
      agencyId: period.agencyId,
      year: period.year,
      name: period.name,
      deadline,
      deadlineOverride: period.proposalDeadline,
      quota: period.proposalQuota,
      proposed,
      version: period.version,
    },
    agencyPrerequisites: await presentPrerequisites(tx, await loadAgencyValues(tx, period.id), {
      levels: ['agency'],
      editableLevels: ['agency'],
      today,
    }),
    assessments,
  };
};
