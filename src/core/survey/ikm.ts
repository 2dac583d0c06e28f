import type { LocalText, Questionnaire } from './questionnaire-schema.ts';
import { summarizeExact, type IndexOptions, type IndexSummary } from './index-summary.ts';
import { mul, ratio, roundHalfUp, toNumber, type Exact } from '../shared/exact.ts';
import type { SurveySubmission } from './response.ts';

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

export type IkmInterval = {
  grade: IkmGrade;
  /** Nilai interval konversi (NIK) bounds in hundredths, inclusive: 88,31 → 8831. */
  minHundredths: number;
  maxHundredths: number;
  performance: { code: 'sangat_baik' | 'baik' | 'kurang_baik' | 'tidak_baik' } & LocalText;
};

/**
 * PermenPANRB 14/2017 interval table (surveys.md §1.5). The table leaves gaps (76,60 | 76,61), so the
 * converted IKM is rounded half-up to 2 decimals first and the rounded value is classified.
 */
export const IKM_INTERVALS: readonly IkmInterval[] = [
  {
    grade: 'A',
    minHundredths: 8831,
    maxHundredths: 10000,
    performance: { code: 'sangat_baik', id: 'Sangat Baik', en: 'Very good' },
  },
  {
    grade: 'B',
    minHundredths: 7661,
    maxHundredths: 8830,
    performance: { code: 'baik', id: 'Baik', en: 'Good' },
  },
  {
    grade: 'C',
    minHundredths: 6500,
    maxHundredths: 7660,
    performance: { code: 'kurang_baik', id: 'Kurang Baik', en: 'Poor' },
  },
  {
    grade: 'D',
    minHundredths: 2500,
    maxHundredths: 6499,
    performance: { code: 'tidak_baik', id: 'Tidak Baik', en: 'Very poor' },
  },
];

/**
 * Mutu and kinerja of a converted IKM given in hundredths (already rounded): A ≥ 88,31; B ≥ 76,61;
 * C ≥ 65,00; else D. Integers, so the boundaries are exact.
 * @example classifyIkm(8831).grade // 'A'; classifyIkm(8830).grade // 'B'; classifyIkm(7660).grade // 'C'
 */
export function classifyIkm(convertedHundredths: number): IkmInterval {
  for (const interval of IKM_INTERVALS) if (convertedHundredths >= interval.minHundredths) return interval;
  return IKM_INTERVALS[IKM_INTERVALS.length - 1] as IkmInterval;
}

/** Converted IKM (×25) of an exact index, rounded half-up to hundredths. */
export const convertedHundredths = (index: Exact): number => Number(roundHalfUp(mul(index, ratio(25)), 2));

export type IkmOptions = IndexOptions & {
  /**
   * 'exact' uses the weight 1/k; 'legacy-0.111' reproduces old spreadsheets that print 0,111 (a perfect
   * score then gives 99,90). Exact is the default: the regulation's weight is "jumlah bobot / jumlah unsur".
   */
  weight?: 'exact' | 'legacy-0.111';
};

export type IkmValue = {
  /** IKM on 1–4. */
  value: number;
  /** IKM × 25, unrounded. */
  converted: number;
  /** IKM × 25 rounded half-up to 2 decimals: the figure that is published and classified. */
  convertedRounded: number;
  grade: IkmGrade;
  performance: IkmInterval['performance'];
  /** On the 25–100 scale. */
  marginOfError: number | null;
  ci: readonly [number, number] | null;
};

export type IkmResult = IndexSummary & {
  ikm: IkmValue | null;
  /** The same table applied to 25 × NRR of each unsur, to name the weak ones. */
  itemGrades: { code: string; convertedRounded: number | null; grade: IkmGrade | null }[];
};

/**
 * SKM → IKM: NRR per unsur, IKM = (1/k)·Σ NRR, konversi = IKM × 25, mutu A–D and kinerja, with a 95 % CI.
 * @example
 * const r = computeIkm(skm, responses); // surveys.md §1.6
 * r.ikm?.convertedRounded // 83.33
 * r.ikm?.grade            // 'B' ("Baik")
 */
export function computeIkm(
  q: Questionnaire,
  responses: readonly SurveySubmission[],
  options: IkmOptions = {},
): IkmResult {
  const { summary, exact } = summarizeExact(q, responses, options);
  const itemGrades = summary.items.map((it) => {
    if (it.n === 0) return { code: it.code, convertedRounded: null, grade: null };
    const h = convertedHundredths(ratio(it.sum, it.n));
    return { code: it.code, convertedRounded: h / 100, grade: classifyIkm(h).grade };
  });
  if (exact === null) return { ...summary, ikm: null, itemGrades };
  const k = summary.items.filter((it) => it.n > 0).length;
  const index = options.weight === 'legacy-0.111' ? mul(mul(exact, ratio(k)), ratio(111, 1000)) : exact;
  const h = convertedHundredths(index);
  const interval = classifyIkm(h);
  const p = summary.precision;
  return {
    ...summary,
    itemGrades,
    ikm: {
      value: toNumber(index),
      converted: toNumber(index) * 25,
      convertedRounded: h / 100,
      grade: interval.grade,
      performance: interval.performance,
      marginOfError: p ? p.marginOfError * 25 : null,
      ci: p ? [p.ci[0] * 25, p.ci[1] * 25] : null,
    },
  };
}
