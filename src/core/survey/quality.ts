import { scoredQuestions, type Questionnaire } from './questionnaire-schema.ts';
import type { SurveySubmission } from './response.ts';

/**
 * too_fast: answered quicker than a person can read the items; straight_lining: every scored item got the
 * same answer; directed: the template's control question says staff told the respondent how to answer.
 */
export const QUALITY_FLAGS = ['too_fast', 'straight_lining', 'directed'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

export type QualityOptions = {
  /** Below this many seconds a response is too fast; default 2 s per scored item. */
  minDurationSeconds?: number;
  /**
   * Flags whose responses are left out of the index; default none. PermenPANRB 14/2017 and 90/2021 count
   * every valid response (a satisfied respondent answering all 4s is normal), so leaving flagged ones out is
   * the campaign owner's recorded decision, never a default (docs/review.md, rule survey-all-valid-responses).
   */
  excludeFlags?: readonly QualityFlag[];
};

/** The default speed floor: 2 seconds per scored item (surveys.md §4.1 suggests about 1 s as a hard floor). */
export const defaultMinDurationSeconds = (q: Questionnaire): number => 2 * scoredQuestions(q).length;

/**
 * The quality flags of one response. Flags never delete anything; they decide inclusion in the index only
 * when the campaign owner chose to leave a flag out.
 * @example qualityFlags(ipak, { ...r, durationSeconds: 4 }) // ['too_fast']
 */
export function qualityFlags(
  q: Questionnaire,
  r: SurveySubmission,
  options: QualityOptions = {},
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const min = options.minDurationSeconds ?? defaultMinDurationSeconds(q);
  if (r.durationSeconds !== null && r.durationSeconds < min) flags.push('too_fast');

  const values = scoredQuestions(q)
    .map((qq) => r.answers[qq.code])
    .filter((v): v is number => typeof v === 'number');
  // One answered item is not a "line"; straight-lining needs at least two equal answers and no other.
  if (values.length >= 2 && values.every((v) => v === values[0])) flags.push('straight_lining');

  const directed = q.questions.some(
    (qq) =>
      qq.type === 'single-choice' &&
      qq.flagWhen !== undefined &&
      typeof r.answers[qq.code] === 'string' &&
      qq.flagWhen.includes(r.answers[qq.code] as string),
  );
  if (directed) flags.push('directed');
  return flags;
}
