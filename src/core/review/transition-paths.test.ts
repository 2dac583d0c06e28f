import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_ACTIONS } from './review-table.ts';
import { initialReviewState, type ReviewStatus } from './review-status.ts';
import { PEOPLE, PERSONAS, greenContext } from './review-test-support.ts';
import { availableActions, transition } from './transition.ts';

// One step in five tries anything by anyone; the rest pick among the moves someone has, so walks get far.
const step = fc.record({ persona: fc.nat(), pick: fc.nat(), anyAction: fc.nat({ max: 4 }) });
const scenario = fc.record({
  preliminary: fc.boolean(),
  target: fc.constantFrom('WBK' as const, 'WBBM' as const),
  stages: fc.integer({ min: 1, max: 4 }),
});

/** Index of each milestone in the walk, in order, or -1 once one is missing or out of order. */
const inOrder = (
  walk: readonly ReviewStatus[],
  milestones: readonly ReviewStatus[],
  end: number,
): boolean => {
  let at = end;
  for (const m of [...milestones].reverse()) {
    at = walk.lastIndexOf(m, at - 1);
    if (at < 0) return false;
  }
  return true;
};

describe('random walks through the workflow (fast-check)', () => {
  it('never skips a level: every decision passed TPI "meets", proposal, desk and field, in that order', () => {
    let decided = 0;
    fc.assert(
      fc.property(scenario, fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }), (s, steps) => {
        const ctx = greenContext(s);
        let state = initialReviewState();
        const walk: ReviewStatus[] = [state.status];
        for (const { persona, pick, anyAction } of steps) {
          const moves = PERSONAS.flatMap((p) =>
            availableActions(state, PEOPLE[p], ctx).map((a) => ({ p, a: a.action })),
          );
          const random = {
            p: PERSONAS[persona % PERSONAS.length] ?? 'lead',
            a: REVIEW_ACTIONS[pick % REVIEW_ACTIONS.length] ?? 'submit',
          };
          const move =
            anyAction === 0 || moves.length === 0 ? random : (moves[pick % moves.length] ?? random);
          const actor = PEOPLE[move.p];
          const offered = availableActions(state, actor, ctx).map((a) => a.action);
          const r = transition(state, move.a, actor, ctx);
          expect(r.ok).toBe(offered.includes(move.a));
          if (!r.ok) continue;
          state = r.value.state;
          walk.push(state.status);
          if (state.status === 'decided_wbk' || state.status === 'decided_wbbm') {
            decided += 1;
            const end = walk.length - 1;
            expect(walk.slice(end - 4)).toEqual([
              'tpi_verdict_meets',
              'proposed',
              'tpn_desk',
              'tpn_field',
              state.status,
            ]);
            const before: ReviewStatus[] = s.preliminary
              ? ['submitted', 'preliminary_review', 'tpi_review']
              : ['submitted', 'tpi_review'];
            expect(
              inOrder(walk, [...before, 'tpi_verdict_meets', 'proposed', 'tpn_desk', 'tpn_field'], end),
            ).toBe(true);
            expect(state.status).toBe(s.target === 'WBK' ? 'decided_wbk' : 'decided_wbbm');
          }
          if (state.status === 'tpi_review' || state.status === 'resubmitted')
            expect(state.tpiStage).toBeLessThan(s.stages);
          if (state.status === 'revoked') expect(walk.at(-2)).toMatch(/^decided_/);
        }
      }),
      { numRuns: 400 },
    );
    // About 15 walks in 400 reach a decree; a handful is enough to know the check ran.
    expect(decided).toBeGreaterThan(3);
  });
});
