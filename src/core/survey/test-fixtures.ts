import type { Questionnaire } from './questionnaire-schema.ts';
import { parseQuestionnaire } from './load-questionnaire.ts';
import type { SurveySubmission } from './response.ts';

/** Small questionnaires for tests (the real templates are checked by the server's store test). */
const t = (s: string) => ({ id: s, en: s });
const scale = (code: string, min = 1, max = 4) => ({
  code,
  type: 'scale' as const,
  aspect: t(code),
  text: t(`${code}?`),
  options: Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, text: t(String(min + i)) })),
});

export const baseQuestionnaire = (over: Record<string, unknown> = {}) => ({
  id: 'skm_test',
  version: 'test/1',
  kind: 'skm',
  title: t('SKM'),
  basis: ['test'],
  scale: { min: 1, max: 4 },
  screening: {
    code: 'selesai_layanan',
    text: t('selesai?'),
    options: [
      { value: 'sudah', text: t('sudah'), eligible: true },
      { value: 'belum', text: t('belum'), eligible: false },
    ],
    ineligibleMessage: t('terima kasih'),
  },
  profile: [
    {
      code: 'usia',
      text: t('usia'),
      options: [
        { value: '17_25', text: t('17–25') },
        { value: '26_35', text: t('26–35') },
      ],
    },
    { code: 'layanan', text: t('layanan'), source: 'services' },
  ],
  questions: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((c) => scale(c)),
  ...over,
});

const must = (obj: unknown): Questionnaire => {
  const r = parseQuestionnaire(obj);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export const skm = must(baseQuestionnaire());

export const ipak = must(
  baseQuestionnaire({
    id: 'ipak_test',
    kind: 'ipak',
    lke: { item: 'H1.a', conversion: 'percent-of-max' },
    questions: [
      ...['diskriminasi', 'kecurangan', 'imbalan', 'percaloan', 'pungli'].map((c) => scale(c)),
      {
        code: 'diarahkan',
        type: 'single-choice',
        required: true,
        text: t('diarahkan?'),
        options: [
          { value: 'ya', text: t('ya') },
          { value: 'tidak', text: t('tidak') },
        ],
        flagWhen: ['ya'],
      },
    ],
  }),
);

/** The KemenPANRB e-survey variant: 1–6 stars. */
export const ipkp6 = (conversion: 'percent-of-max' | 'endpoint') =>
  must(
    baseQuestionnaire({
      id: 'ipkp6_test',
      kind: 'ipkp',
      scale: { min: 1, max: 6 },
      lke: { item: 'H2.a', conversion },
      questions: ['p1', 'p2'].map((c) => scale(c, 1, 6)),
    }),
  );

/** A response answering the questionnaire's scored items in order with `values`. */
export const respond = (
  q: Questionnaire,
  values: readonly number[],
  extra: {
    durationSeconds?: number | null;
    answers?: Record<string, string>;
    profile?: Record<string, string>;
  } = {},
): SurveySubmission => {
  const scored = q.questions.filter((qq) => qq.type === 'scale');
  return {
    screening: 'sudah',
    profile: { usia: '17_25', layanan: 'paspor', ...extra.profile },
    answers: {
      ...Object.fromEntries(scored.map((qq, i) => [qq.code, values[i] as number])),
      ...extra.answers,
    },
    durationSeconds: extra.durationSeconds === undefined ? 120 : extra.durationSeconds,
  };
};

/** surveys.md §1.6: 10 respondents × 9 unsur. */
export const WORKED_SKM: readonly (readonly number[])[] = [
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 4, 3, 3],
  [4, 4, 3, 4, 4, 4, 4, 3, 4],
  [3, 3, 3, 4, 3, 3, 3, 2, 3],
  [4, 4, 4, 4, 4, 4, 4, 4, 4],
  [3, 2, 2, 4, 3, 3, 3, 3, 2],
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 3, 3, 3, 3, 4, 3, 3],
  [4, 4, 3, 4, 4, 4, 4, 4, 3],
  [3, 3, 2, 4, 3, 3, 3, 2, 3],
];
