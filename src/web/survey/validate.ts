import type { MessageKey } from './messages.ts';
import type { AnswerValue, FieldError, PublicSurvey } from './types.ts';

export type FormState = {
  screening: string | null;
  profile: Record<string, string>;
  answers: Record<string, AnswerValue>;
  code: string;
};

export const emptyForm = (presetService: string | null, survey: PublicSurvey): FormState => {
  const serviceField = survey.questionnaire.profile.find((f) => f.source === 'services');
  const preset =
    presetService && serviceField && survey.services.some((s) => s.code === presetService)
      ? { [serviceField.code]: presetService }
      : {};
  return { screening: null, profile: preset, answers: {}, code: '' };
};

/** Field id → message key; the same codes name the inputs (`f-<code>`) so errors can point at them. */
export type FieldErrors = Record<string, { key: MessageKey; vars?: Record<string, number> }>;

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** What the core would refuse, checked before sending so the respondent hears it at once. */
export const validateForm = (survey: PublicSurvey, form: FormState): FieldErrors => {
  const errors: FieldErrors = {};
  const q = survey.questionnaire;
  // In the order of the page: the service, the questions, the profile, the code.
  const missing = (f: (typeof q.profile)[number]) => (f.required ?? true) && !form.profile[f.code];
  for (const f of q.profile)
    if (f.source === 'services' && missing(f)) errors[f.code] = { key: 'errorChoose' };
  for (const qq of q.questions) {
    const v = form.answers[qq.code];
    const required = qq.type === 'scale' ? true : (qq.required ?? false);
    if (isEmpty(v)) {
      if (required) errors[qq.code] = { key: qq.type === 'text' ? 'errorRequired' : 'errorChoose' };
    } else if (qq.type === 'text' && typeof v === 'string' && v.length > (qq.maxLength ?? 500)) {
      errors[qq.code] = { key: 'errorTooLong', vars: { max: qq.maxLength ?? 500 } };
    }
  }
  for (const f of q.profile)
    if (f.source !== 'services' && missing(f)) errors[f.code] = { key: 'errorChoose' };
  if (survey.requireCodes && form.code.trim() === '') errors.__code = { key: 'errorCodeRequired' };
  return errors;
};

/** The server's SURVEY_RESPONSE_INVALID details, onto the same fields. */
export const serverFieldErrors = (errors: FieldError[]): FieldErrors => {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = e.path.split('.')[1];
    if (!field) continue;
    out[field] = { key: e.code.endsWith('_missing') ? 'errorRequired' : 'errorInvalid' };
  }
  return out;
};
