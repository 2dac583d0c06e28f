import type { Activity, UpdateActivityBody } from '../../../contracts/action-plans.ts';
import type { Tx } from '../../db/client.ts';
import { notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkActivityFields } from './check-activity-fields.ts';
import { presentActivities, todayWib } from './present.ts';
import { findActivity, updateActivityIfVersion } from './repo.ts';

export type UpdateActivityOptions = {
  activityId: string;
  input: UpdateActivityBody;
  actor: AuditActor;
  now: Date;
};

/** Edits an activity (optimistic: 409 STALE_WRITE with the current value on an old version). */
export const updateActivity = async (
  tx: Tx,
  { activityId, input, actor, now }: UpdateActivityOptions,
): Promise<Activity> => {
  const found = await findActivity(tx, activityId);
  if (!found) throw notFound('Activity');
  const { activity, plan, unit } = found;
  const today = todayWib(now);
  const current = async () => (await presentActivities(tx, [activity], plan.year, today))[0];
  if (activity.version !== input.version) throw staleWrite(await current());
  const { version, ...patch } = input;
  await checkActivityFields(tx, { unitId: unit.id, year: plan.year, area: plan.area, ...patch });
  const updated = await updateActivityIfVersion(
    tx,
    activityId,
    version,
    { ...patch, ...(patch.quarters ? { quarters: [...patch.quarters].sort() } : {}) },
    now,
  );
  if (!updated) throw staleWrite(await current());
  await writeAudit(tx, {
    actor,
    action: 'plan.activity_updated',
    subjectType: 'plan_activity',
    subjectId: activityId,
    unit: { id: unit.id, path: unit.path },
    before: activity,
    after: updated,
    now,
  });
  const [presented] = await presentActivities(tx, [updated], plan.year, today);
  return presented as Activity;
};
