import type { LkeIssue } from '../../../core/lke/evaluate-answers.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { badRequest, type HttpError } from '../../http/errors.ts';

/** The core's problems that concern the code being written: the item itself, or one of the inputs it names. */
export const issuesOfCode = (errors: readonly LkeIssue[], code: string): LkeIssue[] =>
  errors.filter((e) => e.item === code || (e.inputs?.includes(code) ?? false));

/**
 * The refusal of an invalid answer. A positive count over a zero denominator gets its own code and the two
 * sides in `details` (strings), so the worksheet can name both inputs in the person's language.
 * @example refusalOf([{ code: 'ratio_positive_over_zero', item: 'R5.ii.a', inputs: [...], message }], t)
 * // HttpError 400 ANSWER_RATIO_OVER_ZERO { item: 'R5.ii.a', numerator: 'R5.ii.a.3', denominator: 'R5.ii.a.1', ... }
 */
export const refusalOf = (issues: readonly LkeIssue[], template: LkeTemplate): HttpError => {
  const first = issues[0];
  const item = first?.code === 'ratio_positive_over_zero' ? template.itemByCode.get(first.item) : undefined;
  const sides = item?.type === 'ratio' && item.formula.kind === 'ratio' ? item.formula : null;
  if (first && sides)
    return badRequest('ANSWER_RATIO_OVER_ZERO', first.message, {
      item: first.item,
      numerator: sides.numerator.join(' + '),
      denominator: sides.denominator.join(' + '),
      issues,
    });
  return badRequest('ANSWER_INVALID', first?.message ?? 'Invalid answer.', issues);
};
