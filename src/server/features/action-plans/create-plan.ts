import type { Plan } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentPlans, todayWib } from './present.ts';
import { insertPlan } from './repo.ts';
import { findUnitRef } from '../units/unit-ref.ts';

export type CreatePlanOptions = {
  unitId: string;
  year: number;
  area: number;
  summary: string;
  actor: AuditActor;
  now: Date;
};

/** Starts an area's plan of a year; one per unit, year and area (409 PLAN_EXISTS). */
export const createPlan = async (
  tx: Tx,
  { unitId, year, area, summary, actor, now }: CreatePlanOptions,
): Promise<Plan> => {
  const unit = await findUnitRef(tx, unitId);
  if (!unit) throw notFound('Unit');
  const row = await insertPlan(tx, {
    id: crypto.randomUUID(),
    unitId,
    year,
    area,
    summary,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) throw conflict('PLAN_EXISTS', `Area ${area} already has a plan for ${year}.`);
  await writeAudit(tx, {
    actor,
    action: 'plan.created',
    subjectType: 'action_plan',
    subjectId: row.id,
    unit: { id: unit.id, path: unit.path },
    after: { year, area, summary },
    now,
  });
  const [presented] = await presentPlans(tx, [row], todayWib(now));
  return presented as Plan;
};
