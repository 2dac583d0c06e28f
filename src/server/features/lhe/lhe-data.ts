import type { RuleResult } from '../../../core/lke/check-predicates.ts';
import { scoreAssessment, type LkeScore } from '../../../core/lke/score-assessment.ts';
import { valuesAt, type AnswerLevels, type LevelId } from '../../../core/review/answer-levels.ts';
import type { Predicate } from '../../../core/review/review-status.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { formatCountId, formatId, formatPercentId } from '../../render/format.ts';

export type LheItemNote = { code: string; value: string; note: string };
export type LheReturned = { code: string; status: string; note: string; revisions: number };

/** Everything the LHE of one level prints, computed from that level's answers. */
export type LheData = {
  unit: { name: string; code: string };
  period: { name: string; year: number };
  target: Predicate;
  status: string;
  level: LevelId;
  score: LkeScore;
  /** The §4.1 rules of the target predicate, and those that fail. */
  rules: RuleResult[];
  failing: RuleResult[];
  /** Per area: its rules of the per-area minimum ("areaShare"), by area number. */
  areaRules: Map<number, RuleResult[]>;
  notes: LheItemNote[];
  returned: LheReturned[];
  /** Item codes in template order, with their names, for notes and returns. */
  itemNames: Map<string, string>;
  /** The ratio items with their inputs as this level sees them and the resulting share. */
  ratios: { code: string; text: string; inputs: { text: string; value: string }[]; share: string }[];
};

/** An answer as printed: counts as integers, indices and ratios with a decimal comma, option keys as given. */
const answerWords = (value: string | number | null): string => {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? formatCountId(value) : formatId(value, 2);
};

/**
 * The report's figures for `level`: the answers as that level sees them (its own over the levels below), scored
 * by the core; the notes that level's reviewer wrote; the items that level returned for revision.
 */
export const lheData = (args: {
  template: LkeTemplate;
  levels: AnswerLevels;
  level: LevelId;
  unit: { name: string; code: string };
  period: { name: string; year: number };
  target: Predicate;
  status: string;
  alreadyWbk: boolean;
}): LheData => {
  const { template, levels, level, target } = args;
  const score = scoreAssessment(template, {
    answers: valuesAt(levels, level),
    context: { alreadyWbk: args.alreadyWbk },
  });
  const rules = score.predicates.find((p) => p.id === target)?.rules ?? [];
  const areaRules = new Map<number, RuleResult[]>();
  for (const r of rules) {
    if (r.kind !== 'areaShare') continue;
    const area = Number(r.id.split('.')[1]);
    areaRules.set(area, [...(areaRules.get(area) ?? []), r]);
  }
  const order = new Map(template.items.map((i, n) => [i.code, n]));
  const byTemplate = (a: { code: string }, b: { code: string }) =>
    (order.get(a.code) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.code) ?? Number.MAX_SAFE_INTEGER) ||
    a.code.localeCompare(b.code);
  const own = levels.answers[level] ?? {};
  const notes = Object.entries(own)
    .filter(([, a]) => a.note.trim() !== '')
    .map(([code, a]) => ({ code, value: answerWords(a.value), note: a.note.trim() }))
    .sort(byTemplate);
  const returned = Object.entries(levels.items)
    .filter(([, i]) => i.returnedAt === level)
    .map(([code, i]) => ({ code, status: i.status, note: i.returnNote, revisions: i.revisions }))
    .sort(byTemplate);
  return {
    unit: args.unit,
    period: args.period,
    target,
    status: args.status,
    level,
    score,
    rules,
    failing: rules.filter((r) => !r.pass),
    areaRules,
    notes,
    returned,
    // Inputs of ratio items are named too, with the item they feed.
    itemNames: new Map([
      ...template.items.map((i): [string, string] => [i.code, i.text]),
      ...template.items.flatMap((i) =>
        i.type === 'ratio'
          ? i.inputs.map((x): [string, string] => [x.code, `${x.text} (masukan ${i.code})`])
          : [],
      ),
    ]),
    ratios: template.items.flatMap((i) => {
      if (i.type !== 'ratio') return [];
      const values = valuesAt(levels, level);
      const inputs = i.inputs.map((x) => ({ text: x.text, value: answerWords(values[x.code] ?? null) }));
      const sum = (codes: readonly string[]) =>
        codes.reduce((t, c) => {
          const v = values[c];
          return t + (typeof v === 'number' ? v : 0);
        }, 0);
      const share =
        i.formula.kind === 'ratio' && sum(i.formula.denominator) > 0
          ? formatPercentId(sum(i.formula.numerator) / sum(i.formula.denominator), 2)
          : '–';
      return [{ code: i.code, text: i.text, inputs, share }];
    }),
  };
};
