import { describe, expect, it } from 'vitest';
import { parseLkeTemplate } from './parse-lke-template.ts';
import { checkSubmission, type GateAnswer, type GateRules } from './submission-gate.ts';
import type { LkeTemplate } from './template-model.ts';

const why = 'test';
const yesNo = (code: string, evidence?: string[]) => ({
  code,
  text: `${code}?`,
  type: 'yes_no',
  options: [
    { key: 'Ya', value: 1, text: 'Ya' },
    { key: 'Tidak', value: 0, text: 'Tidak' },
  ],
  ...(evidence ? { evidence } : {}),
});

/** The smallest template the loader accepts: one area, an option item with evidence, one without, a ratio, a survey. */
const template = (): LkeTemplate => {
  const parsed = parseLkeTemplate({
    id: 'gate-test',
    title: 'Gate test',
    regulation: 'none',
    version: '1.0.0',
    effectiveDate: '2021-12-31',
    openChoices: {
      areaMinimum: { value: 'combined', why },
      ratioZeroOverZero: { value: 1, why },
      decreaseFromZero: { value: 0, why },
      unanswered: { value: 'exclude_from_mean', why },
    },
    areas: [{ number: 1, name: 'Area', weight: 60 }],
    components: [
      {
        code: 'A',
        key: 'pengungkit',
        name: 'Pengungkit',
        weight: 60,
        aspects: [
          {
            code: 'P',
            key: 'pemenuhan',
            name: 'Pemenuhan',
            weight: 30,
            areas: [
              {
                code: 'P1',
                area: 1,
                name: 'Area',
                weight: 30,
                subAreas: [
                  {
                    code: 'P1.i',
                    name: 'Sub',
                    weight: 30,
                    items: [yesNo('P1.i.a', ['SK Tim']), yesNo('P1.i.b')],
                  },
                ],
              },
            ],
          },
          {
            code: 'R',
            key: 'reform',
            name: 'Reform',
            weight: 30,
            areas: [
              {
                code: 'R1',
                area: 1,
                name: 'Area',
                weight: 30,
                subAreas: [
                  {
                    code: 'R1.i',
                    name: 'Sub',
                    weight: 30,
                    items: [
                      {
                        code: 'R1.i.a',
                        text: 'Persentase',
                        type: 'ratio',
                        evidence: ['Laporan'],
                        inputs: [
                          { code: 'R1.i.a.1', text: 'Jumlah', type: 'count' },
                          { code: 'R1.i.a.2', text: 'Tercapai', type: 'count' },
                          { code: 'R1.i.a.3', text: 'Tidak dipakai', type: 'count', usedInFormula: false },
                        ],
                        formula: {
                          kind: 'ratio',
                          numerator: ['R1.i.a.2'],
                          denominator: ['R1.i.a.1'],
                          cap: 1,
                        },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        code: 'B',
        key: 'hasil',
        name: 'Hasil',
        weight: 40,
        parts: [
          {
            code: 'H1',
            name: 'Survei',
            weight: 40,
            items: [{ code: 'H1.a', text: 'IPAK', type: 'index_0_4', weight: 40, scaleMax: 4 }],
          },
        ],
      },
    ],
    predicates: [
      { id: 'WBK', name: 'WBK', rules: [{ id: 'total', kind: 'min', metric: 'total', value: 75 }] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

const ALL: GateRules = { requireAllAnswered: true, requireExplanation: true, requireEvidence: true };
const NONE: GateRules = { requireAllAnswered: false, requireExplanation: false, requireEvidence: false };
const a = (value: GateAnswer['value'], explanation = 'Narasi'): GateAnswer => ({ value, explanation });
const complete = {
  'P1.i.a': a('Ya'),
  'P1.i.b': a('Tidak'),
  'R1.i.a.1': a(10, ''),
  'R1.i.a.2': a(8, ''),
  'R1.i.a.3': a(0, ''),
  'R1.i.a': a(null, 'Delapan dari sepuluh sasaran tercapai'),
  'H1.a': a(3.6),
};
const linked = new Set(['P1.i.a', 'R1.i.a.2']);

describe('checkSubmission', () => {
  const t = template();

  it('passes a complete, explained, evidenced assessment', () => {
    expect(checkSubmission(t, { answers: complete, linkedCodes: linked }, ALL)).toEqual([]);
  });

  it('lists every problem of an empty assessment, in template order, not just the first', () => {
    const found = checkSubmission(t, { answers: {}, linkedCodes: new Set() }, ALL);
    expect(found.map((f) => `${f.rule} ${f.code}`)).toEqual([
      'answered P1.i.a',
      'evidence P1.i.a',
      'answered P1.i.b',
      'answered R1.i.a',
      'evidence R1.i.a',
      'answered H1.a',
    ]);
    expect(found[3]?.message).toContain('R1.i.a.1, R1.i.a.2, R1.i.a.3');
  });

  it('requires an explanation only of answered items, and takes a ratio input explanation for its item', () => {
    const answers = {
      ...complete,
      'P1.i.a': a('Ya', '  '),
      'R1.i.a': a(null, ''),
      'R1.i.a.1': a(10, 'Sepuluh'),
    };
    const found = checkSubmission(t, { answers, linkedCodes: linked }, ALL);
    expect(found).toEqual([{ rule: 'explained', code: 'P1.i.a', message: 'P1.i.a has no explanation' }]);
  });

  it('counts the input the workbook requires though no formula uses it', () => {
    const { 'R1.i.a.3': _dropped, ...answers } = complete;
    const found = checkSubmission(t, { answers, linkedCodes: linked }, ALL);
    expect(found.map((f) => `${f.rule} ${f.code}`)).toEqual(['answered R1.i.a']);
  });

  it('always refuses an invalid answer, with the core message, even with every rule relaxed', () => {
    const answers = { ...complete, 'P1.i.b': a('Mungkin'), 'R1.i.a.1': a(-1), 'H1.a': a(5), X9: a('Ya') };
    const found = checkSubmission(t, { answers, linkedCodes: new Set() }, NONE);
    expect(found.map((f) => `${f.rule} ${f.code}`)).toEqual([
      'invalid P1.i.b',
      'invalid R1.i.a.1',
      'invalid H1.a',
      'invalid X9',
    ]);
    expect(found[0]?.message).toContain('"Mungkin" is not an option');
  });

  it('does not ask for evidence where the template lists none (Hasil, P1.i.b)', () => {
    const found = checkSubmission(t, { answers: complete, linkedCodes: new Set() }, ALL);
    expect(found.map((f) => `${f.rule} ${f.code}`)).toEqual(['evidence P1.i.a', 'evidence R1.i.a']);
  });

  it('lets a period relax each rule on its own', () => {
    const input = { answers: { 'P1.i.a': a('Ya', '') }, linkedCodes: new Set<string>() };
    const rules = (over: Partial<GateRules>) => ({ ...NONE, ...over });
    expect(checkSubmission(t, input, NONE)).toEqual([]);
    expect(checkSubmission(t, input, rules({ requireExplanation: true })).map((f) => f.rule)).toEqual([
      'explained',
    ]);
    expect(checkSubmission(t, input, rules({ requireEvidence: true })).map((f) => f.code)).toEqual([
      'P1.i.a',
      'R1.i.a',
    ]);
    expect(checkSubmission(t, input, rules({ requireAllAnswered: true })).map((f) => f.code)).toEqual([
      'P1.i.b',
      'R1.i.a',
      'H1.a',
    ]);
  });
});
