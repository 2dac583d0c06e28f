import { err, ok, type Result } from '../shared/result.ts';
import type { SurveyKind } from './questionnaire-schema.ts';

/** R90 Lampiran II III.C.2.d: at least 30 respondents per unit, fewer only when fewer people were served. */
export const LKE_MINIMUM_RESPONDENTS = 30;

const invalid = (message: string) => err({ code: 'survey_sample_invalid_input', message });
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 1;

/**
 * Krejcie & Morgan (1970): s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) with χ² = 3,841, P = 0,5, d = 0,05,
 * rounded to the nearest integer as the published table is. Exact integer arithmetic:
 * s = 3841·N / (10·(N−1) + 3841). The often-printed row N = 100 000 → 384 is not what the formula gives
 * (382,6 → 383); we follow the formula, which every other row of the table agrees with.
 * @example krejcieMorgan(1000) // ok(278)
 */
export function krejcieMorgan(populationSize: number): Result<number> {
  if (!isCount(populationSize)) return invalid('population size must be a positive integer');
  const N = BigInt(populationSize);
  const num = 3841n * N;
  const den = 10n * (N - 1n) + 3841n;
  return ok(Number((2n * num + den) / (2n * den)));
}

/**
 * Slovin (Yamane): n = N / (1 + N·e²), rounded up, then raised to `minimum` (30, the LKE floor) but never
 * above N. `e` is taken to 4 decimals and the arithmetic is exact (no 79,9999… → 80 surprises).
 * Note: Slovin silently assumes 95 % and p = 0,5.
 * @example slovin(1000, 0.05) // ok(286); slovin(40, 0.1) // ok(30); slovin(20) // ok(20)
 */
export function slovin(populationSize: number, e = 0.05, minimum = LKE_MINIMUM_RESPONDENTS): Result<number> {
  if (!isCount(populationSize)) return invalid('population size must be a positive integer');
  if (!(e > 0 && e < 1)) return invalid('margin e must be in (0, 1)');
  const N = BigInt(populationSize);
  const eBp = BigInt(Math.round(e * 10_000));
  const num = N * 100_000_000n;
  const den = 100_000_000n + N * eBp * eBp;
  const raw = Number((num + den - 1n) / den);
  return ok(Math.min(populationSize, Math.max(minimum, raw)));
}

// Planning figures need no legal exactness; the epsilon stops 97.0000000001 from becoming 98.
const ceil = (x: number) => Math.ceil(x - 1e-9);

const withFpc = (n0: number, populationSize: number | null | undefined) =>
  populationSize ? n0 / (1 + (n0 - 1) / populationSize) : n0;

/**
 * Cochran for a proportion: n0 = z²p(1−p)/e², with FPC when N is given; rounded up.
 * @example cochranProportion({ populationSize: 300 }) // ok(169)
 */
export function cochranProportion(
  o: { populationSize?: number | null; z?: number; p?: number; e?: number } = {},
) {
  const { z = 1.96, p = 0.5, e = 0.05 } = o;
  if (o.populationSize != null && !isCount(o.populationSize))
    return invalid('population size must be a positive integer');
  if (!(p > 0 && p < 1) || !(e > 0) || !(z > 0)) return invalid('need 0 < p < 1, e > 0, z > 0');
  return ok(ceil(withFpc((z * z * p * (1 - p)) / (e * e), o.populationSize)));
}

/**
 * Cochran for a mean (what an index is): n0 = (zσ/E)², with FPC when N is given; rounded up. Defaults
 * σ = 0,5 and E = 0,10 on a 1–4 scale (surveys.md §3.1; σ = 1,5 is the worst case).
 * @example cochranMean({ populationSize: 300 }) // ok(73)
 */
export function cochranMean(
  o: { populationSize?: number | null; z?: number; sigma?: number; e?: number } = {},
): Result<number> {
  const { z = 1.96, sigma = 0.5, e = 0.1 } = o;
  if (o.populationSize != null && !isCount(o.populationSize))
    return invalid('population size must be a positive integer');
  if (!(sigma > 0) || !(e > 0) || !(z > 0)) return invalid('need sigma, e, z > 0');
  return ok(ceil(withFpc(((z * sigma) / e) ** 2, o.populationSize)));
}

export type SampleMethod = 'krejcie-morgan' | 'slovin-5' | 'slovin-10';

/**
 * The campaign's target: Krejcie–Morgan by default (the SKM guideline's table); for IPAK/IPKP never below
 * the R90 minimum of 30 (or everyone, when fewer than 30 were served).
 * @example targetSample('ipak', 30) // ok(30) — K–M alone would say 28
 */
export function targetSample(
  kind: SurveyKind,
  populationSize: number,
  method: SampleMethod = 'krejcie-morgan',
): Result<number> {
  const floor = kind === 'skm' ? 0 : LKE_MINIMUM_RESPONDENTS;
  const r =
    method === 'krejcie-morgan'
      ? krejcieMorgan(populationSize)
      : slovin(populationSize, method === 'slovin-5' ? 0.05 : 0.1, floor);
  if (!r.ok) return r;
  return ok(Math.min(populationSize, Math.max(floor, r.value)));
}

/**
 * Proportional allocation over services (R90 wants every service type represented): n_h = round(n·N_h/N),
 * at least `floor` (or all of N_h when smaller), never above N_h. The sum can exceed n by the floors.
 * @example allocateSample([{ key: 'paspor', population: 900 }, { key: 'visa', population: 20 }], 100)
 */
export function allocateSample(
  strata: readonly { key: string; population: number }[],
  total: number,
  floor = 5,
): Result<{ key: string; target: number }[]> {
  if (strata.some((s) => !Number.isSafeInteger(s.population) || s.population < 0))
    return invalid('stratum populations must be non-negative integers');
  const N = strata.reduce((a, s) => a + s.population, 0);
  if (N === 0) return ok(strata.map((s) => ({ key: s.key, target: 0 })));
  return ok(
    strata.map((s) => ({
      key: s.key,
      target: Math.min(
        s.population,
        Math.max(Math.min(floor, s.population), Math.round((total * s.population) / N)),
      ),
    })),
  );
}

export type SampleProgress = {
  achieved: number;
  target: number;
  shortfall: number;
  /** achieved / target, 0 when the target is 0. */
  ratio: number;
  reachedTarget: boolean;
  /** min(30, N): the LKE floor for this unit. */
  lkeMinimum: number;
  meetsLkeMinimum: boolean;
};

/**
 * Achieved versus target sample, and whether the R90 minimum is met.
 * @example sampleProgress(25, 169) // { shortfall: 144, reachedTarget: false, meetsLkeMinimum: false, … }
 */
export function sampleProgress(
  achieved: number,
  target: number,
  populationSize?: number | null,
): SampleProgress {
  const lkeMinimum =
    populationSize != null ? Math.min(LKE_MINIMUM_RESPONDENTS, populationSize) : LKE_MINIMUM_RESPONDENTS;
  return {
    achieved,
    target,
    shortfall: Math.max(0, target - achieved),
    ratio: target > 0 ? achieved / target : 0,
    reachedTarget: achieved >= target,
    lkeMinimum,
    meetsLkeMinimum: achieved >= lkeMinimum,
  };
}
