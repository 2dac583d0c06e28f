import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIkm } from './ikm.ts';
import { summarizeResponses } from './index-summary.ts';
import { computePerceptionIndex } from './perception-index.ts';
import { QUALITY_FLAGS, qualityFlags } from './quality.ts';
import { ipak, ipkp6, respond, skm } from './test-fixtures.ts';

const rows = (k: number, min: number, max: number) =>
  fc.array(fc.array(fc.integer({ min, max }), { minLength: k, maxLength: k }), {
    minLength: 1,
    maxLength: 60,
  });
const population = fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null });

describe('properties', () => {
  it('IKM lies in 25–100 with a grade, IPAK/IPKP in 0–4, whatever the answers', () => {
    fc.assert(
      fc.property(rows(9, 1, 4), population, (rs, N) => {
        const r = computeIkm(
          skm,
          rs.map((x) => respond(skm, x)),
          { excludeFlags: [], populationSize: N },
        );
        expect(r.index).toBeGreaterThanOrEqual(1);
        expect(r.index).toBeLessThanOrEqual(4);
        expect(r.ikm?.convertedRounded).toBeGreaterThanOrEqual(25);
        expect(r.ikm?.convertedRounded).toBeLessThanOrEqual(100);
        expect(['A', 'B', 'C', 'D']).toContain(r.ikm?.grade);
      }),
    );
    fc.assert(
      fc.property(rows(2, 1, 6), fc.constantFrom('percent-of-max', 'endpoint' as const), (rs, rule) => {
        const q = ipkp6(rule);
        const v = computePerceptionIndex(
          q,
          rs.map((x) => respond(q, x)),
          { excludeFlags: [] },
        ).lke;
        expect(v?.value).toBeGreaterThanOrEqual(0);
        expect(v?.value).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('the CI contains the point estimate and the margin of error is never negative', () => {
    fc.assert(
      fc.property(rows(5, 1, 4), population, (rs, N) => {
        const r = computePerceptionIndex(
          ipak,
          rs.map((x) => respond(ipak, x)),
          { excludeFlags: [], populationSize: N },
        );
        const p = r.precision;
        if (p === null || r.index === null || r.lke === null) return;
        expect(p.marginOfError).toBeGreaterThanOrEqual(0);
        expect(p.ci[0]).toBeLessThanOrEqual(r.index);
        expect(p.ci[1]).toBeGreaterThanOrEqual(r.index);
        expect(p.oneSidedLowerBound).toBeLessThanOrEqual(r.index);
        expect(r.lke.ci?.[0]).toBeLessThanOrEqual(r.lke.unrounded);
        expect(r.lke.ci?.[1]).toBeGreaterThanOrEqual(r.lke.unrounded);
      }),
    );
  });

  it('the CI contains the estimate with missing items too', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), {
            minLength: 9,
            maxLength: 9,
          }),
          { minLength: 2, maxLength: 40 },
        ),
        (rs) => {
          const responses = rs.map((row) => {
            const r = respond(skm, []);
            return {
              ...r,
              answers: Object.fromEntries(row.flatMap((v, j) => (v === undefined ? [] : [[`u${j + 1}`, v]]))),
            };
          });
          const s = summarizeResponses(skm, responses, { excludeFlags: [] });
          if (s.precision === null || s.index === null) return;
          expect(s.precision.ci[0]).toBeLessThanOrEqual(s.index + 1e-12);
          expect(s.precision.ci[1]).toBeGreaterThanOrEqual(s.index - 1e-12);
        },
      ),
    );
  });

  it('adding a flagged response never changes the index when exclusion is on', () => {
    const flagged = fc.oneof(
      // too fast: any answers, quicker than the floor
      fc
        .tuple(
          fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 }),
          fc.integer({ min: 0, max: 9 }),
        )
        .map(([v, d]) => respond(ipak, v, { durationSeconds: d, answers: { diarahkan: 'tidak' } })),
      // straight-lining
      fc
        .integer({ min: 1, max: 4 })
        .map((v) => respond(ipak, [v, v, v, v, v], { answers: { diarahkan: 'tidak' } })),
      // steered by staff
      fc
        .array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 })
        .map((v) => respond(ipak, v, { answers: { diarahkan: 'ya' } })),
    );
    fc.assert(
      fc.property(rows(5, 1, 4), flagged, (rs, extra) => {
        expect(qualityFlags(ipak, extra).length).toBeGreaterThan(0);
        const base = rs.map((x) => respond(ipak, x, { answers: { diarahkan: 'tidak' } }));
        const all = { excludeFlags: QUALITY_FLAGS };
        const before = computePerceptionIndex(ipak, base, all);
        const after = computePerceptionIndex(ipak, [...base, extra], all);
        // With the defaults nobody is left out: the flagged response is counted like any other.
        expect(computePerceptionIndex(ipak, [...base, extra]).responses.excluded).toBe(0);
        expect(after.index).toBe(before.index);
        expect(after.lke?.value).toBe(before.lke?.value);
        expect(after.precision).toEqual(before.precision);
        expect(after.responses.excluded).toBe(before.responses.excluded + 1);
      }),
    );
  });
});
