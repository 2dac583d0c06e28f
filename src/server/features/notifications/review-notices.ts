import { eq } from 'drizzle-orm';
import type { ReviewEvent } from '../../../core/review/review-events.ts';
import type { ReviewAction } from '../../../core/review/review-table.ts';
import type { Tx } from '../../db/client.ts';
import { periods, units } from '../../db/schema.ts';
import { notify } from './notify.ts';
import { agencyAdminsOver, assignedEvaluators, holdersOn, membersOf, parentLeaders } from './recipients.ts';

export type NoticeAssessment = { id: string; unitId: string; unitPath: string; periodId: string };

/** Transitions whose notice is the predicate event of the same step (sent to everyone of the unit instead). */
const COVERED_BY_PREDICATE: readonly ReviewAction[] = ['decide_wbk', 'decide_wbbm', 'revoke'];
/** The stage hand-over inside TPI is told by `review.tpi_stage_completed`. */
const TOLD_BY_STAGE_EVENT: readonly ReviewAction[] = ['tpi_complete_stage'];

type Plan = {
  by: string;
  userIds: string[];
  kind: string;
  params: Record<string, string | number>;
  email: boolean;
  /** Evaluators work on the review screen; everyone else opens the assessment. */
  link?: 'review';
};

/**
 * Who hears of each review event, and what: the unit's team lead and leader of every step of their assessment;
 * the parent's leaders when it awaits their preliminary review; the assigned TPI evaluators when it reaches
 * them (tpi_review, resubmitted, a stage hand-over); the agency admins when TPI finds it meets (they propose);
 * the assigned TPN evaluators when it is proposed; everyone of the unit when a predicate is awarded or revoked.
 * The actor is never told of their own step. Written in the caller's transaction, e-mail included.
 */
export const notifyReviewEvents = async (
  tx: Tx,
  events: ReviewEvent[],
  assessment: NoticeAssessment,
  now: Date,
): Promise<void> => {
  if (events.length === 0) return;
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, assessment.unitId));
  const [period] = await tx
    .select({ name: periods.name, year: periods.year })
    .from(periods)
    .where(eq(periods.id, assessment.periodId));
  const base = { unit: unit?.name ?? '', period: period?.name ?? String(period?.year ?? '') };
  const hasPredicateEvent = events.some(
    (e) => e.type === 'review.predicate_awarded' || e.type === 'review.predicate_revoked',
  );
  const team = () => holdersOn(tx, assessment.unitId, ['zi_team_lead', 'leader']);

  const plans: Plan[] = [];
  for (const event of events) {
    if (event.type === 'review.transitioned') {
      if (TOLD_BY_STAGE_EVENT.includes(event.action)) continue;
      if (hasPredicateEvent && COVERED_BY_PREDICATE.includes(event.action)) continue;
      const params = { ...base, note: event.note, from: event.from, to: event.to };
      const kind = `review.${event.action}`;
      plans.push({ by: event.by, userIds: await team(), kind, params, email: true });
      if (event.to === 'preliminary_review')
        plans.push({
          by: event.by,
          userIds: await parentLeaders(tx, assessment.unitPath),
          kind,
          params,
          email: true,
        });
      if (event.to === 'tpi_review' || event.to === 'resubmitted')
        plans.push({
          by: event.by,
          userIds: await assignedEvaluators(tx, assessment.unitId, 'tpi'),
          kind,
          params,
          email: true,
          link: 'review',
        });
      if (event.to === 'tpi_verdict_meets')
        plans.push({
          by: event.by,
          userIds: await agencyAdminsOver(tx, assessment.unitPath),
          kind,
          params,
          email: true,
        });
      if (event.to === 'proposed')
        plans.push({
          by: event.by,
          userIds: await assignedEvaluators(tx, assessment.unitId, 'tpn'),
          kind,
          params,
          email: true,
          link: 'review',
        });
    } else if (event.type === 'review.tpi_stage_completed') {
      plans.push({
        by: event.by,
        userIds: await assignedEvaluators(tx, assessment.unitId, 'tpi'),
        kind: 'review.tpi_stage_completed',
        params: { ...base, stage: event.stage, next: event.next },
        email: true,
        link: 'review',
      });
    } else if (event.type === 'review.predicate_awarded') {
      plans.push({
        by: event.by,
        userIds: await membersOf(tx, assessment.unitId),
        kind: 'review.predicate_awarded',
        params: { ...base, predicate: event.predicate },
        email: true,
      });
    } else {
      const note = events.find((e) => e.type === 'review.transitioned')?.note ?? '';
      plans.push({
        by: event.by,
        userIds: await membersOf(tx, assessment.unitId),
        kind: 'review.predicate_revoked',
        params: { ...base, predicate: event.predicate, proposableFrom: event.proposableFrom, note },
        email: true,
      });
    }
  }

  // One notice per user and kind even when a user is, say, both the leader and an agency admin.
  const told = new Set<string>();
  for (const plan of plans) {
    const userIds = plan.userIds.filter((id) => {
      const key = `${plan.kind}:${id}`;
      if (id === plan.by || told.has(key)) return false;
      told.add(key);
      return true;
    });
    await notify(
      tx,
      {
        userIds,
        unitId: assessment.unitId,
        kind: plan.kind,
        params: plan.params,
        link: plan.link === 'review' ? `/review/${assessment.id}` : `/assessments/${assessment.id}`,
        email: plan.email,
      },
      now,
    );
  }
};
