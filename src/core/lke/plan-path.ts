import { ZERO, max, sub, type Exact } from '../shared/exact.ts';
import { applyPlan } from './apply-plan.ts';
import type { RuleResult } from './check-predicates.ts';
import { evaluateAnswers, type LkeAnswerSet } from './evaluate-answers.ts';
import { itemLadders, rungGain, type ItemLadder } from './item-ladder.ts';
import { rollUp } from './roll-up.ts';
import { scoreAssessment, type ScoreOptions } from './score-assessment.ts';
import type { AspectKey, LkeTemplate } from './template-model.ts';
import { solveMinSteps, type PlanGroup } from './solve-min-steps.ts';

export type PlanChange = {
  code: string;
  area: number;
  aspect: AspectKey;
  from: string | null;
  to: string;
  steps: number;
  gainTotal: Exact;
  /** For a ratio item with known inputs: the input values that bring it to 100 %. */
  inputs?: Record<string, number>;
};

/**
 * - `eligible`: every rule already passes; nothing to do.
 * - `reachable`: the changes (plus answering `missing`) make every rule pass.
 * - `blocked`: a rule Pengungkit work cannot move fails (a Hasil part, or not yet WBK for WBBM); the changes
 *   still show what the Pengungkit rules need.
 * - `unreachable`: even every Pengungkit item at its best option cannot meet the Pengungkit rules.
 */
export type PlanStatus = 'eligible' | 'reachable' | 'blocked' | 'unreachable';

export type LkePlan = {
  predicate: string;
  status: PlanStatus;
  /** How the plan was found: an exact optimum (dynamic programming over integer step counts), not a heuristic. */
  method: 'exact';
  steps: number;
  changes: PlanChange[];
  /** Failing rules outside Pengungkit's reach. */
  blockers: RuleResult[];
  /** Blank items; the plan assumes each is answered at its lowest option unless a change lifts it. */
  missing: string[];
  /** The predicate check after applying the plan to the answers. */
  projected: { total: Exact; pengungkit: Exact; eligible: boolean; rules: RuleResult[] };
};

const ratioInputs = (l: ItemLadder, set: LkeAnswerSet): Record<string, number> | undefined => {
  if (l.item.type !== 'ratio' || !l.answered) return undefined;
  const n = (c: string) => Number(set.answers[c] ?? 0);
  const f = l.item.formula;
  if (f.kind === 'decrease') return { [f.current]: 0 };
  const den = f.denominator.reduce((s, c) => s + n(c), 0);
  const [first, ...rest] = f.numerator;
  if (first === undefined) return undefined;
  return { [first]: Math.max(0, den - rest.reduce((s, c) => s + n(c), 0)) };
};

/**
 * The smallest set of item changes, counted in option steps, that makes every Pengungkit-dependent rule of a
 * predicate (total, Pengungkit, every area minimum) pass, with Hasil held as it is. A ratio item's move to
 * 100 % counts as one step. The search is exact: scores are linear in item values on the conservative basis,
 * so the optimum is found by dynamic programming over integer step counts (per area, then across areas), with
 * exact rational gains — no heuristic, no bound. The plan is then applied and re-scored to fill `projected`.
 * @example
 * planPath(t, answers, 'WBK') // { status: 'reachable', steps: 3, changes: [{ code: 'R5.i.a', from: 'C', to: 'A', … }] }
 */
