import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { ReviewQueue, ReviewQueueEntry } from '../../../contracts/reviews.ts';
import { grantCovers, type Actor } from '../../../core/org/can.ts';
import { canReview } from '../../../core/review/conflict-of-interest.ts';
import type { Tx } from '../../db/client.ts';
import { assessments, periods, reviewAssignments, units } from '../../db/schema.ts';
import { PROPOSED_OR_LATER } from '../proposals/proposal-facts.ts';
import { loadReviewSettings } from './settings-repo.ts';

const columns = {
  id: assessments.id,
  unitId: assessments.unitId,
  unitName: units.name,
  unitPath: units.path,
  periodId: assessments.periodId,
  periodName: periods.name,
  agencyId: periods.agencyId,
  year: periods.year,
  target: assessments.target,
  status: assessments.status,
  tpiStage: assessments.tpiStage,
  version: assessments.version,
};

/**
 * The assessments an evaluator reads under the review's reader rule: TPI those of units she is assigned to,
 * handed over by the unit; TPN the proposed ones under her grants. Units where she holds another role (a
 * conflict of interest), or that her evaluator grant no longer covers, are left out.
 */
export const listReviewQueue = async (db: Tx, actor: Actor): Promise<ReviewQueue> => {
  const covered = (role: 'tpi_evaluator' | 'tpn_evaluator', path: string) =>
    actor.grants.some((g) => g.role === role && grantCovers(g, path)) && canReview(actor.grants, path).ok;
  const query = () =>
    db
      .select(columns)
      .from(assessments)
      .innerJoin(units, eq(units.id, assessments.unitId))
      .innerJoin(periods, eq(periods.id, assessments.periodId));
  const tpi = await query()
    .innerJoin(
      reviewAssignments,
      and(
        eq(reviewAssignments.unitId, assessments.unitId),
        eq(reviewAssignments.userId, actor.userId),
        eq(reviewAssignments.level, 'tpi'),
      ),
    )
    .where(notInArray(assessments.status, ['draft', 'submitted']))
    .orderBy(desc(periods.year), units.path);
  const tpn = actor.grants.some((g) => g.role === 'tpn_evaluator')
    ? await query()
        .where(inArray(assessments.status, [...PROPOSED_OR_LATER]))
        .orderBy(desc(periods.year), units.path)
    : [];
  const rows = [
    ...tpi.filter((r) => covered('tpi_evaluator', r.unitPath)).map((r) => ({ r, as: 'tpi' as const })),
    ...tpn.filter((r) => covered('tpn_evaluator', r.unitPath)).map((r) => ({ r, as: 'tpn' as const })),
  ];
  const stagesOf = new Map<string, readonly { id: string }[]>();
  for (const { r } of rows)
    if (!stagesOf.has(r.agencyId))
      stagesOf.set(r.agencyId, (await loadReviewSettings(db, r.agencyId)).config.tpiStages);
  const entry = ({ r, as }: (typeof rows)[number]): ReviewQueueEntry => {
    const stages = stagesOf.get(r.agencyId) ?? [];
    const index = Math.min(Math.max(r.tpiStage, 0), stages.length - 1);
    return {
      assessmentId: r.id,
      unitId: r.unitId,
      unitName: r.unitName,
      periodId: r.periodId,
      periodName: r.periodName,
      year: r.year,
      target: r.target === 'WBBM' ? 'WBBM' : 'WBK',
      status: r.status as ReviewQueueEntry['status'],
      tpiStage: { index, id: stages[index]?.id ?? '' },
      version: r.version,
      as,
    };
  };
  return { reviews: rows.map(entry) };
};
