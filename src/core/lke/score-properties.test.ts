import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, add, cmp, eq, sum, type Exact } from '../shared/exact.ts';
import { arbitraryAnswers } from './arbitrary-answers.ts';
import { scoreAssessment, type LkeScore, type NodeScore } from './score-assessment.ts';
import { T } from './test-support.ts';
import type { OptionItemDef } from './template-model.ts';

const nodes = (s: LkeScore): NodeScore[] => [
  s.total,
  s.pengungkit,
  s.pemenuhan,
  s.reform,
  s.hasil,
  ...s.areas.flatMap((a) => [a.pemenuhan, a.reform, a.total]),
  ...s.subAreas.flatMap((x) => [x.score, ...x.parts.map((p) => p.score)]),
  ...s.hasilParts.map((p) => p.score),
];
const within = (x: Exact, w: Exact) => cmp(x, ZERO) >= 0 && cmp(x, w) <= 0;

describe('score properties (fast-check)', () => {
  it('every score lies in [0, its weight]; the conservative score never exceeds the official one', () => {
    fc.assert(
      fc.property(arbitraryAnswers(0.15), (answers) => {
        const s = scoreAssessment(T, { answers });
        for (const n of nodes(s)) expect(within(n.score, n.weight)).toBe(true);
        for (const i of s.items) if (i.value) expect(within(i.value, { n: 1n, d: 1n })).toBe(true);
        expect(cmp(s.conservative.total, s.total.score)).toBeLessThanOrEqual(0);
        s.subAreas.forEach((x) => expect(cmp(x.conservative, x.score.score)).toBeLessThanOrEqual(0));
      }),
      { numRuns: 150 },
    );
  });

  it('parts add up to the whole, exactly', () => {
    fc.assert(
      fc.property(arbitraryAnswers(0.15), (answers) => {
        const s = scoreAssessment(T, { answers });
        for (const a of s.areas) {
          for (const aspect of ['pemenuhan', 'reform'] as const) {
            const subs = s.subAreas
              .filter((x) => x.area === a.number && x.aspect === aspect)
              .map((x) => x.score.score);
            expect(eq(sum(subs), a[aspect].score)).toBe(true);
          }
          expect(eq(add(a.pemenuhan.score, a.reform.score), a.total.score)).toBe(true);
        }
        for (const x of s.subAreas)
          if (x.parts.length) expect(eq(sum(x.parts.map((p) => p.score.score)), x.score.score)).toBe(true);
        expect(eq(sum(s.areas.map((a) => a.pemenuhan.score)), s.pemenuhan.score)).toBe(true);
        expect(eq(sum(s.areas.map((a) => a.reform.score)), s.reform.score)).toBe(true);
        expect(eq(add(s.pemenuhan.score, s.reform.score), s.pengungkit.score)).toBe(true);
        const h = Object.fromEntries(s.hasilParts.map((p) => [p.code, p.score.score]));
        expect(eq(add(h['H1.a']!, h['H1.b']!), h.H1!)).toBe(true);
        expect(eq(h['H2.a']!, h.H2!)).toBe(true);
        expect(eq(add(h.H1!, h.H2!), s.hasil.score)).toBe(true);
        expect(eq(add(s.pengungkit.score, s.hasil.score), s.total.score)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a better option never lowers any score', () => {
    const optionItems = T.items.filter(
      (i): i is OptionItemDef => i.type !== 'ratio' && i.type !== 'index_0_4',
    );
    fc.assert(
      fc.property(
        arbitraryAnswers(0.15),
        fc.nat({ max: optionItems.length - 1 }),
        fc.nat({ max: 4 }),
        (answers, which, to) => {
          const item = optionItems[which]!;
          const at = item.options.findIndex((o) => o.key === answers[item.code]);
          if (at <= 0) return;
          const better = { ...answers, [item.code]: item.options[Math.min(to, at - 1)]!.key };
          const before = nodes(scoreAssessment(T, { answers }));
          const after = nodes(scoreAssessment(T, { answers: better }));
          after.forEach((n, k) => expect(cmp(n.score, before[k]!.score)).toBeGreaterThanOrEqual(0));
        },
      ),
      { numRuns: 200 },
    );
  });
});
