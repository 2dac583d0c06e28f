import { scoredQuestions, type Questionnaire, type SurveyKind } from './questionnaire-schema.ts';
import { QUALITY_FLAGS, qualityFlags, type QualityFlag, type QualityOptions } from './quality.ts';
import { add, div, mul, ratio, toNumber, type Exact } from '../shared/exact.ts';
import type { SurveySubmission } from './response.ts';
import { studentTQuantile } from './student-t.ts';

export type IndexOptions = QualityOptions & {
  /** Service users in the period (N); when known the margin of error gets the finite-population correction. */
  populationSize?: number | null;
};

/** One scored item (unsur): Σ answers, how many answered, NRR = Σ/n and its equal-weight share NRR/k. */
export type ItemStat = {
  code: string;
  n: number;
  sum: number;
  nrr: number | null;
  weightedNrr: number | null;
};

/**
 * 95 % interval for the index on the item scale. Estimator: Student t over respondents, standard error by
 * Taylor linearisation of the regulation's "mean of item means" — with every item answered this is exactly
 * s/√n of the respondent composites (surveys.md §3.2), and it stays centred on the regulation's index when
 * some items are missing. t rather than z because units often have n ≈ 30. FPC when N is known.
 */
export type Precision = {
  estimator: 'student-t, taylor-linearised SE';
  confidence: 0.95;
  n: number;
  df: number;
  standardError: number;
  tQuantile: number;
  fpc: number | null;
  marginOfError: number;
  /** Clamped to the scale so it never shows impossible values. */
  ci: readonly [number, number];
  /** ȳ − t(0,95; n−1)·SE: "meets the threshold with 95 % one-sided confidence" when ≥ the threshold. */
  oneSidedLowerBound: number;
};

export type IndexSummary = {
  questionnaireId: string;
  version: string;
  kind: SurveyKind;
  scale: { min: number; max: number };
  responses: {
    total: number;
    included: number;
    excluded: number;
    /** A response with two flags counts under both. */
    flagged: Record<QualityFlag, number>;
  };
  /** Included respondents with at least one scored answer. */
  n: number;
  items: ItemStat[];
  /** (1/k)·Σ NRR_j over the k items answered by someone; on the item scale. Null without data. */
  index: number | null;
  precision: Precision | null;
  /** The same index over every response, so the effect of a chosen exclusion is visible. */
  indexIncludingFlagged: number | null;
  warnings: ('item_nonresponse' | 'population_smaller_than_sample')[];
};

type Core = { items: ItemStat[]; n: number; exact: Exact | null; rows: number[][] };

function core(q: Questionnaire, rs: readonly SurveySubmission[]): Core {
  const scored = scoredQuestions(q);
  const sums = scored.map(() => 0);
  const counts = scored.map(() => 0);
  // rows[i][j] = answer or NaN, for respondents with at least one scored answer.
  const rows: number[][] = [];
  for (const r of rs) {
    const row = scored.map((qq) => {
      const v = r.answers[qq.code];
      return typeof v === 'number' && v >= q.scale.min && v <= q.scale.max ? v : NaN;
    });
    if (row.every(Number.isNaN)) continue;
    row.forEach((v, j) => {
      if (Number.isNaN(v)) return;
      sums[j] = (sums[j] as number) + v;
      counts[j] = (counts[j] as number) + 1;
    });
    rows.push(row);
  }
  const answered = counts.filter((c) => c > 0).length;
  const items = scored.map((qq, j): ItemStat => {
    const n = counts[j] as number;
    const sum = sums[j] as number;
    return {
      code: qq.code,
      n,
      sum,
      nrr: n > 0 ? sum / n : null,
      weightedNrr: n > 0 ? sum / n / answered : null,
    };
  });
  let exact: Exact | null = null;
  for (const it of items) {
    if (it.n === 0) continue;
    exact = add(exact ?? ratio(0), ratio(it.sum, it.n));
  }
  if (exact !== null) exact = div(exact, ratio(answered));
  return { items, n: rows.length, exact, rows };
}

