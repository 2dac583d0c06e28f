import { describe, expect, it } from 'vitest';
import { mergeCustomQuestions } from './custom-questions.ts';
import { parseQuestionnaire } from './load-questionnaire.ts';
import { validateResponse } from './response.ts';
import { baseQuestionnaire, ipak, skm } from './test-fixtures.ts';

const text = (code: string) => ({ code, type: 'text', text: { id: code, en: code } });

describe('parseQuestionnaire', () => {
  it('accepts a valid questionnaire and fills defaults', () => {
    const r = parseQuestionnaire(baseQuestionnaire());
    expect(r.ok && r.value.profile[0]?.required).toBe(true);
  });

  it('names the path of a bad scale option', () => {
    const q = baseQuestionnaire();
    const questions = structuredClone(q.questions);
    questions[2]!.options[3]!.value = 5;
    const r = parseQuestionnaire({ ...q, questions });
    expect(!r.ok && r.error.code).toBe('survey_questionnaire_invalid');
    expect(!r.ok && r.error.message).toContain('questions.2.options: values must be exactly 1, 2, 3, 4');
  });

  it('names the path of a missing English text and of an unknown key', () => {
    const r = parseQuestionnaire({ ...baseQuestionnaire(), title: { id: 'SKM' }, extra: 1 });
    expect(!r.ok && r.error.message).toContain('title.en');
    expect(!r.ok && r.error.message).toMatch(/extra/);
  });

  it('refuses duplicate codes, an IPAK without its LKE item, and SKM off the 1–4 scale', () => {
    const dup = parseQuestionnaire({
      ...baseQuestionnaire(),
      screening: { ...baseQuestionnaire().screening, code: 'usia' },
    });
    expect(!dup.ok && dup.error.message).toContain(
      'profile.0.code: code "usia" is already used at screening.code',
    );
    const noLke = parseQuestionnaire({ ...baseQuestionnaire(), kind: 'ipak' });
    expect(!noLke.ok && noLke.error.message).toContain('lke');
    const wrongItem = parseQuestionnaire({
      ...baseQuestionnaire(),
      kind: 'ipkp',
      lke: { item: 'H1.a', conversion: 'endpoint' },
    });
    expect(!wrongItem.ok && wrongItem.error.message).toContain('lke.item: must be H2.a');
  });

  it('reserves custom_ codes for units', () => {
    const q = baseQuestionnaire();
    const r = parseQuestionnaire({ ...q, questions: [...q.questions, text('custom_x')] });
    expect(!r.ok && r.error.message).toContain('reserved');
    expect(
      parseQuestionnaire({ ...q, questions: [...q.questions, text('custom_x')] }, { allowCustom: true }).ok,
    ).toBe(true);
  });

  it('allows no free-text profile field (no identifiers in the profile)', () => {
    const q = baseQuestionnaire();
    const r = parseQuestionnaire({
      ...q,
      profile: [...q.profile, { code: 'nama', text: { id: 'Nama', en: 'Name' } }],
    });
    expect(r.ok).toBe(false);
  });
});

