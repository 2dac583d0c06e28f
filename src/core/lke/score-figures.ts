import { toFixed, type Exact } from '../shared/exact.ts';
import type { LkeScore } from './score-assessment.ts';
import type { LkeTemplate } from './template-model.ts';

/** Decimal places a stored figure keeps: the LKE shows two, four leave room for means without drift. */
export const FIGURE_DIGITS = 4;
const fig = (x: Exact): string => toFixed(x, FIGURE_DIGITS);

/** A part's score and weight as decimal text. */
export type PartFigure = { score: string; weight: string };

/**
 * What is kept of a score for reading at scale (the recap, the heat map, the homes): totals, components,
 * areas, Hasil parts, the predicates with the ids of their failed rules, and completeness. Text, not floats,
 * so a rebuild reproduces it byte for byte.
 */
export type ScoreFigures = {
  total: string;
  pengungkit: string;
  pemenuhan: string;
  reform: string;
  hasil: string;
  areas: (PartFigure & { number: number })[];
  hasilParts: (PartFigure & { code: string })[];
  predicates: { id: string; eligible: boolean; failed: string[] }[];
  answered: number;
  itemCount: number;
  /** Items with at least one piece of evidence linked. */
  withEvidence: number;
  /** Items whose answer (or one of its count inputs) carries an explanation. */
  withExplanation: number;
  /** Answers the core refused as invalid (left out of the score). */
  invalid: number;
};

/** The template item a typed code belongs to: the item itself, or the ratio item of a count input. */
export const itemCodeOf = (template: LkeTemplate, code: string): string | undefined =>
  template.itemByCode.get(code)?.code ?? template.inputByCode.get(code)?.item;

const itemsAmong = (template: LkeTemplate, codes: Iterable<string>): number => {
  const items = new Set<string>();
  for (const c of codes) {
    const item = itemCodeOf(template, c);
    if (item) items.add(item);
  }
  return items.size;
};

/**
 * The stored figures of one score.
 * @example scoreFigures(t, scoreAssessment(t, { answers }), { evidenceCodes: ['P1.i.a'], explainedCodes: [] }).total // "12.3456"
 */
export const scoreFigures = (
  template: LkeTemplate,
  score: LkeScore,
  facts: { evidenceCodes: Iterable<string>; explainedCodes: Iterable<string> },
): ScoreFigures => ({
  total: fig(score.total.score),
  pengungkit: fig(score.pengungkit.score),
  pemenuhan: fig(score.pemenuhan.score),
  reform: fig(score.reform.score),
  hasil: fig(score.hasil.score),
  areas: score.areas.map((a) => ({
    number: a.number,
    score: fig(a.total.score),
    weight: fig(a.total.weight),
  })),
  hasilParts: score.hasilParts.map((p) => ({
    code: p.code,
    score: fig(p.score.score),
    weight: fig(p.score.weight),
  })),
  predicates: score.predicates.map((p) => ({
    id: p.id,
    eligible: p.eligible,
    failed: p.rules.filter((r) => !r.pass).map((r) => r.id),
  })),
  answered: score.completeness.answered,
  itemCount: score.completeness.total,
  withEvidence: itemsAmong(template, facts.evidenceCodes),
  withExplanation: itemsAmong(template, facts.explainedCodes),
  invalid: score.errors.length,
});
