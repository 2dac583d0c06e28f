import { err, ok, type Result } from '../shared/result.ts';
import type { Questionnaire } from './questionnaire-schema.ts';

export type AnswerValue = number | string | readonly string[];

/** One accepted submission: what the server stores (with its own id and idempotency key around it). */
export type SurveySubmission = {
  screening: string;
  profile: Readonly<Record<string, string>>;
  answers: Readonly<Record<string, AnswerValue>>;
  /** Seconds from opening the form to pressing Kirim, measured by the client; null when unknown. */
  durationSeconds: number | null;
};

/** Stable codes: the UI translates these; the HTTP edge maps them to 400. */
export type ResponseErrorCode =
  | 'survey_response_not_object'
  | 'survey_unknown_key'
  | 'survey_screening_missing'
  | 'survey_screening_invalid'
  | 'survey_not_eligible'
  | 'survey_profile_missing'
  | 'survey_profile_invalid'
  | 'survey_answer_missing'
  | 'survey_answer_invalid'
  | 'survey_duration_invalid';

export type ResponseError = { code: ResponseErrorCode; path: string; message: string };

export type ValidateContext = {
  /** The unit's service codes, for profile fields with `source: services`. */
  services: readonly string[];
};

const TOP_KEYS = new Set(['screening', 'profile', 'answers', 'durationSeconds']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one submitted response against its questionnaire and returns every problem at once, each with a
 * stable code and a path. Scored items are always required; profile values must come from their lists;
 * keys the questionnaire does not know are refused (so nothing unplanned, such as a phone number, is stored).
 *
 * @example
 * validateResponse(skm, {
 *   screening: 'sudah', profile: { usia: '26_35', ... }, answers: { persyaratan: 4, ... }, durationSeconds: 95,
 * }, { services: ['paspor'] });
 * // → ok(submission), or err([{ code: 'survey_answer_missing', path: 'answers.waktu', message: … }])
 */
export function validateResponse(
  q: Questionnaire,
  input: unknown,
  ctx: ValidateContext,
): Result<SurveySubmission, ResponseError[]> {
  if (!isRecord(input))
    return err([{ code: 'survey_response_not_object', path: '(root)', message: 'a response is an object' }]);
  const errors: ResponseError[] = [];
  const add = (code: ResponseErrorCode, path: string, message: string) =>
    errors.push({ code, path, message });

  for (const key of Object.keys(input)) if (!TOP_KEYS.has(key)) add('survey_unknown_key', key, 'unknown key');

  const screening = input.screening;
  const option = q.screening.options.find((o) => o.value === screening);
  if (screening === undefined || screening === null) add('survey_screening_missing', 'screening', 'required');
  else if (!option) add('survey_screening_invalid', 'screening', 'not one of the options');
  else if (!option.eligible)
    add('survey_not_eligible', 'screening', 'only people who completed a service may answer (R90 III.C.2.c)');

  const profile = isRecord(input.profile) ? input.profile : input.profile === undefined ? {} : null;
  const outProfile: Record<string, string> = {};
  if (profile === null) add('survey_profile_invalid', 'profile', 'must be an object');
  else {
    const fields = new Map(q.profile.map((f) => [f.code, f]));
    for (const key of Object.keys(profile))
      if (!fields.has(key)) add('survey_unknown_key', `profile.${key}`, 'unknown profile field');
    for (const f of q.profile) {
      const v = profile[f.code];
      if (v === undefined || v === null || v === '') {
        if (f.required) add('survey_profile_missing', `profile.${f.code}`, 'required');
        continue;
      }
      const allowed = 'options' in f ? f.options.map((o) => o.value) : ctx.services;
      if (typeof v !== 'string' || !allowed.includes(v))
        add('survey_profile_invalid', `profile.${f.code}`, 'not one of the listed values');
      else outProfile[f.code] = v;
    }
  }

  const answers = isRecord(input.answers) ? input.answers : input.answers === undefined ? {} : null;
  const outAnswers: Record<string, AnswerValue> = {};
  if (answers === null) add('survey_answer_invalid', 'answers', 'must be an object');
  else {
    const questions = new Map(q.questions.map((qq) => [qq.code, qq]));
    for (const key of Object.keys(answers))
      if (!questions.has(key)) add('survey_unknown_key', `answers.${key}`, 'unknown question');
    for (const qq of q.questions) {
      const v = answers[qq.code];
      const path = `answers.${qq.code}`;
      const required = qq.type === 'scale' ? true : qq.required;
      const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
      if (empty) {
        if (required) add('survey_answer_missing', path, 'required');
        continue;
      }
      const checked = checkAnswer(qq, v);
      if (checked === null) add('survey_answer_invalid', path, 'not a valid answer for this question');
      else outAnswers[qq.code] = checked;
    }
  }

  const d = input.durationSeconds;
  if (d !== undefined && d !== null && (typeof d !== 'number' || !Number.isFinite(d) || d < 0))
    add('survey_duration_invalid', 'durationSeconds', 'a non-negative number of seconds');

  if (errors.length > 0) return err(errors);
  return ok({
    screening: screening as string,
    profile: outProfile,
    answers: outAnswers,
    durationSeconds: typeof d === 'number' ? d : null,
  });
}

function checkAnswer(qq: Questionnaire['questions'][number], v: unknown): AnswerValue | null {
  switch (qq.type) {
    case 'scale':
      return typeof v === 'number' && qq.options.some((o) => o.value === v) ? v : null;
    case 'single-choice':
      return typeof v === 'string' && qq.options.some((o) => o.value === v) ? v : null;
    case 'multi-choice': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return null;
      const values = v as string[];
      const ok =
        values.every((x) => qq.options.some((o) => o.value === x)) && new Set(values).size === values.length;
      return ok ? values : null;
    }
    case 'text':
      return typeof v === 'string' && v.length <= qq.maxLength ? v : null;
  }
}
