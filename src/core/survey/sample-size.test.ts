import { describe, expect, it } from 'vitest';
import { ok } from '../shared/result.ts';
import {
  allocateSample,
  cochranMean,
  cochranProportion,
  krejcieMorgan,
  sampleProgress,
  slovin,
  targetSample,
} from './sample-size.ts';
import { studentTQuantile } from './student-t.ts';

describe('Krejcie–Morgan against the published table', () => {
  // surveys.md §1.7 check values, plus rows of the widely reproduced 1970 table.
  it.each([
    [10, 10],
    [15, 14],
    [20, 19],
    [30, 28],
    [40, 36],
    [50, 44],
    [75, 63],
    [100, 80],
    [120, 92],
    [150, 108],
    [200, 132],
    [250, 152],
    [300, 169],
    [400, 196],
    [500, 217],
    [800, 260],
    [1000, 278],
    [1500, 306],
    [2000, 322],
    [3000, 341],
    [5000, 357],
    [10000, 370],
    [20000, 377],
    [50000, 381],
    [75000, 382],
    [1000000, 384],
  ])('N = %i → %i', (N, s) => {
    expect(krejcieMorgan(N)).toEqual(ok(s));
  });

  it("N = 100 000 gives 383 by the formula (382,6); the printed 384 is the table's one outlier", () => {
    expect(krejcieMorgan(100000)).toEqual(ok(383));
  });

  it('refuses a population that is not a positive integer', () => {
    for (const N of [0, -5, 2.5, Number.NaN]) expect(krejcieMorgan(N).ok).toBe(false);
  });
});

describe('Slovin with the minimum of 30', () => {
  it.each([
    [1000, 0.05, 286],
    [500, 0.05, 223],
    [300, 0.05, 172],
    [300, 0.1, 75],
    [100, 0.05, 80], // exactly 80: no floating-point 80,000…01 → 81
    [40, 0.1, 30], // 28,57 → 29, raised to 30
    [20, 0.05, 20], // fewer than 30 served: everyone
  ])('N = %i, e = %d → %i', (N, e, n) => expect(slovin(N, e)).toEqual(ok(n)));

  it('refuses e outside (0, 1)', () => expect(slovin(100, 0).ok).toBe(false));
});

describe('Cochran (surveys.md §3.5, N = 300)', () => {
  it('proportion: 169', () => expect(cochranProportion({ populationSize: 300 })).toEqual(ok(169)));
  it('mean σ 0,5 E 0,10: 73 with FPC, 97 without', () => {
    expect(cochranMean({ populationSize: 300 })).toEqual(ok(73));
    expect(cochranMean()).toEqual(ok(97));
  });
  it('mean, worst case σ 1,5: 223', () =>
    expect(cochranMean({ populationSize: 300, sigma: 1.5 })).toEqual(ok(223)));
});

describe('targets and progress', () => {
  it('IPAK/IPKP never target fewer than 30 (or all when fewer were served)', () => {
    expect(targetSample('ipak', 30)).toEqual(ok(30));
    expect(targetSample('skm', 30)).toEqual(ok(28));
    expect(targetSample('ipkp', 12)).toEqual(ok(12));
    expect(targetSample('ipkp', 300, 'slovin-10')).toEqual(ok(75));
  });

  it('allocates proportionally with a floor per service', () => {
    const r = allocateSample(
      [
        { key: 'paspor', population: 900 },
        { key: 'visa', population: 80 },
        { key: 'izin', population: 3 },
      ],
      100,
    );
    expect(r).toEqual(
      ok([
        { key: 'paspor', target: 92 },
        { key: 'visa', target: 8 },
        { key: 'izin', target: 3 },
      ]),
    );
  });

  it('reports achieved versus target and the LKE minimum', () => {
    expect(sampleProgress(25, 169)).toMatchObject({
      shortfall: 144,
      reachedTarget: false,
      meetsLkeMinimum: false,
    });
    expect(sampleProgress(12, 12, 12)).toMatchObject({ lkeMinimum: 12, meetsLkeMinimum: true, ratio: 1 });
  });
});

describe('Student t quantiles (surveys.md §3.2)', () => {
  it.each([
    [0.975, 9, 2.2622],
    [0.975, 29, 2.0452],
    [0.975, 39, 2.0227],
    [0.975, 168, 1.9742],
    [0.95, 39, 1.6849],
    [0.975, 1, 12.7062],
    [0.975, 1e7, 1.96],
  ])('t(%d; %i) = %d', (p, df, t) => expect(studentTQuantile(p, df)).toBeCloseTo(t, 4));
});
