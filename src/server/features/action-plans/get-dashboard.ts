import type { ChildPlans, Dashboard } from '../../../contracts/action-plans.ts';
import { can, type Actor } from '../../../core/org/can.ts';
import { activityStatus, summarise } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { groupBy, quartersOf, todayWib } from './present.ts';
import { activitiesOf, plansOf, realisationsOf, reportsOf, unitsBelow } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export type GetDashboardOptions = { unitId: string; year: number; deep: boolean; who: Actor; now: Date };

const AREAS = [1, 2, 3, 4, 5, 6];

/**
 * A parent unit's view of its children's action plans, side by side: per child and area the activities,
 * mean progress and late/at-risk counts, and the last quarter whose monitoring report its leader approved.
 * Only children the caller may read the programme of are listed (a parent's team lead reads her own unit only).
 */
export const getDashboard = async (
  db: Tx,
  { unitId, year, deep, who, now }: GetDashboardOptions,
): Promise<Dashboard> => {
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw notFound('Unit');
  const today = todayWib(now);
  const children = (await unitsBelow(db, unit, deep)).filter((c) =>
    can(who, 'programme.read', { kind: 'unit', unitPath: c.path }),
  );
  const ids = children.map((c) => c.id);
  const plans = await plansOf(db, ids, year);
  const activities = await activitiesOf(
    db,
    plans.map((p) => p.id),
  );
  const realisations = await realisationsOf(
    db,
    activities.map((a) => a.id),
  );
  const reports = await reportsOf(db, ids, year);
  // Grouped once: a province with many regencies and thousands of activities stays linear.
  const realisationsByActivity = groupBy(realisations, (r) => r.activityId);
  const activitiesByPlan = groupBy(activities, (a) => a.planId);
  const plansByUnit = groupBy(plans, (p) => p.unitId);
  const reportsByUnit = groupBy(reports, (r) => r.unitId);
  const statusesOf = (planId: string) =>
    (activitiesByPlan.get(planId) ?? []).map((a) =>
      activityStatus(
        { target: a.target, quarters: quartersOf(a), realisations: realisationsByActivity.get(a.id) ?? [] },
        year,
        today,
      ),
    );
  const rows: ChildPlans[] = children.map((child) => {
    const own = plansByUnit.get(child.id) ?? [];
    const areas = AREAS.map((area) => {
      const plan = own.find((p) => p.area === area);
      return { area, hasPlan: plan !== undefined, totals: summarise(plan ? statusesOf(plan.id) : []) };
    });
    const ownReports = reportsByUnit.get(child.id) ?? [];
    const approved = ownReports.filter((r) => r.status === 'approved').map((r) => r.quarter);
    const last = ownReports.at(-1);
    return {
      unitId: child.id,
      unitName: child.name,
      unitCode: child.code,
      depth: child.depth,
      parentId: child.parentId,
      areas,
      totals: summarise(own.flatMap((p) => statusesOf(p.id))),
      lastApprovedQuarter: approved.length > 0 ? Math.max(...approved) : null,
      lastReport: last ? { quarter: last.quarter, status: last.status as 'submitted' } : null,
    };
  });
  return { unitId, unitName: unit.name, year, today, deep, children: rows };
};
