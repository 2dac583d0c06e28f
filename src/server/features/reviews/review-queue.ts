import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { ReviewQueue, ReviewQueueEntry } from '../../../contracts/reviews.ts';
import { grantCovers, type Actor } from '../../../core/org/can.ts';
import { canReview } from '../../../core/review/conflict-of-interest.ts';
import type { Tx } from '../../db/client.ts';
import { assessments, periods, reviewAssignments, units } from '../../db/schema.ts';
import { PROPOSED_OR_LATER } from '../proposals/proposal-facts.ts';

const columns = {
  id: assessments.id,
  unitId: assessments.unitId,
  unitName: units.name,
  unitPath: units.path,
  periodId: assessments.periodId,
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
  const entry = (row: (typeof tpi)[number], as: 'tpi' | 'tpn'): ReviewQueueEntry => ({
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    periodId: row.periodId,
    year: row.year,
    target: row.target === 'WBBM' ? 'WBBM' : 'WBK',
    status: row.status as ReviewQueueEntry['status'],
    tpiStage: row.tpiStage,
    version: row.version,
    as,
  });
  return {
    assessments: [
      ...tpi.filter((r) => covered('tpi_evaluator', r.unitPath)).map((r) => entry(r, 'tpi')),
      ...tpn.filter((r) => covered('tpn_evaluator', r.unitPath)).map((r) => entry(r, 'tpn')),
    ],
  };
};
