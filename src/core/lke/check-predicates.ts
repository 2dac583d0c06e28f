import { ONE, ZERO, add, gte, mul, ratio, type Exact } from '../shared/exact.ts';
import type { RollUp } from './roll-up.ts';
import type { AreaMinimumBasis, LkeTemplate, Metric, PredicateRuleDef } from './template-model.ts';
import type { LkeContext } from './evaluate-answers.ts';

/** One rule of a predicate, checked exactly: a score of exactly 75 passes "≥ 75". */
export type RuleResult = {
  id: string;
  kind: PredicateRuleDef['kind'];
  text?: string;
  required: Exact;
  actual: Exact;
  pass: boolean;
  /** True when Pengungkit work can change the outcome (used by the plan). */
  pengungkit: boolean;
};
export type PredicateResult = { id: string; name: string; eligible: boolean; rules: RuleResult[] };

export type PredicateFacts = { scores: RollUp; answered: number; itemCount: number; context: LkeContext };

const metricValue = (template: LkeTemplate, s: RollUp, m: Metric): Exact => {
  if (typeof m === 'string') return s[m];
  const part = template.hasilParts.findIndex((p) => p.code === m.hasil);
  return part >= 0 ? (s.hasilParts[part] ?? ZERO) : (s.hasilItems.get(m.hasil) ?? ZERO);
};

/**
 * Checks every rule of every predicate (WBK, WBBM) on a rolled-up score. A unit with blank items is never
 * eligible: the `complete` rule fails until every item is answered.
 * @example
 * checkPredicates(t, { scores, answered: 113, itemCount: 113, context: { alreadyWbk: false } }, 'combined')
 * // [{ id: 'WBK', eligible: true, rules: [...] }, { id: 'WBBM', eligible: false, ... }]
 */
export const checkPredicates = (
  template: LkeTemplate,
  facts: PredicateFacts,
  areaMinimum: AreaMinimumBasis = template.choices.areaMinimum,
): PredicateResult[] =>
  template.predicates.map((p) => {
    const rules: RuleResult[] = [];
    const push = (r: Omit<RuleResult, 'pass'>) => rules.push({ ...r, pass: gte(r.actual, r.required) });
    for (const rule of p.rules) {
      const t = rule.text === undefined ? {} : { text: rule.text };
      if (rule.kind === 'min') {
        const pengungkit =
          rule.metric === 'total' ||
          rule.metric === 'pengungkit' ||
          rule.metric === 'pemenuhan' ||
          rule.metric === 'reform';
        push({
          id: rule.id,
          kind: rule.kind,
          ...t,
          required: rule.value,
          actual: metricValue(template, facts.scores, rule.metric),
          pengungkit,
        });
      } else if (rule.kind === 'areaShare') {
        template.areas.forEach((a, i) => {
          const pem = facts.scores.areaAspect.pemenuhan[i] ?? ZERO;
          const ref = facts.scores.areaAspect.reform[i] ?? ZERO;
          const base = { kind: rule.kind, ...t, pengungkit: true };
          if (areaMinimum === 'combined') {
            push({
              ...base,
              id: `${rule.id}.${a.number}`,
              required: mul(rule.share, a.weight),
              actual: add(pem, ref),
            });
          } else {
            push({
              ...base,
              id: `${rule.id}.${a.number}.pemenuhan`,
              required: mul(rule.share, a.aspectWeight.pemenuhan),
              actual: pem,
            });
            push({
              ...base,
              id: `${rule.id}.${a.number}.reform`,
              required: mul(rule.share, a.aspectWeight.reform),
              actual: ref,
            });
          }
        });
      } else if (rule.kind === 'context') {
        push({
          id: rule.id,
          kind: rule.kind,
          ...t,
          required: ONE,
          actual: facts.context[rule.flag] === true ? ONE : ZERO,
          pengungkit: false,
        });
      } else {
        push({
          id: rule.id,
          kind: rule.kind,
          ...t,
          required: ratio(facts.itemCount),
          actual: ratio(facts.answered),
          pengungkit: false,
        });
      }
    }
    return { id: p.id, name: p.name, eligible: rules.every((r) => r.pass), rules };
  });
