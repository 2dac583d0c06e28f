import type { Exact } from '../shared/exact.ts';

/** One constraint group (an area, or an area-aspect): its items' rungs and the points it still lacks. */
export type PlanGroup = { deficit: Exact; items: { steps: number; gain: Exact }[][] };
/** Per group, per item: the chosen rung index, or null for "leave as is". */
export type Solution = { steps: number; choices: (number | null)[][] };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/**
 * Exact minimum-steps solver. Every gain and deficit is scaled by the common denominator to an integer, then:
 * 1. per group, a multiple-choice knapsack over integer step counts gives the largest gain at each cost;
 * 2. across groups, a max-plus convolution over total steps keeps only allocations meeting every group's
 *    deficit and maximises the summed gain;
 * 3. the smallest total step count whose best sum meets the global deficit is the optimum (ties keep the
 *    larger gain). Both tables are exhaustive over step counts, so the result is optimal, not a bound.
 * Returns null when no allocation meets every deficit.
 */
export const solveMinSteps = (groups: readonly PlanGroup[], globalDeficit: Exact): Solution | null => {
  let L = globalDeficit.d;
  for (const g of groups) {
    L = lcm(L, g.deficit.d);
    for (const it of g.items) for (const r of it) L = lcm(L, r.gain.d);
  }
  const scale = (x: Exact): bigint => (x.n * L) / x.d;

  // Step 1: best[c] = max gain at exactly cost c; pick[i][c] = rung chosen for item i on the way to best[c].
  const perGroup = groups.map((g) => {
    const maxCost = g.items.reduce((s, it) => s + Math.max(0, ...it.map((r) => r.steps)), 0);
    let best: (bigint | null)[] = Array.from({ length: maxCost + 1 }, (_, c) => (c === 0 ? 0n : null));
    const picks: (number | null)[][] = [];
    for (const it of g.items) {
      const next = best.slice();
      const pick: (number | null)[] = best.map(() => null);
      it.forEach((r, ri) => {
        const gain = scale(r.gain);
        for (let c = r.steps; c <= maxCost; c += 1) {
          const prev = best[c - r.steps];
          if (prev === null || prev === undefined) continue;
          const cand = prev + gain;
          const cur = next[c];
          if (cur === null || cur === undefined || cand > cur) {
            next[c] = cand;
            pick[c] = ri;
          }
        }
      });
      picks.push(pick);
      best = next;
    }
    // Cheapest-first prefix maximum: the best gain reachable with at most c steps, and the exact cost that gives it.
    const upTo: { gain: bigint; cost: number }[] = [];
    best.forEach((v, c) => {
      const prev = upTo[c - 1];
      upTo.push(
        v !== null && (prev === undefined || v > prev.gain)
          ? { gain: v, cost: c }
          : (prev ?? { gain: 0n, cost: 0 }),
      );
    });
    return { deficit: scale(g.deficit), picks, upTo, items: g.items };
  });

  // Step 2: H[C] = best summed gain over the groups so far at total cost C, every group meeting its deficit.
  let H: (bigint | null)[] = [0n];
  const via: number[][] = [];
  for (const g of perGroup) {
    const size = H.length + g.upTo.length - 1;
    const next: (bigint | null)[] = new Array<bigint | null>(size).fill(null);
    const arg: number[] = new Array<number>(size).fill(-1);
    H.forEach((h, C) => {
      if (h === null) return;
      g.upTo.forEach((u, c) => {
        if (u.gain < g.deficit) return;
        const cand = h + u.gain;
        const cur = next[C + c];
        if (cur === null || cur === undefined || cand > cur) {
          next[C + c] = cand;
          arg[C + c] = c;
        }
      });
    });
    via.push(arg);
    H = next;
  }
  const target = scale(globalDeficit);
  const total = H.findIndex((h) => h !== null && h >= target);
  if (total < 0) return null;

  // Step 3: walk back through both tables.
  const choices: (number | null)[][] = perGroup.map((g) => g.items.map(() => null));
  let C = total;
  for (let gi = perGroup.length - 1; gi >= 0; gi -= 1) {
    const g = perGroup[gi];
    const c = via[gi]?.[C] ?? 0;
    C -= c;
    if (!g) continue;
    let cost = g.upTo[c]?.cost ?? 0;
    for (let ii = g.items.length - 1; ii >= 0; ii -= 1) {
      const ri = g.picks[ii]?.[cost] ?? null;
      const row = choices[gi];
      if (ri !== null && row) {
        row[ii] = ri;
        cost -= g.items[ii]?.[ri]?.steps ?? 0;
      }
    }
  }
  return { steps: total, choices };
};
