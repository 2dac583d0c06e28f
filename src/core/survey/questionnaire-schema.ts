import { z } from 'zod';

/**
 * A questionnaire (SKM, IPAK, IPKP) is data: this schema is the contract every template file and every
 * unit's custom questions must meet. Items are identified by `code`, never by position, because published
 * questionnaires disagree on the order of the SKM unsur (Sarana/Pengaduan swap).
 */

/** Bahasa Indonesia first (the legal text), English beside it. */
export const localTextSchema = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.output<typeof localTextSchema>;

const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'codes are lower_snake_case, starting with a letter')
  .max(64);

/** Custom questions carry this prefix so that a later template version can never collide with them. */
export const CUSTOM_PREFIX = 'custom_';

/** Option values may start with a digit ("17_25"): they are stored, never used as identifiers. */
const valueSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'option values are lower_snake_case')
  .max(64);

const choiceOptionSchema = z.strictObject({ value: valueSchema, text: localTextSchema });

/** A scored item: integer answer values covering the questionnaire's scale, each with its own label. */
export const scaleQuestionSchema = z.strictObject({
  code: codeSchema,
  type: z.literal('scale'),
  aspect: localTextSchema,
  text: localTextSchema,
  help: localTextSchema.optional(),
  options: z.array(z.strictObject({ value: z.number().int(), text: localTextSchema })).min(2),
});

const singleChoiceBase = {
  code: codeSchema,
  type: z.literal('single-choice'),
  text: localTextSchema,
  help: localTextSchema.optional(),
  required: z.boolean().default(false),
  options: z.array(choiceOptionSchema).min(2),
};

const multiChoiceSchema = z.strictObject({
  code: codeSchema,
  type: z.literal('multi-choice'),
  text: localTextSchema,
  help: localTextSchema.optional(),
  required: z.boolean().default(false),
  options: z.array(choiceOptionSchema).min(2),
});

const textQuestionSchema = z.strictObject({
  code: codeSchema,
  type: z.literal('text'),
  text: localTextSchema,
  help: localTextSchema.optional(),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(2000).default(500),
});

/** Template questions: scored items, plus unscored ones; only a template may mark answers that flag a response. */
export const templateQuestionSchema = z.discriminatedUnion('type', [
  scaleQuestionSchema,
  z.strictObject({ ...singleChoiceBase, flagWhen: z.array(valueSchema).min(1).optional() }),
  multiChoiceSchema,
  textQuestionSchema,
]);

/** A unit's own question: never scored and never flagging, so it cannot move an index. */
export const customQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject(singleChoiceBase),
  multiChoiceSchema,
  textQuestionSchema,
]);

export type ScaleQuestion = z.output<typeof scaleQuestionSchema>;
export type TemplateQuestion = z.output<typeof templateQuestionSchema>;
export type CustomQuestion = z.output<typeof customQuestionSchema>;

/**
 * Profile fields are closed lists only (no free text), so the profile cannot carry a name, NIK or phone
 * number (UU 27/2022 minimisation). The service list is the unit's own, supplied when validating.
 */
const profileFieldSchema = z.union([
  z.strictObject({
    code: codeSchema,
    text: localTextSchema,
    required: z.boolean().default(true),
    options: z.array(choiceOptionSchema).min(2),
  }),
  z.strictObject({
    code: codeSchema,
    text: localTextSchema,
    required: z.boolean().default(true),
    source: z.literal('services'),
  }),
]);
export type ProfileField = z.output<typeof profileFieldSchema>;

const screeningSchema = z.strictObject({
  code: codeSchema,
  text: localTextSchema,
  options: z
    .array(z.strictObject({ value: codeSchema, text: localTextSchema, eligible: z.boolean() }))
    .min(2),
  ineligibleMessage: localTextSchema,
});

