import { useDeferredValue, useMemo } from 'react';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import { planPath, type LkePlan } from '../../../core/lke/plan-path.ts';
import { scoreAssessment } from '../../../core/lke/score-assessment.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { itemGains } from '../../../core/lke/what-if.ts';
import type { Snapshot } from './draft-store.ts';

/** The answers on screen (saved or not) as the core reads them. */
export const answersOf = (snapshot: Snapshot): Record<string, LkeAnswer> => {
  const answers: Record<string, LkeAnswer> = {};
  for (const [code, e] of snapshot.entries) {
    const v = e.draft ? e.draft.value : e.base.value;
    if (v !== null && v !== '') answers[code] = v;
  }
  return answers;
};

/** Score, per-item gains and the path to the target predicate, from the same core code as the server. */
export const useLiveScore = (
  template: LkeTemplate | undefined,
  snapshot: Snapshot,
  alreadyWbk: boolean,
  target: string,
) => {
  const answers = useMemo(() => answersOf(snapshot), [snapshot]);
  const key = JSON.stringify(answers);
  const deferredKey = useDeferredValue(key);
  return useMemo(() => {
    if (!template) return null;
    const set = { answers: JSON.parse(deferredKey) as Record<string, LkeAnswer>, context: { alreadyWbk } };
    const score = scoreAssessment(template, set);
    const gains = itemGains(template, set);
    let plan: LkePlan | null;
    try {
      plan = planPath(template, set, target);
    } catch {
      plan = null;
    }
    return { score, gains, plan };
  }, [template, deferredKey, alreadyWbk, target]);
};