describe('mergeCustomQuestions', () => {
  it('appends unscored custom questions', () => {
    const r = mergeCustomQuestions(skm, [
      text('custom_saran'),
      {
        ...text('custom_loket'),
        type: 'single-choice',
        options: [
          { value: 'a', text: { id: 'A', en: 'A' } },
          { value: 'b', text: { id: 'B', en: 'B' } },
        ],
      },
    ]);
    expect(r.ok && r.value.questions.map((q) => q.code).slice(-2)).toEqual(['custom_saran', 'custom_loket']);
  });

  it.each([
    ['a scored code', [text('u1')], 'survey_custom_question_collision'],
    ['a profile code', [text('usia')], 'survey_custom_question_collision'],
    ['the screening code', [text('selesai_layanan')], 'survey_custom_question_collision'],
    ['two equal custom codes', [text('custom_a'), text('custom_a')], 'survey_custom_question_collision'],
    ['a scored custom question', [{ ...text('custom_s'), type: 'scale' }], 'survey_custom_question_invalid'],
    [
      'a custom question that flags',
      [
        {
          ...text('custom_f'),
          type: 'single-choice',
          options: [
            { value: 'a', text: { id: 'A', en: 'A' } },
            { value: 'b', text: { id: 'B', en: 'B' } },
          ],
          flagWhen: ['a'],
        },
      ],
      'survey_custom_question_invalid',
    ],
  ])('refuses %s', (_, custom, code) => {
    const r = mergeCustomQuestions(skm, custom);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('leaves the scored items untouched', () => {
    const r = mergeCustomQuestions(ipak, [text('custom_x')]);
    expect(r.ok && r.value.questions.slice(0, ipak.questions.length)).toEqual(ipak.questions);
  });
});

describe('validateResponse', () => {
  const ctx = { services: ['paspor', 'visa'] };
  const good = {
    screening: 'sudah',
    profile: { usia: '26_35', layanan: 'visa' },
    answers: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
    durationSeconds: 80,
  };
  const codes = (input: unknown) => {
    const r = validateResponse(skm, input, ctx);
    return r.ok ? [] : r.error.map((e) => `${e.code}@${e.path}`);
  };

  it('accepts a complete response', () => {
    const r = validateResponse(skm, good, ctx);
    expect(r.ok && r.value).toEqual(good);
  });

  it.each([
    ['not an object', 'x', ['survey_response_not_object@(root)']],
    ['an unknown top-level key', { ...good, telepon: '0812' }, ['survey_unknown_key@telepon']],
    [
      'an unknown profile field',
      { ...good, profile: { ...good.profile, nama: 'Budi' } },
      ['survey_unknown_key@profile.nama'],
    ],
    [
      'an unknown answer',
      { ...good, answers: { ...good.answers, u10: 4 } },
      ['survey_unknown_key@answers.u10'],
    ],
    ['no screening', { ...good, screening: undefined }, ['survey_screening_missing@screening']],
    ['an invalid screening', { ...good, screening: 'mungkin' }, ['survey_screening_invalid@screening']],
    [
      'a respondent whose service is not complete',
      { ...good, screening: 'belum' },
      ['survey_not_eligible@screening'],
    ],
    [
      'a missing profile value',
      { ...good, profile: { layanan: 'visa' } },
      ['survey_profile_missing@profile.usia'],
    ],
    [
      'a profile value off the list',
      { ...good, profile: { usia: '99', layanan: 'visa' } },
      ['survey_profile_invalid@profile.usia'],
    ],
    [
      'a service the unit does not offer',
      { ...good, profile: { usia: '26_35', layanan: 'sim' } },
      ['survey_profile_invalid@profile.layanan'],
    ],
    [
      'a missing scored item',
      { ...good, answers: { ...good.answers, u3: undefined } },
      ['survey_answer_missing@answers.u3'],
    ],
    [
      'an answer off the scale',
      { ...good, answers: { ...good.answers, u3: 5 } },
      ['survey_answer_invalid@answers.u3'],
    ],
    [
      'a string for a scored item',
      { ...good, answers: { ...good.answers, u3: '3' } },
      ['survey_answer_invalid@answers.u3'],
    ],
    ['a negative duration', { ...good, durationSeconds: -1 }, ['survey_duration_invalid@durationSeconds']],
  ])('refuses %s', (_, input, expected) => expect(codes(input)).toEqual(expected));

  it('reports every problem at once', () => {
    expect(codes({ ...good, screening: 'x', answers: {} })).toHaveLength(10);
  });

  it('checks the control question and required unscored ones', () => {
    const answers = { diskriminasi: 4, kecurangan: 4, imbalan: 3, percaloan: 4, pungli: 4 };
    const base = { ...good, answers };
    const r = validateResponse(ipak, base, ctx);
    expect(!r.ok && r.error.map((e) => e.code)).toEqual(['survey_answer_missing']);
    expect(validateResponse(ipak, { ...base, answers: { ...answers, diarahkan: 'mungkin' } }, ctx).ok).toBe(
      false,
    );
    expect(validateResponse(ipak, { ...base, answers: { ...answers, diarahkan: 'tidak' } }, ctx).ok).toBe(
      true,
    );
  });
});
