import { ZERO, add, div, type Exact } from '../shared/exact.ts';
import { checkPredicates, type PredicateResult } from './check-predicates.ts';
import { evaluateAnswers, type LkeAnswerSet, type LkeIssue } from './evaluate-answers.ts';
import { rollUp } from './roll-up.ts';
import type { AreaMinimumBasis, AspectKey, LkeChoices, LkeTemplate } from './template-model.ts';

/** Override the template's default for an open choice of the regulation (e.g. a stricter per-aspect reading). */
export type ScoreOptions = { areaMinimum?: AreaMinimumBasis };

/** A score with its weight and the share of the weight reached (score / weight, 0..1). */
export type NodeScore = { score: Exact; weight: Exact; percent: Exact };

export type LkeScore = {
  templateId: string;
  templateVersion: string;
  choices: LkeChoices;
  total: NodeScore;
  pengungkit: NodeScore;
  pemenuhan: NodeScore;
  reform: NodeScore;
  hasil: NodeScore;
  /** Blank items counted as 0 (the official score leaves them out of their sub-area mean). */
  conservative: { total: Exact; pengungkit: Exact; pemenuhan: Exact; reform: Exact };
  areas: { number: number; name: string; pemenuhan: NodeScore; reform: NodeScore; total: NodeScore }[];
  subAreas: {
    code: string;
    name: string;
    aspect: AspectKey;
    area: number;
    score: NodeScore;
    conservative: Exact;
    answered: number;
    itemCount: number;
    /** Sub-sub-areas (R5.iii), when the sub-area has them. */
    parts: { code: string; name: string; score: NodeScore }[];
  }[];
  /** Every item's value 0..1 in template order; null when blank or invalid. */
  items: { code: string; value: Exact | null }[];
  /** Hasil parts and items in points (H1, H1.a, H1.b, H2, H2.a). */
  hasilParts: { code: string; score: NodeScore }[];
  completeness: { answered: number; total: number; missing: string[] };
  predicates: PredicateResult[];
  errors: LkeIssue[];
  warnings: LkeIssue[];
};

const node = (score: Exact, weight: Exact): NodeScore => ({
  score,
  weight,
  percent: weight.n === 0n ? ZERO : div(score, weight),
});

/**
 * Scores one assessment: validates the answers, computes every item, sub-area, area, aspect, component and
 * the total exactly, reports completeness and the conservative score, and checks WBK and WBBM.
 * @example
 * const s = scoreAssessment(t, { answers: { 'P1.ii.a': 'Ya', 'P1.ii.b': 'C', 'P1.ii.c': 'A' } });
 * formatId(s.subAreas.find((x) => x.code === 'P1.ii')!.score.score) // "0,67"
 */
export const scoreAssessment = (
  template: LkeTemplate,
  set: LkeAnswerSet,
  options: ScoreOptions = {},
): LkeScore => {
  const choices: LkeChoices = {
    ...template.choices,
    ...(options.areaMinimum ? { areaMinimum: options.areaMinimum } : {}),
  };
  const ev = evaluateAnswers(template, set, choices);
  const off = rollUp(template, ev.values, 'official');
  const con = rollUp(template, ev.values, 'conservative');
  const missing = template.items.filter((i) => ev.values[i.index] === null).map((i) => i.code);
  const answered = template.items.length - missing.length;
  const w = template.weights;

  const hasilParts: LkeScore['hasilParts'] = [];
  template.hasilParts.forEach((p, pi) => {
    hasilParts.push({ code: p.code, score: node(off.hasilParts[pi] ?? ZERO, p.weight) });
    for (const i of p.items) {
      const item = template.items[i];
      if (item?.weight)
        hasilParts.push({ code: item.code, score: node(off.hasilItems.get(item.code) ?? ZERO, item.weight) });
    }
  });

  return {
    templateId: template.id,
    templateVersion: template.version,
    choices,
    total: node(off.total, w.total),
    pengungkit: node(off.pengungkit, w.pengungkit),
    pemenuhan: node(off.pemenuhan, w.pemenuhan),
    reform: node(off.reform, w.reform),
    hasil: node(off.hasil, w.hasil),
    conservative: {
      total: con.total,
      pengungkit: con.pengungkit,
      pemenuhan: con.pemenuhan,
      reform: con.reform,
    },
    areas: template.areas.map((a, i) => {
      const pem = off.areaAspect.pemenuhan[i] ?? ZERO;
      const ref = off.areaAspect.reform[i] ?? ZERO;
      return {
        number: a.number,
        name: a.name,
        pemenuhan: node(pem, a.aspectWeight.pemenuhan),
        reform: node(ref, a.aspectWeight.reform),
        total: node(add(pem, ref), a.weight),
      };
    }),
    subAreas: template.subAreas.map((sa, si) => {
      const itemIdx = sa.groups.flatMap((g) => template.groups[g]?.items ?? []);
      return {
        code: sa.code,
        name: sa.name,
        aspect: sa.aspect,
        area: sa.area,
        score: node(off.subAreas[si] ?? ZERO, sa.weight),
        conservative: con.subAreas[si] ?? ZERO,
        answered: itemIdx.filter((i) => ev.values[i] !== null).length,
        itemCount: itemIdx.length,
        parts:
          sa.groups.length > 1
            ? sa.groups.map((g) => ({
                code: template.groups[g]?.code ?? '',
                name: template.groups[g]?.name ?? '',
                score: node(off.groups[g] ?? ZERO, template.groups[g]?.weight ?? ZERO),
              }))
            : [],
      };
    }),
    items: template.items.map((i) => ({ code: i.code, value: ev.values[i.index] ?? null })),
    hasilParts,
    completeness: { answered, total: template.items.length, missing },
    predicates: checkPredicates(
      template,
      { scores: off, answered, itemCount: template.items.length, context: set.context ?? {} },
      choices.areaMinimum,
    ),
    errors: ev.errors,
    warnings: ev.warnings,
  };
};
