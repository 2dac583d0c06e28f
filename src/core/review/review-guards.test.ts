import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../lke/score-assessment.ts';
import { best, set, T, worst } from '../lke/test-support.ts';
import type { ReviewContext } from './review-context.ts';
import type { ReviewState } from './review-status.ts';
import { PEOPLE, greenContext, predicates } from './review-test-support.ts';
import { transition } from './transition.ts';

const verdict: ReviewState = { status: 'tpi_verdict_meets', tpiStage: 2 };
const field: ReviewState = { status: 'tpn_field', tpiStage: 2 };
const propose = (ctx: ReviewContext) => transition(verdict, 'propose', PEOPLE.agency_admin, ctx);
const reasons = (r: ReturnType<typeof transition>) =>
  r.ok ? [] : (r.error.details as { reasons: { code: string }[] }).reasons.map((x) => x.code);
const codeOf = (r: ReturnType<typeof transition>) => (r.ok ? 'ok' : r.error.code);
const at = (iso: string, patch: Partial<ReviewContext> = {}): ReviewContext => ({
  ...greenContext(),
  now: new Date(iso),
  ...patch,
});

describe('proposal deadline (31 May, WIB)', () => {
  it('allows the deadline day itself, to its last second', () => {
    expect(codeOf(propose(at('2025-05-31T16:59:59Z')))).toBe('ok');
  });
  it('refuses from the first second of 1 June', () => {
    const r = propose(at('2025-05-31T17:00:00Z'));
    expect(reasons(r)).toEqual(['DEADLINE_PASSED']);
    expect(r.ok ? null : r.error.details).toMatchObject({
      reasons: [{ guard: 'before_deadline', details: { deadline: '2025-05-31', today: '2025-06-01' } }],
    });
  });
  it("follows the agency's configured month-day and TPN's date for the period", () => {
    const base = at('2025-06-15T03:00:00Z');
    expect(codeOf(propose({ ...base, config: { ...base.config, proposalDeadline: '06-30' } }))).toBe('ok');
    const tpn = { ...base, proposal: { ...base.proposal, deadlineOverride: '2025-06-15' } };
    expect(codeOf(propose(tpn))).toBe('ok');
    expect(reasons(propose({ ...tpn, now: new Date('2025-06-15T17:00:00Z') }))).toEqual(['DEADLINE_PASSED']);
  });
  it('reads the local day in WIT (+9) too', () => {
    const base = at('2025-05-31T15:00:00Z');
    expect(codeOf(propose(base))).toBe('ok');
    expect(reasons(propose({ ...base, config: { ...base.config, utcOffsetMinutes: 540 } }))).toEqual([
      'DEADLINE_PASSED',
    ]);
  });
});

describe('agency quota', () => {
  const withQuota = (quota: number | null, alreadyProposed: number) => {
    const ctx = greenContext();
    return propose({ ...ctx, proposal: { ...ctx.proposal, quota, alreadyProposed } });
  };
  it('allows the last free place', () => expect(codeOf(withQuota(5, 4))).toBe('ok'));
  it('refuses when the quota is exactly reached', () =>
    expect(reasons(withQuota(5, 5))).toEqual(['QUOTA_REACHED']));
  it('refuses a quota of zero', () => expect(reasons(withQuota(0, 0))).toEqual(['QUOTA_REACHED']));
  it('has no limit when no quota was announced', () => expect(codeOf(withQuota(null, 400))).toBe('ok'));
});

describe('two years after a revocation decree', () => {
  const revoked = (revokedOn: string, now: string) => {
    const ctx = at(now);
    const periodYear = Number(now.slice(0, 4));
    return propose({ ...ctx, unit: { ...ctx.unit, revokedOn }, proposal: { ...ctx.proposal, periodYear } });
  };
  it('allows a unit revoked exactly two years ago', () =>
    expect(codeOf(revoked('2023-05-10', '2025-05-10T03:00:00Z'))).toBe('ok'));
  it('refuses the day before', () => {
    const r = revoked('2023-05-10', '2025-05-09T03:00:00Z');
    expect(reasons(r)).toEqual(['REVOCATION_BAN']);
    expect(r.ok ? null : r.error.details).toMatchObject({
      reasons: [{ details: { revokedOn: '2023-05-10', proposableFrom: '2025-05-10' } }],
    });
  });
  it('moves a 29 February decree to 1 March', () => {
    expect(reasons(revoked('2024-02-29', '2026-02-28T03:00:00Z'))).toEqual(['REVOCATION_BAN']);
    expect(codeOf(revoked('2024-02-29', '2026-03-01T03:00:00Z'))).toBe('ok');
  });
});

