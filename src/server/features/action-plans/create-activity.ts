import type { Activity, CreateActivityBody } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkActivityFields } from './check-activity-fields.ts';
import { presentActivities, todayWib } from './present.ts';
import { findPlan, insertActivity, nextPosition, touchPlan } from './repo.ts';

export type CreateActivityOptions = {
  planId: string;
  input: CreateActivityBody;
  actor: AuditActor;
  now: Date;
};

/** Adds an activity to an area's plan, at the end. */
export const createActivity = async (
  tx: Tx,
  { planId, input, actor, now }: CreateActivityOptions,
): Promise<Activity> => {
  const found = await findPlan(tx, planId);
  if (!found) throw notFound('Plan');
  const { plan, unit } = found;
  await checkActivityFields(tx, { unitId: unit.id, year: plan.year, area: plan.area, ...input });
  const row = await insertActivity(tx, {
    id: crypto.randomUUID(),
    planId,
    title: input.title,
    output: input.output,
    target: input.target,
    targetUnit: input.targetUnit,
    quarters: [...input.quarters].sort(),
    personInChargeId: input.personInChargeId,
    budget: input.budget,
    lkeCodes: input.lkeCodes,
    position: await nextPosition(tx, planId),
    createdAt: now,
    updatedAt: now,
  });
  await touchPlan(tx, planId, now);
  await writeAudit(tx, {
    actor,
    action: 'plan.activity_created',
    subjectType: 'plan_activity',
    subjectId: row.id,
    unit: { id: unit.id, path: unit.path },
    after: { planId, area: plan.area, ...input },
    now,
  });
  const [presented] = await presentActivities(tx, [row], plan.year, todayWib(now));
  return presented as Activity;
};
