import { toNumber } from '../shared/exact.ts';
import type { LkeIssue } from './evaluate-answers.ts';
import type { LkeScore } from './score-assessment.ts';

export type AreaJson = { pemenuhan: number; reform: number; total: number; weight: number };
export type RuleJson = { id: string; required: number; actual: number; pass: boolean };
/** The wire shape of a score (`pulau score --format json`, and the API): unrounded numbers. */
export type LkeScoreJson = {
  template: string;
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  conservativeTotal: number;
  areas: Record<string, AreaJson>;
  subAreas: Record<string, number>;
  items: Record<string, number | null>;
  hasilParts: Record<string, number>;
  completeness: { answered: number; total: number; missing: string[] };
  predicate: Record<string, { eligible: boolean; rules: RuleJson[] }>;
  errors: LkeIssue[];
  warnings: LkeIssue[];
};

/**
 * Fixes the wire shape of a score; the only place exact numbers become doubles.
 * @example presentScoreJson(scoreAssessment(t, answers)).subAreas['P1.ii'] // 0.6666666666666666
 */
export const presentScoreJson = (s: LkeScore): LkeScoreJson => ({
  template: s.templateId,
  total: toNumber(s.total.score),
  pengungkit: toNumber(s.pengungkit.score),
  pemenuhan: toNumber(s.pemenuhan.score),
  reform: toNumber(s.reform.score),
  hasil: toNumber(s.hasil.score),
  conservativeTotal: toNumber(s.conservative.total),
  areas: Object.fromEntries(
    s.areas.map((a) => [
      String(a.number),
      {
        pemenuhan: toNumber(a.pemenuhan.score),
        reform: toNumber(a.reform.score),
        total: toNumber(a.total.score),
        weight: toNumber(a.total.weight),
      },
    ]),
  ),
  subAreas: Object.fromEntries(s.subAreas.map((x) => [x.code, toNumber(x.score.score)])),
  items: Object.fromEntries(s.items.map((i) => [i.code, i.value ? toNumber(i.value) : null])),
  hasilParts: Object.fromEntries(s.hasilParts.map((p) => [p.code, toNumber(p.score.score)])),
  completeness: s.completeness,
  predicate: Object.fromEntries(
    s.predicates.map((p) => [
      p.id,
      {
        eligible: p.eligible,
        rules: p.rules.map((r) => ({
          id: r.id,
          required: toNumber(r.required),
          actual: toNumber(r.actual),
          pass: r.pass,
        })),
      },
    ]),
  ),
  errors: s.errors,
  warnings: s.warnings,
});