export const planPath = (
  template: LkeTemplate,
  set: LkeAnswerSet,
  predicateId: string,
  options: ScoreOptions = {},
): LkePlan => {
  const basis = options.areaMinimum ?? template.choices.areaMinimum;
  const now = scoreAssessment(template, set, options);
  const result = now.predicates.find((p) => p.id === predicateId);
  if (!result) throw new RangeError(`${template.id} has no predicate ${predicateId}`);
  const missing = now.completeness.missing;
  const ev = evaluateAnswers(template, set);
  const ladders = itemLadders(template, ev);
  const con = rollUp(template, ev.values, 'conservative');
  const blockers = result.rules.filter((r) => !r.pengungkit && r.kind !== 'complete' && !r.pass);
  // Pass/fail of the Pengungkit rules on the conservative basis, i.e. once blanks are answered at their lowest.
  const conRules = scoreAssessment(template, applyPlan(template, set, []), options).predicates.find(
    (p) => p.id === predicateId,
  );

  const minOf = (metric: 'total' | 'pengungkit'): Exact | null => {
    const r = template.predicates
      .find((p) => p.id === predicateId)
      ?.rules.find((x) => x.kind === 'min' && x.metric === metric);
    return r && r.kind === 'min' ? r.value : null;
  };
  const needTotal = minOf('total');
  const needPengungkit = minOf('pengungkit');
  let globalDeficit = ZERO;
  if (needTotal) globalDeficit = max(globalDeficit, sub(needTotal, con.total));
  if (needPengungkit) globalDeficit = max(globalDeficit, sub(needPengungkit, con.pengungkit));

  const areaRules = (conRules?.rules ?? []).filter((r) => r.kind === 'areaShare');
  const areaBase = template.predicates
    .find((p) => p.id === predicateId)
    ?.rules.find((r) => r.kind === 'areaShare')?.id;
  const groups: PlanGroup[] = template.areas.flatMap((a) => {
    const aspects: (AspectKey | null)[] = basis === 'combined' ? [null] : ['pemenuhan', 'reform'];
    return aspects.map((aspect) => {
      const id = aspect === null ? `${areaBase}.${a.number}` : `${areaBase}.${a.number}.${aspect}`;
      const rule = areaRules.find((r) => r.id === id);
      const deficit = rule ? max(ZERO, sub(rule.required, rule.actual)) : ZERO;
      const members = ladders.filter(
        (l) => l.area === a.number && (aspect === null || l.aspect === aspect) && l.rungs.length > 0,
      );
      return {
        deficit,
        items: members.map((l) => l.rungs.map((r) => ({ steps: r.steps, gain: rungGain(l, r) }))),
      };
    });
  });
  const flatLadders = template.areas.flatMap((a) =>
    (basis === 'combined' ? [null] : (['pemenuhan', 'reform'] as const)).map((aspect) =>
      ladders.filter(
        (l) => l.area === a.number && (aspect === null || l.aspect === aspect) && l.rungs.length > 0,
      ),
    ),
  );

  const solved = solveMinSteps(groups, globalDeficit);
  const changes: PlanChange[] = [];
  if (solved) {
    solved.choices.forEach((groupChoice, gi) =>
      groupChoice.forEach((rungIndex, ii) => {
        const l = flatLadders[gi]?.[ii];
        const r = rungIndex === null ? undefined : l?.rungs[rungIndex];
        if (!l || !r || l.area === null || l.aspect === null) return;
        const inputs = ratioInputs(l, set);
        changes.push({
          code: l.item.code,
          area: l.area,
          aspect: l.aspect,
          from: l.current,
          to: r.to,
          steps: r.steps,
          gainTotal: rungGain(l, r),
          ...(inputs ? { inputs } : {}),
        });
      }),
    );
    const order = new Map(template.items.map((i) => [i.code, i.index]));
    changes.sort((x, y) => (order.get(x.code) ?? 0) - (order.get(y.code) ?? 0));
  }
  const after = scoreAssessment(template, applyPlan(template, set, changes), options);
  const projectedResult = after.predicates.find((p) => p.id === predicateId);
  const status: PlanStatus = result.eligible
    ? 'eligible'
    : !solved
      ? 'unreachable'
      : blockers.length > 0
        ? 'blocked'
        : 'reachable';
  return {
    predicate: predicateId,
    status,
    method: 'exact',
    steps: result.eligible ? 0 : changes.reduce((n, c) => n + c.steps, 0),
    changes: result.eligible ? [] : changes,
    blockers,
    missing,
    projected: {
      total: after.total.score,
      pengungkit: after.pengungkit.score,
      eligible: projectedResult?.eligible ?? false,
      rules: projectedResult?.rules ?? [],
    },
  };
};
