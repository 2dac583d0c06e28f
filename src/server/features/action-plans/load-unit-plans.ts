import type { UnitPlans } from '../../../contracts/action-plans.ts';
import { can, type Actor } from '../../../core/org/can.ts';
import { summarise } from '../../../core/programme/plan-status.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { presentPlans, todayWib } from './present.ts';
import { activeEmployeesOf, plansOf } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';
import { findAssessmentOfYear } from '../assessments/repo.ts';

export type LoadUnitPlansOptions = { unitId: string; year: number; who: Actor; now: Date };

const AREAS = [1, 2, 3, 4, 5, 6] as const;

/** A unit's six area plans of a year with live statuses, and what the caller may edit. */
export const loadUnitPlans = async (
  db: Tx,
  { unitId, year, who, now }: LoadUnitPlansOptions,
): Promise<UnitPlans> => {
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw notFound('Unit');
  const today = todayWib(now);
  const plans = await presentPlans(db, await plansOf(db, [unitId], year), today);
  const editableAreas = AREAS.filter((area) =>
    can(who, 'plan.edit', { kind: 'item', unitPath: unit.path, area }),
  );
  // The employee list is personal data of the unit: only its own plan editors get it (to name owners).
  const employees =
    editableAreas.length > 0
      ? (await activeEmployeesOf(db, unitId)).map((e) => ({ id: e.id, name: e.name }))
      : [];
  const assessment = await findAssessmentOfYear(db, unitId, year);
  return {
    unitId,
    unitName: unit.name,
    year,
    today,
    assessment: assessment ? { id: assessment.id, status: assessment.status } : null,
    areas: AREAS.map((area) => ({ area, plan: plans.find((p) => p.area === area) ?? null })),
    totals: summarise(plans.flatMap((p) => p.activities.map((a) => a.status))),
    editableAreas: [...editableAreas],
    employees,
  };
};