describe('scores, predicate order and prerequisites', () => {
  it('needs every §4.1 rule of the target to pass at TPI level, and lists each failed rule', () => {
    const r = propose({ ...greenContext(), tpiPredicates: predicates(['total', 'pengungkit']) });
    expect(reasons(r)).toEqual(['PREDICATE_RULE_FAILED', 'PREDICATE_RULE_FAILED']);
    expect(r.ok ? '' : r.error.message).toContain('total: 74.99 < 75.00');
  });
  it('refuses without a TPI score', () =>
    expect(reasons(propose({ ...greenContext(), tpiPredicates: null }))).toEqual(['NO_SCORES']));
  it('takes the check straight from scoreAssessment', () => {
    const good = scoreAssessment(T, set(best())).predicates;
    expect(codeOf(propose({ ...greenContext(), tpiPredicates: good }))).toBe('ok');
    const bad = scoreAssessment(T, set(worst())).predicates;
    const r = propose({ ...greenContext(), tpiPredicates: bad });
    expect(
      r.ok
        ? []
        : (r.error.details as { reasons: { details: { rule: string } }[] }).reasons.map(
            (x) => x.details.rule,
          ),
    ).toContain('total');
  });
  it('WBBM only for a unit holding WBK; WBK not for a unit holding it', () => {
    const wbbm = greenContext({ target: 'WBBM' });
    expect(codeOf(propose(wbbm))).toBe('ok');
    expect(reasons(propose({ ...wbbm, unit: { ...wbbm.unit, holds: null } }))).toEqual(['WBBM_NEEDS_WBK']);
    const wbk = greenContext();
    expect(reasons(propose({ ...wbk, unit: { ...wbk.unit, holds: 'WBK' } }))).toEqual(['ALREADY_HOLDS']);
  });
  it('needs the §4.2 prerequisites unless the unit has afirmasi', () => {
    const ctx = greenContext();
    const unmet = { ...ctx, proposal: { ...ctx.proposal, unmetPrerequisites: ['opini_bpk_wtp'] } };
    expect(reasons(propose(unmet))).toEqual(['PREREQUISITES_UNMET']);
    expect(codeOf(propose({ ...unmet, unit: { ...unmet.unit, afirmasi: true } }))).toBe('ok');
  });
  it('needs the cover letter and the SPTJM, afirmasi or not', () => {
    const ctx = greenContext();
    const missing = { ...ctx, proposal: { ...ctx.proposal, unmetPrerequisites: ['bpk_opinion', 'sptjm'] } };
    expect(reasons(propose(missing))).toEqual(['PREREQUISITES_UNMET', 'PROPOSAL_DOCUMENTS_MISSING']);
    expect(reasons(propose({ ...missing, unit: { ...missing.unit, afirmasi: true } }))).toEqual([
      'PROPOSAL_DOCUMENTS_MISSING',
    ]);
  });
  it('reports every failed guard at once', () => {
    const ctx = at('2025-06-02T03:00:00Z');
    const r = propose({ ...ctx, tpiPredicates: null, proposal: { ...ctx.proposal, quota: 0 } });
    expect(reasons(r)).toEqual(['NO_SCORES', 'DEADLINE_PASSED', 'QUOTA_REACHED']);
  });
});

describe('TPN decision and revocation', () => {
  it("decides on TPN's own final scores", () => {
    const r = transition(field, 'decide_wbk', PEOPLE.tpn, {
      ...greenContext(),
      tpnPredicates: predicates(['total']),
    });
    expect(reasons(r)).toEqual(['PREDICATE_RULE_FAILED']);
  });
  it('refuses WBBM when the WBK was revoked meanwhile', () => {
    const ctx = greenContext({ target: 'WBBM' });
    const r = transition(field, 'decide_wbbm', PEOPLE.tpn, { ...ctx, unit: { ...ctx.unit, holds: null } });
    expect(reasons(r)).toEqual(['WBBM_NEEDS_WBK']);
  });
  it('needs a reason to revoke, and announces when the unit may be proposed again', () => {
    const ctx = greenContext();
    const decided: ReviewState = { status: 'decided_wbk', tpiStage: 2 };
    expect(reasons(transition(decided, 'revoke', PEOPLE.tpn, { ...ctx, note: '  ' }))).toEqual([
      'NOTE_REQUIRED',
    ]);
    const r = transition(decided, 'revoke', PEOPLE.system_admin, {
      ...ctx,
      note: 'Maladministrasi terbukti',
    });
    expect(r.ok && r.value.events).toContainEqual(
      expect.objectContaining({
        type: 'review.predicate_revoked',
        predicate: 'WBK',
        proposableFrom: '2027-05-10',
        as: 'system_admin',
      }),
    );
  });
});

describe('the unit and its leader', () => {
  it('a resubmission waits until every returned item is answered again', () => {
    const r = transition({ status: 'returned', tpiStage: 1 }, 'resubmit', PEOPLE.lead, {
      ...greenContext(),
      itemsAwaitingRevision: 2,
    });
    expect(reasons(r)).toEqual(['REVISION_PENDING']);
  });
  it('a return to the team needs a note', () => {
    const r = transition({ status: 'submitted', tpiStage: 0 }, 'leader_return', PEOPLE.leader, {
      ...greenContext(),
      note: '',
    });
    expect(reasons(r)).toEqual(['NOTE_REQUIRED']);
  });
});
