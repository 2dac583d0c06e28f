import type { Plan } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentPlans, todayWib } from './present.ts';
import { findPlan, updatePlanIfVersion } from './repo.ts';

export type UpdatePlanOptions = {
  planId: string;
  version: number;
  summary: string;
  actor: AuditActor;
  now: Date;
};

/** Edits a plan's summary (its priority targets), optimistically. */
export const updatePlan = async (
  tx: Tx,
  { planId, version, summary, actor, now }: UpdatePlanOptions,
): Promise<Plan> => {
  const found = await findPlan(tx, planId);
  if (!found) throw notFound('Plan');
  const today = todayWib(now);
  const updated = await updatePlanIfVersion(tx, planId, version, summary, now);
  if (!updated) throw staleWrite((await presentPlans(tx, [found.plan], today))[0]);
  await writeAudit(tx, {
    actor,
    action: 'plan.updated',
    subjectType: 'action_plan',
    subjectId: planId,
    unit: { id: found.unit.id, path: found.unit.path },
    before: { summary: found.plan.summary },
    after: { summary },
    now,
  });
  const [presented] = await presentPlans(tx, [updated], today);
  return presented as Plan;
};
