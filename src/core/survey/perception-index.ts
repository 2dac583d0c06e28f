import type { LkeConversion, Questionnaire } from './questionnaire-schema.ts';
import { summarizeExact, type IndexOptions, type IndexSummary } from './index-summary.ts';
import { add, mul, ratio, roundHalfUp, sub, toNumber, type Exact } from '../shared/exact.ts';
import type { SurveySubmission } from './response.ts';

/**
 * The LKE takes IPAK/IPKP as "Nilai (0–4)". On a 1–4 item scale both rules are the identity. For other
 * scales (the KemenPANRB e-survey uses 1–6 stars) no source says how to convert, so the template names
 * the rule: 'percent-of-max' = x̄ × 4/max (matches the "persentase mutu" practice; default),
 * 'endpoint' = 1 + (x̄ − min) × 3/(max − min) (maps min..max onto 1..4).
 */
export function lkeConversion(scale: { min: number; max: number }, rule: LkeConversion) {
  const factor = rule === 'percent-of-max' ? ratio(4, scale.max) : ratio(3, scale.max - scale.min);
  const apply = (x: Exact): Exact =>
    rule === 'percent-of-max' ? mul(x, factor) : add(ratio(1), mul(sub(x, ratio(scale.min)), factor));
  const f = toNumber(factor);
  const applyNumber = (x: number): number => (rule === 'percent-of-max' ? x * f : 1 + (x - scale.min) * f);
  return { factor: f, apply, applyNumber };
}

export type LkeValue = {
  item: 'H1.a' | 'H2.a';
  conversion: LkeConversion;
  /** 0–4, rounded half-up to 2 decimals: the LKE input is a 2-decimal number. */
  value: number;
  unrounded: number;
  marginOfError: number | null;
  ci: readonly [number, number] | null;
  oneSidedLowerBound: number | null;
};

export type PerceptionIndexResult = IndexSummary & { lke: LkeValue | null };

/**
 * IPAK or IPKP: the SKM method per instrument (NRR per item, equal weights, sum) on the item scale, then
 * the LKE's 0–4 value by the template's conversion rule, each with its 95 % CI.
 * @example
 * const r = computePerceptionIndex(ipak, responses);
 * r.index      // 3.70 on the 1–4 item scale
 * r.lke?.value // 3.70 → LKE H1.a
 */
export function computePerceptionIndex(
  q: Questionnaire,
  responses: readonly SurveySubmission[],
  options: IndexOptions = {},
): PerceptionIndexResult {
  const { summary, exact } = summarizeExact(q, responses, options);
  if (exact === null || q.lke === undefined) return { ...summary, lke: null };
  const conv = lkeConversion(q.scale, q.lke.conversion);
  const value = conv.apply(exact);
  const p = summary.precision;
  const toLke = (x: number) => Math.min(4, Math.max(0, conv.applyNumber(x)));
  return {
    ...summary,
    lke: {
      item: q.lke.item,
      conversion: q.lke.conversion,
      value: Number(roundHalfUp(value, 2)) / 100,
      unrounded: toNumber(value),
      marginOfError: p ? p.marginOfError * conv.factor : null,
      ci: p ? [toLke(p.ci[0]), toLke(p.ci[1])] : null,
      oneSidedLowerBound: p ? toLke(p.oneSidedLowerBound) : null,
    },
  };
}
