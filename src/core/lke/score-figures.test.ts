import { describe, expect, it } from 'vitest';
import { scoreAssessment } from './score-assessment.ts';
import { itemCodeOf, scoreFigures } from './score-figures.ts';
import { T } from './test-support.ts';

describe('scoreFigures', () => {
  it('keeps the totals as four-place text and counts items, not input codes, for evidence and explanations', () => {
    const t = T;
    const ratio = t.items.find((i) => i.type === 'ratio');
    const input = ratio && 'inputs' in ratio ? ratio.inputs[0]?.code : undefined;
    expect(input && itemCodeOf(t, input)).toBe(ratio?.code);
    const option = t.items.find((i) => i.type !== 'ratio' && i.type !== 'index_0_4');
    const s = scoreAssessment(t, { answers: { [option!.code]: 'nonsense' } });
    const f = scoreFigures(t, s, {
      evidenceCodes: [option!.code, option!.code, 'NOT-A-CODE'],
      explainedCodes: input ? [input, ratio!.code] : [],
    });
    expect(f.total).toBe('0.0000');
    expect(f.withEvidence).toBe(1);
    expect(f.withExplanation).toBe(input ? 1 : 0);
    expect(f.invalid).toBe(1);
    expect(f.areas.map((a) => a.number)).toEqual(t.areas.map((a) => a.number));
    expect(f.predicates.find((p) => p.id === 'WBK')).toMatchObject({ eligible: false });
    expect(f.predicates.find((p) => p.id === 'WBK')?.failed.length).toBeGreaterThan(0);
  });
});
