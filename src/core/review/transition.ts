import type { Actor } from '../org/can.ts';
import { err, ok, type DomainError, type Result } from '../shared/result.ts';
import { localDate } from './calendar.ts';
import { actsAs, type RoleRef } from './review-actor.ts';
import type { ReviewContext } from './review-context.ts';
import type { ReviewEvent } from './review-events.ts';
import { GUARDS, currentTpiStage, proposableFrom, type GuardReason } from './review-guards.ts';
import type { ReviewState } from './review-status.ts';
import { REVIEW_ACTIONS, TRANSITIONS, type ReviewAction, type Transition } from './review-table.ts';

export type TransitionResult = { state: ReviewState; events: ReviewEvent[] };

/** An action an actor may take now (`blocked` empty) or could take once its guards pass. */
export type AvailableAction = { action: ReviewAction; to: Transition['to']; blocked: GuardReason[] };

const isAction = (value: string): value is ReviewAction =>
  (REVIEW_ACTIONS as readonly string[]).includes(value);

const exists = (t: Transition, state: ReviewState, ctx: ReviewContext): boolean =>
  t.from.includes(state.status) && (t.when === undefined || t.when.test(state, ctx));

const guardReasons = (t: Transition, state: ReviewState, actor: Actor, ctx: ReviewContext): GuardReason[] =>
  t.guards.flatMap((id) => GUARDS[id].check({ state, actor, ctx }));

const nextStage = (t: Transition, state: ReviewState): number =>
  t.tpiStage === 'restart' ? 0 : t.tpiStage === 'advance' ? state.tpiStage + 1 : state.tpiStage;

const eventsOf = (
  t: Transition,
  state: ReviewState,
  next: ReviewState,
  actor: Actor,
  as: RoleRef,
  ctx: ReviewContext,
): ReviewEvent[] => {
  const base = { unitPath: ctx.unit.path, by: actor.userId, as, at: ctx.now.toISOString() };
  const events: ReviewEvent[] = [
    { ...base, type: 'review.transitioned', action: t.id, from: state.status, to: t.to, note: ctx.note },
  ];
  if (t.tpiStage === 'advance')
    events.push({
      ...base,
      type: 'review.tpi_stage_completed',
      stage: currentTpiStage(state, ctx).stage?.id ?? '',
      next: currentTpiStage(next, ctx).stage?.id ?? '',
    });
  if (t.to === 'decided_wbk' || t.to === 'decided_wbbm')
    events.push({
      ...base,
      type: 'review.predicate_awarded',
      predicate: t.to === 'decided_wbk' ? 'WBK' : 'WBBM',
    });
  if (t.to === 'revoked')
    events.push({
      ...base,
      type: 'review.predicate_revoked',
      predicate: state.status === 'decided_wbbm' ? 'WBBM' : 'WBK',
      proposableFrom: proposableFrom(localDate(ctx.now, ctx.config.utcOffsetMinutes)),
    });
  return events;
};

/**
 * Takes one step of the evaluation workflow. Refusals come in a fixed order, each with a stable code:
 * TRANSITION_NOT_ALLOWED (no such step from this state, here), ROLE_NOT_ALLOWED (not this actor, with the
 * reason: no role, not assigned, conflict of interest), GUARD_FAILED (every failed guard's reasons in
 * `details.reasons`, not just the first).
 * @example
 * transition({ status: 'tpi_verdict_meets', tpiStage: 2 }, 'propose', agencyAdmin, ctx)
 * // ok({ state: { status: 'proposed', tpiStage: 2 }, events: [{ type: 'review.transitioned', … }] })
 * // or, on 1 June: err({ code: 'GUARD_FAILED', details: { reasons: [{ guard: 'before_deadline', code: 'DEADLINE_PASSED', … }] } })
 */
export const transition = (
  state: ReviewState,
  action: string,
  actor: Actor,
  ctx: ReviewContext,
): Result<TransitionResult, DomainError> => {
  if (!isAction(action))
    return err({ code: 'TRANSITION_NOT_ALLOWED', message: `Unknown action ${action}.`, details: { action } });
  const t = TRANSITIONS[action];
  if (!exists(t, state, ctx)) {
    const because = t.when && t.from.includes(state.status) ? `: ${t.when.text} is not the case` : '';
    return err({
      code: 'TRANSITION_NOT_ALLOWED',
      message: `${action} is not possible from ${state.status}${because}.`,
      details: { action, from: state.status, allowedFrom: t.from, ...(t.when ? { when: t.when.text } : {}) },
    });
  }
  const role = actsAs(actor, t.roles, t.reach, ctx);
  if (!role.ok) return role;
  const reasons = guardReasons(t, state, actor, ctx);
  if (reasons.length > 0)
    return err({
      code: 'GUARD_FAILED',
      message: reasons.map((r) => r.message).join(' '),
      details: { action, reasons },
    });
  const next: ReviewState = { status: t.to, tpiStage: nextStage(t, state) };
  return ok({ state: next, events: eventsOf(t, state, next, actor, role.value, ctx) });
};

/**
 * The actions this actor has from this state, in table order, each with what still blocks it (empty when
 * it can be taken now). Actions of other roles, and steps that do not exist here, are left out.
 * @example
 * availableActions({ status: 'submitted', tpiStage: 0 }, unitLeader, ctx)
 * // [{ action: 'leader_return', to: 'draft', blocked: [{ code: 'NOTE_REQUIRED', … }] }, { action: 'approve_to_tpi', to: 'tpi_review', blocked: [] }]
 */
export const availableActions = (state: ReviewState, actor: Actor, ctx: ReviewContext): AvailableAction[] =>
  REVIEW_ACTIONS.map((id) => TRANSITIONS[id])
    .filter((t) => exists(t, state, ctx) && actsAs(actor, t.roles, t.reach, ctx).ok)
    .map((t) => ({ action: t.id, to: t.to, blocked: guardReasons(t, state, actor, ctx) }));
