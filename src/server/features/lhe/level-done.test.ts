import { describe, expect, it } from 'vitest';
import { levelOrder } from '../../../core/review/answer-levels.ts';
import { reviewConfigSchema } from '../../../core/review/review-config.ts';
import type { ReviewStatus } from '../../../core/review/review-status.ts';
import { levelDone } from './level-done.ts';

const order = levelOrder(reviewConfigSchema.parse({ preliminaryReview: true }));
const at = (status: ReviewStatus, tpiStage = 0) => ({ status, tpiStage });

describe('levelDone', () => {
  it("the unit's own level from its hand-over on, not while a draft or returned to it", () => {
    expect(levelDone('unit', at('draft'), order)).toBe(false);
    expect(levelDone('unit', at('returned', 1), order)).toBe(false);
    expect(levelDone('unit', at('submitted'), order)).toBe(true);
    expect(levelDone('unit', at('resubmitted'), order)).toBe(true);
    expect(levelDone('unit', at('decided_wbk'), order)).toBe(true);
  });
  it('the preliminary review is done once TPI has the assessment', () => {
    expect(levelDone('preliminary', at('preliminary_review'), order)).toBe(false);
    expect(levelDone('preliminary', at('tpi_review'), order)).toBe(true);
  });
  it('a TPI stage is done once TPI moved past it or gave its verdict, not while returned', () => {
    expect(levelDone('tpi:member', at('tpi_review', 0), order)).toBe(false);
    expect(levelDone('tpi:member', at('tpi_review', 1), order)).toBe(true);
    expect(levelDone('tpi:team_lead', at('tpi_review', 1), order)).toBe(false);
    expect(levelDone('tpi:quality_controller', at('resubmitted', 2), order)).toBe(false);
    expect(levelDone('tpi:quality_controller', at('tpi_verdict_meets', 2), order)).toBe(true);
    expect(levelDone('tpi:member', at('returned', 1), order)).toBe(false);
    expect(levelDone('tpi:unknown', at('proposed'), order)).toBe(false);
  });
  it("TPN's desk once the field began, the field once TPN ended", () => {
    expect(levelDone('tpn_desk', at('tpn_desk'), order)).toBe(false);
    expect(levelDone('tpn_desk', at('tpn_field'), order)).toBe(true);
    expect(levelDone('tpn_field', at('tpn_field'), order)).toBe(false);
    expect(levelDone('tpn_field', at('decided_wbk'), order)).toBe(true);
    expect(levelDone('tpn_field', at('not_awarded'), order)).toBe(true);
  });
});
