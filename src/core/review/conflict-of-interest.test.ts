import { describe, expect, it } from 'vitest';
import type { Grant } from '../org/can.ts';
import { canReview } from './conflict-of-interest.ts';

const UNIT = '/kemenkeu/djp/kpp-sby/';
const evaluator: Grant = { role: 'tpi_evaluator', unitPath: '/kemenkeu/' };
const conflictsOf = (grants: Grant[]) => {
  const r = canReview(grants, UNIT);
  return r.ok ? [] : r.error.details.conflicts.map((c) => `${c.grant.role}@${c.grant.unitPath}:${c.on}`);
};

describe('conflict of interest', () => {
  it('lets a plain evaluator review', () => {
    expect(canReview([evaluator], UNIT)).toEqual({ ok: true, value: true });
    expect(canReview([{ role: 'tpn_evaluator', unitPath: UNIT }], UNIT).ok).toBe(true);
  });
  it('refuses a role on the unit itself', () =>
    expect(conflictsOf([evaluator, { role: 'team_member', unitPath: UNIT, area: 4 }])).toEqual([
      `team_member@${UNIT}:unit`,
    ]));
  it('refuses a role anywhere up the parent chain, listing every one', () =>
    expect(
      conflictsOf([
        evaluator,
        { role: 'leader', unitPath: '/kemenkeu/djp/' },
        { role: 'agency_admin', unitPath: '/kemenkeu/' },
      ]),
    ).toEqual(['leader@/kemenkeu/djp/:parent_chain', 'agency_admin@/kemenkeu/:parent_chain']));
  it('ignores roles on sibling units, units below, and other agencies', () =>
    expect(
      conflictsOf([
        evaluator,
        { role: 'zi_team_lead', unitPath: '/kemenkeu/djp/kpp-mlg/' },
        { role: 'zi_team_lead', unitPath: `${UNIT}seksi-1/` },
        { role: 'leader', unitPath: '/kemenkeu-x/' },
      ]),
    ).toEqual([]));
  it('says why, in a stable code and a message', () => {
    const r = canReview([{ role: 'zi_team_lead', unitPath: UNIT }], UNIT);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
      message: `Conflict of interest: the evaluator holds zi_team_lead on ${UNIT}.`,
    });
  });
});
