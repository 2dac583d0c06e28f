import { z } from 'zod';
import { err, ok, type Result } from '../shared/result.ts';
import { formatPath, issuesOf } from './load-questionnaire.ts';
import {
  CUSTOM_PREFIX,
  customQuestionSchema,
  questionnaireSchema,
  type Questionnaire,
} from './questionnaire-schema.ts';

const customListSchema = z.array(customQuestionSchema);

/**
 * Appends a unit's own, unscored questions to a template. Refused (errors as values) when a custom question
 * is malformed, tries to be scored or to flag responses, lacks the `custom_` prefix, or reuses any code
 * of the template (scored item, control question, profile field or screening) or of another custom question.
 *
 * @example
 * const r = mergeCustomQuestions(skm, [
 *   { code: 'custom_saran', type: 'text', text: { id: 'Saran Anda', en: 'Your suggestion' } },
 * ]);
 * // r.ok === true; r.value.questions ends with custom_saran
 * mergeCustomQuestions(skm, [{ code: 'persyaratan', type: 'text', text: { id: 'x', en: 'x' } }]);
 * // → err({ code: 'survey_custom_question_invalid', message: '0.code: …' })
 */
export function mergeCustomQuestions(template: Questionnaire, custom: unknown): Result<Questionnaire> {
  const parsed = customListSchema.safeParse(custom);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return err({
      code: 'survey_custom_question_invalid',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: issues,
    });
  }
  const taken = new Set([
    template.screening.code,
    ...template.profile.map((f) => f.code),
    ...template.questions.map((q) => q.code),
  ]);
  const issues: { path: string; message: string }[] = [];
  parsed.data.forEach((q, i) => {
    if (!q.code.startsWith(CUSTOM_PREFIX))
      issues.push({ path: formatPath([i, 'code']), message: `custom codes start with "${CUSTOM_PREFIX}"` });
    if (taken.has(q.code))
      issues.push({ path: formatPath([i, 'code']), message: `code "${q.code}" is taken` });
    taken.add(q.code);
  });
  if (issues.length > 0)
    return err({
      code: 'survey_custom_question_collision',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: issues,
    });
  // Re-validate the whole so the merged questionnaire is exactly as trustworthy as a loaded one.
  const merged = questionnaireSchema.safeParse({
    ...template,
    questions: [...template.questions, ...parsed.data],
  });
  if (!merged.success) {
    const all = issuesOf(merged.error);
    return err({
      code: 'survey_custom_question_invalid',
      message: all.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: all,
    });
  }
  return ok(merged.data);
}
