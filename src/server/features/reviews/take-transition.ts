import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/org/can.ts';
import { localDate } from '../../../core/review/calendar.ts';
import type { ReviewConfig } from '../../../core/review/review-config.ts';
import type { ReviewEvent } from '../../../core/review/review-events.ts';
import type { ReviewAction } from '../../../core/review/review-table.ts';
import { transition } from '../../../core/review/transition.ts';
import type { ReviewState } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, HttpError, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { auditView, presentAssessment } from '../assessments/present-assessment.ts';
import {
  findAssessmentContext,
  lockAssessment,
  updateAssessmentIfVersion,
  type AssessmentContext,
  type NewAssessmentRow,
} from '../assessments/repo.ts';
import { checkSubmissionGate } from '../assessments/submission-check.ts';
import { notifyReviewEvents } from '../notifications/review-notices.ts';
import { findStandingAward, insertAward, revokeAward } from './awards-repo.ts';
import { loadReview, type ProposalFactsLoader } from './load-review.ts';

export type TakeTransitionOptions = {
  assessmentId: string;
  /** The action, or how to pick it from the locked state (the workspace's "submit" is a resubmit when returned). */
  action: ReviewAction | ((state: ReviewState, config: ReviewConfig) => ReviewAction);
  version: number;
  note: string;
  decree?: { number: string; date: string };
  who: Actor;
  actor: AuditActor;
  now: Date;
  proposalFacts?: ProposalFactsLoader;
};

const DECIDES: readonly ReviewAction[] = ['decide_wbk', 'decide_wbbm'];
const HANDS_OVER: readonly ReviewAction[] = ['submit', 'resubmit'];

/** The core's refusal as the HTTP edge says it: 409 for the state and the guards, 403 for the person. */
const refusal = (error: { code: string; message: string; details?: unknown }): HttpError => {
  if (error.code === 'ROLE_NOT_ALLOWED') return new HttpError(403, error.code, error.message, error.details);
  return conflict(error.code, error.message, error.details);
};

/** The bookkeeping columns each step sets besides the status. */
const patchFor = (action: ReviewAction, next: ReviewState, actor: AuditActor, now: Date) => {
  const patch: Partial<NewAssessmentRow> = { status: next.status, tpiStage: next.tpiStage };
  if (HANDS_OVER.includes(action)) Object.assign(patch, { submittedAt: now, submittedBy: actor.id });
  if (action === 'approve_to_tpi' || action === 'approve_to_preliminary')
    Object.assign(patch, { approvedAt: now, approvedBy: actor.id });
  if (action === 'leader_return' || action === 'preliminary_return')
    Object.assign(patch, { submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null });
  return patch;
};

/**
 * Takes one step of the evaluation workflow on the locked assessment with the core's `transition`: the same
 * path for the workspace's submit/approve/return and for every review step. A decision records the decree
 * in the unit's predicate history; a revocation dates and explains it. One audit record per step (from, to,
 * note), and the notices of the step's events, in the same transaction.
 */
export const takeTransition = async (tx: Tx, options: TakeTransitionOptions): Promise<AssessmentContext> => {
  const { who, actor, now } = options;
  await lockAssessment(tx, options.assessmentId, 'update');
  const context = await findAssessmentContext(tx, options.assessmentId);
  if (!context) throw notFound('Assessment');
  if (context.assessment.version !== options.version) throw staleWrite(presentAssessment(context, who));
  const loaded = await loadReview(tx, context, {
    now,
    note: options.note,
    ...(options.proposalFacts ? { proposalFacts: options.proposalFacts } : {}),
  });
  const action =
    typeof options.action === 'function' ? options.action(loaded.state, loaded.config) : options.action;
  const result = transition(loaded.state, action, who, loaded.ctx);
  if (!result.ok) throw refusal(result.error);

  const decides = DECIDES.includes(action);
  if (decides && !options.decree)
    throw badRequest('DECREE_REQUIRED', 'A decision needs the decree number and date.');
  if (!decides && options.decree) throw badRequest('DECREE_NOT_EXPECTED', 'Only a decision has a decree.');
  const today = localDate(now, loaded.config.utcOffsetMinutes);
  if (options.decree && options.decree.date > today)
    throw badRequest('DECREE_DATE_IN_FUTURE', `The decree cannot be dated after today (${today}).`);
  if (HANDS_OVER.includes(action)) await checkSubmissionGate(tx, context);

  const { state: next, events } = result.value;
  const updated = await updateAssessmentIfVersion(
    tx,
    context.assessment.id,
    options.version,
    patchFor(action, next, actor, now),
    now,
  );
  if (!updated) throw staleWrite(presentAssessment(context, who));
  const after = { ...context, assessment: updated };

  const award = await recordPredicate(tx, action, events, context, options, today);
  await writeAudit(tx, {
    actor,
    action: `review.${action}`,
    subjectType: 'assessment',
    subjectId: context.assessment.id,
    unit: { id: context.unit.id, path: context.unit.path },
    before: auditView(context),
    after: {
      ...auditView(after),
      from: loaded.state.status,
      to: next.status,
      tpiStage: next.tpiStage,
      note: options.note,
      ...(award ? { award } : {}),
    },
    now,
  });
  await notifyReviewEvents(
    tx,
    events,
    {
      id: context.assessment.id,
      unitId: context.unit.id,
      unitPath: context.unit.path,
      periodId: context.assessment.periodId,
    },
    now,
  );
  return after;
};

/** The decree of a decision, or the revocation of the decree in force. */
const recordPredicate = async (
  tx: Tx,
  action: ReviewAction,
  events: ReviewEvent[],
  context: AssessmentContext,
  options: TakeTransitionOptions,
  today: string,
): Promise<object | null> => {
  const awarded = events.find((e) => e.type === 'review.predicate_awarded');
  if (awarded && options.decree) {
    const row = {
      id: randomUUID(),
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      predicate: awarded.predicate,
      decreeNumber: options.decree.number,
      decreeDate: options.decree.date,
      decidedBy: options.actor.id,
    };
    await insertAward(tx, row);
    return row;
  }
  if (action === 'revoke') {
    const standing = await findStandingAward(tx, context.assessment.id);
    if (!standing) throw conflict('NO_AWARD', 'There is no decree in force to revoke.');
    const revocation = { revokedOn: today, revocationReason: options.note, revokedBy: options.actor.id };
    await revokeAward(tx, standing.id, revocation);
    return { id: standing.id, predicate: standing.predicate, ...revocation };
  }
  return null;
};