function precisionOf(
  c: Core,
  index: number,
  q: Questionnaire,
  populationSize: number | null,
): Precision | null {
  const n = c.n;
  if (n < 2) return null;
  const k = c.items.filter((it) => it.n > 0).length;
  let ss = 0;
  for (const row of c.rows) {
    let z = 0;
    row.forEach((v, j) => {
      const it = c.items[j] as ItemStat;
      if (Number.isNaN(v) || it.nrr === null) return;
      z += ((v - it.nrr) * n) / it.n;
    });
    z /= k;
    ss += z * z;
  }
  const fpc =
    populationSize !== null && populationSize >= n && populationSize > 1
      ? Math.sqrt((populationSize - n) / (populationSize - 1))
      : null;
  const se = Math.sqrt(ss / (n - 1) / n) * (fpc ?? 1);
  const t = studentTQuantile(0.975, n - 1);
  const me = t * se;
  const clamp = (x: number) => Math.min(q.scale.max, Math.max(q.scale.min, x));
  return {
    estimator: 'student-t, taylor-linearised SE',
    confidence: 0.95,
    n,
    df: n - 1,
    standardError: se,
    tQuantile: t,
    fpc,
    marginOfError: me,
    ci: [clamp(index - me), clamp(index + me)],
    oneSidedLowerBound: clamp(index - studentTQuantile(0.95, n - 1) * se),
  };
}

/**
 * The index with its exact value, for callers that must round or classify exactly (IKM mutu, LKE value).
 * @example summarizeExact(skm, responses).exact // ratio(10, 3) for the surveys.md §1.6 example
 */
export function summarizeExact(
  q: Questionnaire,
  responses: readonly SurveySubmission[],
  options: IndexOptions = {},
): { summary: IndexSummary; exact: Exact | null } {
  const exclude = new Set(options.excludeFlags ?? []);
  const flagged = Object.fromEntries(QUALITY_FLAGS.map((f) => [f, 0])) as Record<QualityFlag, number>;
  const included: SurveySubmission[] = [];
  for (const r of responses) {
    const flags = qualityFlags(q, r, options);
    for (const f of flags) flagged[f] += 1;
    if (!flags.some((f) => exclude.has(f))) included.push(r);
  }
  const c = core(q, included);
  const index = c.exact === null ? null : toNumber(c.exact);
  const all = included.length === responses.length ? c : core(q, responses);
  const populationSize = options.populationSize ?? null;
  const warnings: IndexSummary['warnings'] = [];
  if (c.items.some((it) => it.n > 0 && it.n < c.n)) warnings.push('item_nonresponse');
  if (populationSize !== null && populationSize < c.n) warnings.push('population_smaller_than_sample');
  return {
    exact: c.exact,
    summary: {
      questionnaireId: q.id,
      version: q.version,
      kind: q.kind,
      scale: { min: q.scale.min, max: q.scale.max },
      responses: {
        total: responses.length,
        included: included.length,
        excluded: responses.length - included.length,
        flagged,
      },
      n: c.n,
      items: c.items,
      index,
      precision: index === null ? null : precisionOf(c, index, q, populationSize),
      indexIncludingFlagged: all.exact === null ? null : toNumber(all.exact),
      warnings,
    },
  };
}

/**
 * Per-item NRR, the equal-weight index (1/k)·Σ NRR_j on the item scale, and its 95 % CI, over every valid
 * response unless `excludeFlags` names flags to leave out; flags are always counted.
 * @example
 * const s = summarizeResponses(skm, responses); // surveys.md §1.6: s.index ≈ 3.3333, s.precision.marginOfError ≈ 0.2998
 */
export function summarizeResponses(
  q: Questionnaire,
  responses: readonly SurveySubmission[],
  options: IndexOptions = {},
): IndexSummary {
  return summarizeExact(q, responses, options).summary;
}

/** Scales an exact index linearly: used for ×25 (IKM) and for the LKE 0–4 conversion. */
export const scaleExact = (r: Exact, factor: Exact, offset: Exact = ratio(0)): Exact =>
  add(mul(r, factor), offset);
