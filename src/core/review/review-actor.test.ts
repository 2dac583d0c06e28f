import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/can.ts';
import type { ReviewState } from './review-status.ts';
import { PARENT, PEOPLE, ROOT, UNIT, greenContext } from './review-test-support.ts';
import { transition } from './transition.ts';

const review: ReviewState = { status: 'tpi_review', tpiStage: 0 };
const tpi = (userId: string, extra: Actor['grants'] = []): Actor => ({
  userId,
  isSystemAdmin: false,
  grants: [{ role: 'tpi_evaluator', unitPath: ROOT }, ...extra],
});
const detailsOf = (r: ReturnType<typeof transition>) => (r.ok ? null : r.error);

describe('who may act for TPI and TPN', () => {
  it('refuses a TPI evaluator of the agency who is not assigned to the unit', () => {
    const r = transition(review, 'tpi_complete_stage', tpi('someone'), greenContext());
    expect(detailsOf(r)).toMatchObject({ code: 'ROLE_NOT_ALLOWED', details: { reason: 'not_assigned' } });
  });
  it('refuses a TPI evaluator of another agency even if listed on the team', () => {
    const ctx = { ...greenContext(), tpiTeam: [{ userId: 'foreign_tpi', positions: ['member'] }] };
    expect(detailsOf(transition(review, 'tpi_complete_stage', PEOPLE.foreign_tpi, ctx))?.code).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });
  it('refuses an assigned evaluator with a role on the parent unit (conflict of interest)', () => {
    const conflicted = tpi('tpi', [{ role: 'team_member', unitPath: PARENT, area: 3 }]);
    const r = transition(review, 'tpi_complete_stage', conflicted, greenContext());
    expect(detailsOf(r)).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      details: { reason: 'conflict_of_interest', conflicts: [{ on: 'parent_chain' }] },
    });
  });
  it('refuses a TPN evaluator who leads the unit', () => {
    const tpn: Actor = {
      ...PEOPLE.tpn,
      grants: [...PEOPLE.tpn.grants, { role: 'zi_team_lead', unitPath: UNIT }],
    };
    const r = transition({ status: 'proposed', tpiStage: 2 }, 'tpn_start_desk', tpn, greenContext());
    expect(detailsOf(r)).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      details: { reason: 'conflict_of_interest' },
    });
  });
  it("the parent's leader, not the unit's own, passes a preliminary review", () => {
    const ctx = greenContext({ preliminary: true });
    const state: ReviewState = { status: 'preliminary_review', tpiStage: 0 };
    expect(transition(state, 'preliminary_pass', PEOPLE.leader, ctx).ok).toBe(false);
    expect(transition(state, 'preliminary_pass', PEOPLE.parent_leader, ctx).ok).toBe(true);
  });
});

describe('TPI sub-stages, as the agency configures them', () => {
  const team = [
    { userId: 'ana', positions: ['member'] },
    { userId: 'budi', positions: ['team_lead'] },
    { userId: 'citra', positions: ['quality_controller'] },
  ];
  const ctx = { ...greenContext(), tpiTeam: team };
  it('member, then team lead, then quality controller, each completing only their own stage', () => {
    let state: ReviewState = { status: 'tpi_review', tpiStage: 0 };
    expect(detailsOf(transition(state, 'tpi_complete_stage', tpi('budi'), ctx))).toMatchObject({
      code: 'GUARD_FAILED',
      details: { reasons: [{ code: 'TPI_STAGE_NOT_YOURS', details: { stage: 'member' } }] },
    });
    const first = transition(state, 'tpi_complete_stage', tpi('ana'), ctx);
    expect(first.ok && first.value.events.map((e) => e.type)).toEqual([
      'review.transitioned',
      'review.tpi_stage_completed',
    ]);
    expect(first.ok && first.value.events[1]).toMatchObject({
      stage: 'member',
      next: 'team_lead',
      by: 'ana',
    });
    state = first.ok ? first.value.state : state;
    const second = transition(state, 'tpi_complete_stage', tpi('budi'), ctx);
    state = second.ok ? second.value.state : state;
    expect(state).toEqual({ status: 'tpi_review', tpiStage: 2 });
    expect(transition(state, 'tpi_find_meets', tpi('budi'), ctx).ok).toBe(false);
    expect(transition(state, 'tpi_complete_stage', tpi('citra'), ctx).ok).toBe(false);
    const done = transition(state, 'tpi_find_meets', tpi('citra'), ctx);
    expect(done.ok && done.value.state.status).toBe('tpi_verdict_meets');
  });
  it('the one holding the current stage returns it, and a resubmission restarts at the first stage', () => {
    const returned = transition({ status: 'tpi_review', tpiStage: 1 }, 'tpi_return', tpi('budi'), ctx);
    expect(returned.ok && returned.value.state).toEqual({ status: 'returned', tpiStage: 1 });
    const again = transition({ status: 'returned', tpiStage: 1 }, 'resubmit', PEOPLE.lead, ctx);
    expect(again.ok && again.value.state).toEqual({ status: 'resubmitted', tpiStage: 0 });
  });
  it('a single-stage agency goes straight to the verdict', () => {
    const one = { ...greenContext({ stages: 1 }) };
    const r = transition({ status: 'tpi_review', tpiStage: 0 }, 'tpi_find_not_meets', PEOPLE.tpi, one);
    expect(r.ok && r.value.state.status).toBe('tpi_verdict_not_meets');
    expect(transition({ status: 'tpi_review', tpiStage: 0 }, 'tpi_complete_stage', PEOPLE.tpi, one).ok).toBe(
      false,
    );
  });
});
