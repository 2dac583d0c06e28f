import type { Tx } from '../../db/client.ts';
import { conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { presentActivities, todayWib } from './present.ts';
import { deleteActivityIfVersion, deleteCommentsOf, findActivity, realisationsOf } from './repo.ts';

export type DeleteActivityOptions = { activityId: string; version: number; actor: AuditActor; now: Date };

/**
 * Removes an activity that was never realised; once a quarter is reported the record stays (409
 * ACTIVITY_HAS_REALISATION): what was done and its evidence are part of the monitoring history.
 */
export const deleteActivity = async (
  tx: Tx,
  { activityId, version, actor, now }: DeleteActivityOptions,
): Promise<void> => {
  const found = await findActivity(tx, activityId);
  if (!found) throw notFound('Activity');
  const { activity, plan, unit } = found;
  if (activity.version !== version)
    throw staleWrite((await presentActivities(tx, [activity], plan.year, todayWib(now)))[0]);
  if ((await realisationsOf(tx, [activityId])).length > 0)
    throw conflict('ACTIVITY_HAS_REALISATION', 'A realised activity cannot be removed.');
  await deleteCommentsOf(tx, activityId);
  if (!(await deleteActivityIfVersion(tx, activityId, version)))
    throw staleWrite((await presentActivities(tx, [activity], plan.year, todayWib(now)))[0]);
  await writeAudit(tx, {
    actor,
    action: 'plan.activity_deleted',
    subjectType: 'plan_activity',
    subjectId: activityId,
    unit: { id: unit.id, path: unit.path },
    before: activity,
    now,
  });
};
