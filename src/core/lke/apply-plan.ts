import type { LkeAnswer, LkeAnswerSet } from './evaluate-answers.ts';
import type { LkeTemplate } from './template-model.ts';

/** The part of a plan change that `applyPlan` needs. */
export type PlanMove = { code: string; to: string; inputs?: Record<string, number> };

/**
 * A hypothetical answer set that realises a plan: every blank option item is answered at its lowest option and
 * every blank ratio item with inputs worth 0 (the plan's conservative assumption), then each change is applied.
 * Survey indices are left as they are: no plan moves them. Used to re-score a plan, and by "what if" screens.
 * @example applyPlan(t, answers, [{ code: 'P1.ii.b', to: 'A' }]).answers['P1.ii.b'] // 'A'
 */
export const applyPlan = (
  template: LkeTemplate,
  set: LkeAnswerSet,
  changes: readonly PlanMove[],
): LkeAnswerSet => {
  const answers: Record<string, LkeAnswer> = { ...set.answers };
  const blank = (c: string) => answers[c] === null || answers[c] === undefined;
  const byCode = new Map(changes.map((c) => [c.code, c]));
  for (const item of template.items) {
    const change = byCode.get(item.code);
    if (item.type === 'index_0_4') continue;
    if (item.type !== 'ratio') {
      const lowest = item.options[item.options.length - 1]?.key ?? null;
      if (change) answers[item.code] = change.to;
      else if (blank(item.code)) answers[item.code] = lowest;
      continue;
    }
    const used = item.inputs.filter((i) => i.usedInFormula);
    const answered = used.every((i) => !blank(i.code));
    const f = item.formula;
    if (!answered) {
      // A stand-in of 0 %, or 100 % when the plan lifts it: one obligation, met or not.
      const full = change !== undefined;
      if (f.kind === 'ratio') {
        f.denominator.forEach((c, k) => (answers[c] = k === 0 ? 1 : 0));
        f.numerator.forEach((c, k) => (answers[c] = k === 0 && full ? 1 : 0));
      } else {
        answers[f.previous] = 1;
        answers[f.current] = full ? 0 : 1;
      }
    } else if (change?.inputs) {
      Object.assign(answers, change.inputs);
    }
    for (const i of item.inputs) if (!i.usedInFormula && blank(i.code)) answers[i.code] = 0;
  }
  return { ...set, answers };
};
