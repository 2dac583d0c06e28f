import type { LocalText, Questionnaire } from './questionnaire-schema.ts';
import { summarizeResponses, type IndexOptions, type IndexSummary } from './index-summary.ts';
import type { SurveySubmission } from './response.ts';

export type BreakdownGroup = {
  value: string;
  /** Null for services (their names live with the unit) and for values not in the template's list. */
  label: LocalText | null;
  summary: IndexSummary;
  /** Fewer included respondents than `minCell`: public output must not show this group (re-identification). */
  suppressed: boolean;
};

export type Breakdown = { field: string; groups: BreakdownGroup[]; unanswered: number };

/**
 * The index per value of one profile field (e.g. `layanan` for per-service results, `pendidikan`, …), each
 * group with its own n and margin of error. Listed options come first in template order, even when empty.
 * @example
 * breakdownBy(skm, responses, 'layanan').groups.map((g) => [g.value, g.summary.index, g.suppressed])
 */
export function breakdownBy(
  q: Questionnaire,
  responses: readonly SurveySubmission[],
  field: string,
  options: IndexOptions & { minCell?: number } = {},
): Breakdown {
  const def = q.profile.find((f) => f.code === field);
  const listed = def && 'options' in def ? def.options : [];
  const buckets = new Map<string, SurveySubmission[]>(listed.map((o) => [o.value, []]));
  let unanswered = 0;
  for (const r of responses) {
    const v = r.profile[field];
    if (v === undefined) {
      unanswered += 1;
      continue;
    }
    const bucket = buckets.get(v);
    if (bucket) bucket.push(r);
    else buckets.set(v, [r]);
  }
  const minCell = options.minCell ?? 5;
  // A group's population is unknown unless the caller breaks N down too, so no FPC per group.
  const groupOptions = { ...options, populationSize: null };
  const groups = [...buckets].map(([value, rs]): BreakdownGroup => {
    const summary = summarizeResponses(q, rs, groupOptions);
    return {
      value,
      label: listed.find((o) => o.value === value)?.text ?? null,
      summary,
      suppressed: summary.n < minCell,
    };
  });
  return { field, groups, unanswered };
}
