import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import YAML from 'yaml';
import { parseQuestionnaire } from '../../core/survey/load-questionnaire.ts';
import type { Questionnaire } from '../../core/survey/questionnaire-schema.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';

/** Where the questionnaire templates live: `templates/surveys/<id>.yaml` at the repository root. */
export const SURVEY_TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/surveys/', import.meta.url));

/**
 * Reads one questionnaire file (YAML) and hands it to the core's `parseQuestionnaire`. File and YAML syntax
 * problems come back as `survey_template_unreadable`; content problems as `survey_questionnaire_invalid`,
 * with the path inside the file in the message.
 * @example await readQuestionnaireFile('/…/templates/surveys/skm.yaml') // ok({ id: 'skm', … })
 */
export const readQuestionnaireFile = async (file: string): Promise<Result<Questionnaire>> => {
  let raw: unknown;
  try {
    raw = YAML.parse(await readFile(file, 'utf8'));
  } catch (e) {
    return err({ code: 'survey_template_unreadable', message: `${file}: ${(e as Error).message}` });
  }
  const r = parseQuestionnaire(raw);
  return r.ok ? r : err({ ...r.error, message: `${path.basename(file)}: ${r.error.message}` });
};

/**
 * Every questionnaire in the folder, by id; the first bad file fails the whole load (a server must not run
 * on a broken template).
 * @example (await loadQuestionnaires()).value?.get('ipak')?.lke // { item: 'H1.a', conversion: 'percent-of-max' }
 */
export const loadQuestionnaires = async (
  dir: string = SURVEY_TEMPLATE_DIR,
): Promise<Result<Map<string, Questionnaire>>> => {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  const out = new Map<string, Questionnaire>();
  for (const name of names) {
    const r = await readQuestionnaireFile(path.join(dir, name));
    if (!r.ok) return r;
    if (out.has(r.value.id))
      return err({ code: 'survey_template_duplicate', message: `${name}: id "${r.value.id}" is used twice` });
    out.set(r.value.id, r.value);
  }
  return ok(out);
};
