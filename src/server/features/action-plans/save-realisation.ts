import type { SaveRealisationBody, SavedRealisation } from '../../../contracts/action-plans.ts';
import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { linkEvidence } from '../evidence/link-evidence.ts';
import { lkeCodesOf, presentActivities, todayWib } from './present.ts';
import {
  evidenceOfUnit,
  findActivity,
  findRealisation,
  findReportOf,
  insertRealisation,
  touchPlan,
  updateRealisationIfVersion,
} from './repo.ts';
import { findAssessmentOfYear } from '../assessments/repo.ts';

export type SaveRealisationOptions = {
  activityId: string;
  quarter: number;
  input: SaveRealisationBody;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/**
 * Reports (or corrects) what an activity achieved in a quarter, with evidence from the unit's library, and in
 * the same step attaches that evidence to the activity's LKE items in the unit's assessment of the plan's year
 * through the evidence feature's own rule (the item's area, a draft assessment: 409 ASSESSMENT_LOCKED
 * otherwise, and nothing is saved). Without an assessment that year the realisation is saved unlinked.
 */
export const saveRealisation = async (
  tx: Tx,
  { activityId, quarter, input, who, actor, now }: SaveRealisationOptions,
): Promise<SavedRealisation> => {
  const found = await findActivity(tx, activityId);
  if (!found) throw notFound('Activity');
  const { activity, plan, unit } = found;
  const today = todayWib(now);
  // An approved quarter is filed: its report must stay what the leader approved. A change needs the leader to
  // reopen the report first (audited), or goes into a later quarter.
  const report = await findReportOf(tx, unit.id, plan.year, quarter);
  if (report?.status === 'approved')
    throw conflict(
      'QUARTER_REPORT_APPROVED',
      `The report of quarter ${quarter} ${plan.year} is approved; its realisations are frozen until the leader reopens it.`,
      { reportId: report.id },
    );
  const current = async () => (await presentActivities(tx, [activity], plan.year, today))[0];

  const owned = await evidenceOfUnit(tx, unit.id, input.evidenceIds);
  const foreign = input.evidenceIds.filter((id) => !owned.has(id));
  if (foreign.length > 0)
    throw badRequest('EVIDENCE_NOT_OF_UNIT', 'Evidence must come from the unit’s own library.', {
      evidenceIds: foreign,
    });

  const existing = await findRealisation(tx, activityId, quarter);
  const fields = {
    achieved: input.achieved,
    note: input.note,
    evidenceIds: input.evidenceIds,
    reportedBy: actor.id,
    reportedAt: now,
  };
  let saved;
  if (!existing) {
    if (input.version !== 0) throw staleWrite(await current());
    saved = await insertRealisation(tx, { id: crypto.randomUUID(), activityId, quarter, ...fields });
  } else {
    if (input.version !== existing.version) throw staleWrite(await current());
    saved = await updateRealisationIfVersion(tx, existing.id, input.version, fields);
  }
  if (!saved) throw staleWrite(await current());
  await touchPlan(tx, plan.id, now);
  await writeAudit(tx, {
    actor,
    action: existing ? 'plan.realisation_updated' : 'plan.realisation_reported',
    subjectType: 'plan_activity',
    subjectId: activityId,
    unit: { id: unit.id, path: unit.path },
    before: existing ?? null,
    after: saved,
    now,
  });

  const linked: SavedRealisation['linked'] = [];
  const codes = lkeCodesOf(activity);
  if (input.evidenceIds.length > 0 && codes.length > 0) {
    const assessment = await findAssessmentOfYear(tx, unit.id, plan.year);
    if (assessment) {
      for (const code of codes) {
        for (const evidenceId of input.evidenceIds) {
          await linkEvidence(tx, {
            assessmentId: assessment.id,
            code,
            evidenceId,
            checklistIndex: null,
            who,
            actor,
            now,
          });
          linked.push({ assessmentId: assessment.id, code, evidenceId });
        }
      }
    }
  }
  const [presented] = await presentActivities(tx, [activity], plan.year, today);
  return { activity: presented as SavedRealisation['activity'], linked };
};
