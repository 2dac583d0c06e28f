import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, cmp, ratio, toNumber, type Exact } from '../shared/exact.ts';
import { applyPlan } from './apply-plan.ts';
import { arbitraryPassingHasil } from './arbitrary-answers.ts';
import { planPath } from './plan-path.ts';
import { scoreAssessment } from './score-assessment.ts';
import { solveMinSteps, type PlanGroup } from './solve-min-steps.ts';
import { T, best, set } from './test-support.ts';
import { itemGains } from './what-if.ts';

describe('what-if gains per item', () => {
  it('P1.ii.b at C: one step (B) adds 1/6, the best (A) adds 1/3 to the total and to area 1', () => {
    const g = itemGains(T, set({ ...best(), 'P1.ii.b': 'C' })).find((x) => x.code === 'P1.ii.b')!;
    expect(g.current).toBe('C');
    expect(g.oneStep).toMatchObject({ to: 'B', steps: 1, gainTotal: ratio(1, 6), gainArea: ratio(1, 6) });
    expect(g.best).toMatchObject({ to: 'A', steps: 2, gainTotal: ratio(1, 3) });
  });
  it('an abcd item moves by the literal values: D → C adds 0,33 × weight / n', () => {
    const g = itemGains(T, set({ ...best(), 'P1.iii.a': 'D' })).find((x) => x.code === 'P1.iii.a')!;
    expect(g.oneStep!.gainTotal).toEqual(ratio(11, 100)); // 0,33 × 1 / 3
    expect(g.best!.gainTotal).toEqual(ratio(1, 3));
  });
  it('a ratio item moves to 100 %; capaian kinerja gains in the total but belongs to no area; a survey index to 4', () => {
    const a = { ...best(), 'R4.i.a.2': 5, 'H1.b': 'C', 'H1.a': 3 };
    const gains = Object.fromEntries(itemGains(T, set(a)).map((g) => [g.code, g]));
    expect(gains['R4.i.a']!.best).toMatchObject({ to: '100 %', steps: 1, gainTotal: ratio(1) });
    expect(gains['H1.b']!.oneStep).toMatchObject({ to: 'B', gainTotal: ratio(5, 4), gainArea: ZERO });
    expect(gains['H1.a']!.oneStep).toBeNull();
    expect(toNumber(gains['H1.a']!.best!.gainTotal)).toBe(4.375);
    expect(gains['P1.i.a']!.best).toBeNull();
  });
});