export const SURVEY_KINDS = ['skm', 'ipak', 'ipkp'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** How an index on the item scale becomes the LKE's 0–4 value (no source documents it for 1–6 scales). */
export const LKE_CONVERSIONS = ['percent-of-max', 'endpoint'] as const;
export type LkeConversion = (typeof LKE_CONVERSIONS)[number];

const questionnaireObject = z.strictObject({
  id: codeSchema,
  version: z.string().min(1),
  kind: z.enum(SURVEY_KINDS),
  title: localTextSchema,
  description: localTextSchema.optional(),
  basis: z.array(z.string().min(1)).min(1),
  scale: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  lke: z.strictObject({ item: z.enum(['H1.a', 'H2.a']), conversion: z.enum(LKE_CONVERSIONS) }).optional(),
  screening: screeningSchema,
  profile: z.array(profileFieldSchema),
  questions: z.array(templateQuestionSchema).min(1),
});

type Issue = { path: (string | number)[]; message: string };

/** Cross-field rules a plain shape cannot say; each issue names the path it is about. */
export function questionnaireIssues(q: z.output<typeof questionnaireObject>, allowCustom: boolean): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, path: (string | number)[]) => {
    const first = seen.get(code);
    if (first !== undefined) issues.push({ path, message: `code "${code}" is already used at ${first}` });
    else seen.set(code, path.join('.'));
  };
  claim(q.screening.code, ['screening', 'code']);
  q.profile.forEach((f, i) => claim(f.code, ['profile', i, 'code']));
  q.questions.forEach((qq, i) => claim(qq.code, ['questions', i, 'code']));

  if (q.scale.max <= q.scale.min) issues.push({ path: ['scale', 'max'], message: 'max must exceed min' });
  if (q.kind === 'skm' && (q.scale.min !== 1 || q.scale.max !== 4))
    issues.push({ path: ['scale'], message: 'SKM is scored 1–4 (PermenPANRB 14/2017)' });
  if (q.kind === 'skm' && q.lke)
    issues.push({ path: ['lke'], message: 'SKM does not feed an LKE Hasil item' });
  if (q.kind !== 'skm') {
    const want = q.kind === 'ipak' ? 'H1.a' : 'H2.a';
    if (!q.lke) issues.push({ path: ['lke'], message: `${q.kind.toUpperCase()} needs lke.item ${want}` });
    else if (q.lke.item !== want) issues.push({ path: ['lke', 'item'], message: `must be ${want}` });
  }
  if (q.scale.min < 0 && q.lke)
    issues.push({ path: ['scale', 'min'], message: 'LKE conversion needs min ≥ 0' });

  const screeningValues = q.screening.options.map((o) => o.eligible);
  if (!screeningValues.includes(true) || !screeningValues.includes(false))
    issues.push({ path: ['screening', 'options'], message: 'needs an eligible and an ineligible option' });
  uniqueValues(q.screening.options, ['screening', 'options'], issues);
  q.profile.forEach((f, i) => {
    if ('options' in f) uniqueValues(f.options, ['profile', i, 'options'], issues);
  });

  let scored = 0;
  q.questions.forEach((qq, i) => {
    const path = ['questions', i];
    const isCustom = qq.code.startsWith(CUSTOM_PREFIX);
    if (isCustom && !allowCustom)
      issues.push({
        path: [...path, 'code'],
        message: `"${CUSTOM_PREFIX}" is reserved for a unit's own questions`,
      });
    if (qq.type === 'text') return;
    uniqueValues(qq.options, [...path, 'options'], issues);
    if (qq.type === 'scale') {
      scored += 1;
      if (isCustom) issues.push({ path, message: 'a custom question cannot be scored' });
      const values = qq.options.map((o) => o.value).sort((a, b) => a - b);
      const expected = Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, k) => q.scale.min + k);
      if (values.join() !== expected.join())
        issues.push({
          path: [...path, 'options'],
          message: `values must be exactly ${expected.join(', ')} (the scale)`,
        });
    }
    if (qq.type === 'single-choice' && 'flagWhen' in qq && qq.flagWhen) {
      if (isCustom)
        issues.push({ path: [...path, 'flagWhen'], message: 'a custom question cannot flag responses' });
      const values = new Set(qq.options.map((o) => o.value));
      qq.flagWhen.forEach((v, k) => {
        if (!values.has(v))
          issues.push({ path: [...path, 'flagWhen', k], message: `"${v}" is not an option` });
      });
    }
  });
  if (scored === 0)
    issues.push({ path: ['questions'], message: 'needs at least one scored (scale) question' });
  return issues;
}

function uniqueValues(
  options: readonly { value: string | number }[],
  path: (string | number)[],
  out: Issue[],
) {
  const seen = new Set<string | number>();
  options.forEach((o, k) => {
    if (seen.has(o.value))
      out.push({ path: [...path, k, 'value'], message: `duplicate option value "${o.value}"` });
    seen.add(o.value);
  });
}

/** The full questionnaire schema: shape plus cross-field rules; custom codes only appear after a merge. */
export const questionnaireSchema = questionnaireObject.superRefine((q, ctx) => {
  for (const issue of questionnaireIssues(q, true)) ctx.addIssue({ code: 'custom', ...issue });
});

/** What a template file may contain: the same, but `custom_` codes are reserved for units. */
export const templateSchema = questionnaireObject.superRefine((q, ctx) => {
  for (const issue of questionnaireIssues(q, false)) ctx.addIssue({ code: 'custom', ...issue });
});

export type Questionnaire = z.output<typeof questionnaireObject>;
export type Question = Questionnaire['questions'][number];

/** The scored items in display order. */
export const scoredQuestions = (q: Questionnaire): ScaleQuestion[] =>
  q.questions.filter((qq): qq is ScaleQuestion => qq.type === 'scale');
