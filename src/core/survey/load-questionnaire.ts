import type { z } from 'zod';
import { err, ok, type Result } from '../shared/result.ts';
import { questionnaireSchema, templateSchema, type Questionnaire } from './questionnaire-schema.ts';

export type QuestionnaireIssue = { path: string; message: string };

/** Dotted path as a reader of the YAML would write it: `questions.3.options.0.value`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');

export function issuesOf(error: z.ZodError): QuestionnaireIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/**
 * Validates a questionnaire already parsed from YAML/JSON. Template files may not use the `custom_` prefix;
 * pass `allowCustom` for a questionnaire that was stored after `mergeCustomQuestions`.
 *
 * @example
 * const r = parseQuestionnaire(YAML.parse(text));
 * if (!r.ok) console.error(r.error.message); // "questions.2.options: values must be exactly 1, 2, 3, 4 (the scale)"
 */
export function parseQuestionnaire(
  obj: unknown,
  options: { allowCustom?: boolean } = {},
): Result<Questionnaire> {
  const schema = options.allowCustom ? questionnaireSchema : templateSchema;
  const parsed = schema.safeParse(obj);
  if (parsed.success) return ok(parsed.data);
  const issues = issuesOf(parsed.error);
  return err({
    code: 'survey_questionnaire_invalid',
    message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    details: issues,
  });
}