describe('plan to a predicate', () => {
  it('nothing to do when already eligible', () => {
    const p = planPath(T, set(best()), 'WBK');
    expect([p.status, p.steps, p.changes]).toEqual(['eligible', 0, []]);
  });

  it('finds the single cheapest move: area 1 one step short', () => {
    // Area 1 = 4,675 < 4,8: P1.i.b one step (+0,125) is the cheapest fix.
    const a = {
      ...best(),
      'P1.i.b': 'C',
      'R1.i.a.2': 4,
      'R1.i.b.1': 4,
      'R1.i.b.2': 0,
      'R1.ii.a': 'E',
      'R1.iii.a': 'D',
    };
    const p = planPath(T, set(a), 'WBK');
    expect(p.status).toBe('reachable');
    expect(p.steps).toBe(1);
    expect(p.changes).toHaveLength(1);
    expect(p.projected.eligible).toBe(true);
  });

  it('says Pengungkit alone cannot get there when a Hasil rule fails', () => {
    const p = planPath(T, set({ ...best(), 'H1.a': 3.5 }), 'WBK');
    expect(p.status).toBe('blocked');
    expect(p.blockers.map((b) => b.id)).toEqual(['H1.a']);
    expect(p.projected.eligible).toBe(false);
  });

  it('WBBM without the WBK predicate is blocked by the context rule', () => {
    expect(planPath(T, set(best(), false), 'WBBM').blockers.map((b) => b.id)).toEqual(['alreadyWbk']);
  });

  it('is unreachable when even a perfect Pengungkit cannot reach the total', () => {
    // Hasil 13,125 leaves 61,875 for Pengungkit to find: more than its 60.
    const p = planPath(T, set({ ...best(), 'H1.a': 3, 'H1.b': 'E', 'H2.a': 0 }), 'WBK');
    expect(p.status).toBe('unreachable');
    expect(p.blockers.map((b) => b.id)).toEqual(['H1', 'H1.a', 'H1.b', 'H2']);
  });

  it('assumes blank items at their lowest option and lists them', () => {
    const a = best();
    delete a['P2.ii.a'];
    const p = planPath(T, set(a), 'WBK');
    expect(p.missing).toEqual(['P2.ii.a']);
    expect(p.status).toBe('reachable');
    expect(p.projected.eligible).toBe(true);
  });

  it('property: the plan, applied, passes every rule it claims to, and dropping any one step breaks it', () => {
    for (const predicate of ['WBK', 'WBBM'] as const) {
      fc.assert(
        fc.property(
          arbitraryPassingHasil(predicate),
          fc.constantFrom('combined' as const, 'per_aspect' as const),
          (answers, basis) => {
            const p = planPath(T, set(answers, true), predicate, { areaMinimum: basis });
            expect(['eligible', 'reachable', 'unreachable']).toContain(p.status);
            if (p.status === 'unreachable') return;
            const after = scoreAssessment(T, applyPlan(T, set(answers, true), p.changes), {
              areaMinimum: basis,
            });
            expect(after.predicates.find((x) => x.id === predicate)!.eligible).toBe(true);
            expect(p.projected.eligible).toBe(true);
            // Local minimality: one step less on any change must fail some rule.
            for (const c of p.changes) {
              const item = T.itemByCode.get(c.code)!;
              const fewer = p.changes.filter((x) => x !== c);
              if (item.type !== 'ratio' && item.type !== 'index_0_4' && c.steps > 1) {
                const k = item.options.findIndex((o) => o.key === c.to);
                fewer.push({ ...c, to: item.options[k + 1]!.key, steps: c.steps - 1 });
              }
              const s = scoreAssessment(T, applyPlan(T, set(answers, true), fewer), { areaMinimum: basis });
              expect(s.predicates.find((x) => x.id === predicate)!.eligible).toBe(false);
            }
          },
        ),
        { numRuns: 40 },
      );
    }
  });
});

describe('solveMinSteps is exact', () => {
  const rung = fc.record({
    steps: fc.integer({ min: 1, max: 3 }),
    gain: fc.integer({ min: 0, max: 9 }).map((n) => ratio(n, 4)),
  });
  const group = fc.record({
    deficit: fc.integer({ min: 0, max: 12 }).map((n) => ratio(n, 4)),
    items: fc.array(fc.array(rung, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  });

  // Exhaustive search: every combination of rung choices (or none) per item.
  const brute = (groups: PlanGroup[], need: Exact): number | null => {
    const flat = groups.flatMap((g, gi) => g.items.map((it) => ({ gi, it })));
    let bestSteps: number | null = null;
    const walk = (k: number, steps: number, gains: Exact[]) => {
      if (k === flat.length) {
        const total = gains.reduce((s, x) => ({ n: s.n * x.d + x.n * s.d, d: s.d * x.d }), ZERO);
        const ok = groups.every((g, gi) => cmp(gains[gi]!, g.deficit) >= 0) && cmp(total, need) >= 0;
        if (ok && (bestSteps === null || steps < bestSteps)) bestSteps = steps;
        return;
      }
      const { gi, it } = flat[k]!;
      walk(k + 1, steps, gains);
      for (const r of it) {
        const g = gains.slice();
        g[gi] = { n: g[gi]!.n * r.gain.d + r.gain.n * g[gi]!.d, d: g[gi]!.d * r.gain.d };
        walk(k + 1, steps + r.steps, g);
      }
    };
    walk(
      0,
      0,
      groups.map(() => ZERO),
    );
    return bestSteps;
  };

  it('matches exhaustive search on small random instances', () => {
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 30 }),
        (groups, n) => {
          const need = ratio(n, 4);
          const got = solveMinSteps(groups, need);
          const want = brute(groups, need);
          expect(got === null ? null : got.steps).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
