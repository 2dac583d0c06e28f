import { describe, expect, it } from 'vitest';
import { REVIEW_STATUSES, type Predicate, type ReviewStatus } from './review-status.ts';
import { REVIEW_ACTIONS } from './review-table.ts';
import { PEOPLE, PERSONAS, greenContext, type Persona } from './review-test-support.ts';
import { availableActions, transition } from './transition.ts';

type Scenario = { preliminary: boolean; target: Predicate; lastStage: boolean };
type Expectation = { from: ReviewStatus[]; to: ReviewStatus; by: Persona[]; only?: (s: Scenario) => boolean };

// Written by hand from the regulation and the brief, not read from the implementation's table.
const TPI: ReviewStatus[] = ['tpi_review', 'resubmitted'];
const EXPECTED: Record<string, Expectation> = {
  submit: { from: ['draft'], to: 'submitted', by: ['lead'] },
  leader_return: { from: ['submitted'], to: 'draft', by: ['leader'] },
  approve_to_tpi: { from: ['submitted'], to: 'tpi_review', by: ['leader'], only: (s) => !s.preliminary },
  approve_to_preliminary: {
    from: ['submitted'],
    to: 'preliminary_review',
    by: ['leader'],
    only: (s) => s.preliminary,
  },
  preliminary_pass: { from: ['preliminary_review'], to: 'tpi_review', by: ['parent_leader'] },
  preliminary_return: { from: ['preliminary_review'], to: 'draft', by: ['parent_leader'] },
  tpi_complete_stage: { from: TPI, to: 'tpi_review', by: ['tpi'], only: (s) => !s.lastStage },
  tpi_return: { from: TPI, to: 'returned', by: ['tpi'] },
  resubmit: { from: ['returned'], to: 'resubmitted', by: ['lead'] },
  tpi_find_meets: { from: TPI, to: 'tpi_verdict_meets', by: ['tpi'], only: (s) => s.lastStage },
  tpi_find_not_meets: { from: TPI, to: 'tpi_verdict_not_meets', by: ['tpi'], only: (s) => s.lastStage },
  propose: { from: ['tpi_verdict_meets'], to: 'proposed', by: ['agency_admin'] },
  tpn_start_desk: { from: ['proposed'], to: 'tpn_desk', by: ['tpn'] },
  tpn_start_field: { from: ['tpn_desk'], to: 'tpn_field', by: ['tpn'] },
  tpn_not_award: { from: ['proposed', 'tpn_desk', 'tpn_field'], to: 'not_awarded', by: ['tpn'] },
  decide_wbk: { from: ['tpn_field'], to: 'decided_wbk', by: ['tpn'], only: (s) => s.target === 'WBK' },
  decide_wbbm: { from: ['tpn_field'], to: 'decided_wbbm', by: ['tpn'], only: (s) => s.target === 'WBBM' },
  revoke: { from: ['decided_wbk', 'decided_wbbm'], to: 'revoked', by: ['tpn', 'system_admin'] },
};

const SCENARIOS: Scenario[] = [false, true].flatMap((preliminary) =>
  (['WBK', 'WBBM'] as const).flatMap((target) =>
    [false, true].map((lastStage) => ({ preliminary, target, lastStage })),
  ),
);

const expectedOutcome = (action: string, status: ReviewStatus, persona: Persona, s: Scenario) => {
  const e = EXPECTED[action];
  if (!e || !e.from.includes(status) || (e.only && !e.only(s))) return 'TRANSITION_NOT_ALLOWED';
  if (!e.by.includes(persona)) return 'ROLE_NOT_ALLOWED';
  return e.to;
};

describe('the table, exhaustively', () => {
  it('covers every action of the implementation and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REVIEW_ACTIONS].sort());
  });

  const cases = SCENARIOS.flatMap((s) => REVIEW_STATUSES.map((status) => ({ s, status })));
  it.each(cases)(
    'preliminary=$s.preliminary target=$s.target lastStage=$s.lastStage from $status',
    ({ s, status }) => {
      const ctx = greenContext({ preliminary: s.preliminary, target: s.target });
      const state = { status, tpiStage: s.lastStage ? 2 : 0 };
      for (const action of [...REVIEW_ACTIONS, 'teleport'])
        for (const persona of PERSONAS) {
          const r = transition(state, action, PEOPLE[persona], ctx);
          const outcome = r.ok ? r.value.state.status : r.error.code;
          expect({ action, persona, outcome }).toEqual({
            action,
            persona,
            outcome: expectedOutcome(action, status, persona, s),
          });
        }
    },
  );

  it.each(cases)(
    'availableActions agrees with transition: $status ($s.target, last=$s.lastStage)',
    ({ s, status }) => {
      const ctx = greenContext({ preliminary: s.preliminary, target: s.target });
      const state = { status, tpiStage: s.lastStage ? 2 : 0 };
      for (const persona of PERSONAS) {
        const offered = availableActions(state, PEOPLE[persona], ctx);
        const allowed = REVIEW_ACTIONS.filter((a) => transition(state, a, PEOPLE[persona], ctx).ok);
        expect(offered.filter((o) => o.blocked.length === 0).map((o) => o.action)).toEqual(allowed);
        expect(offered.every((o) => o.blocked.length === 0)).toBe(true);
      }
    },
  );
});
