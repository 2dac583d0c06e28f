import { z } from 'zod';

/**
 * The shape of an LKE template file as written in YAML. Numbers with legal weight may be written as YAML
 * numbers (`0.67`) or decimal strings (`"0,67"`); both are read exactly by the loader.
 */
const decimal = z.union([
  z.number(),
  z.string().regex(/^\d+([.,]\d+)?$/, 'a decimal such as 0.67 or "0,67"'),
]);
const code = z.string().regex(/^[A-Z][\w.-]*$/, 'a code such as P1.i.a');
const text = z.string().trim().min(1);

export const ANSWER_TYPES = ['yes_no', 'abc', 'abcd', 'abcde', 'ratio', 'count', 'index_0_4'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];
export const OPTION_TYPES = ['yes_no', 'abc', 'abcd', 'abcde'] as const;
export type OptionType = (typeof OPTION_TYPES)[number];

const option = z.strictObject({ key: z.string().min(1), value: decimal, text });

const optionItem = z.strictObject({
  code,
  text,
  type: z.enum(OPTION_TYPES),
  guidance: text.optional(),
  note: text.optional(),
  options: z.array(option).min(2),
  evidence: z.array(text).optional(),
  weight: decimal.optional(),
  workbook: text.optional(),
});

const input = z.strictObject({
  code,
  text,
  type: z.literal('count'),
  usedInFormula: z.boolean().optional(),
  sameAs: code.optional(),
  note: text.optional(),
});

const ratioFormula = z.strictObject({
  kind: z.literal('ratio'),
  numerator: z.array(code).min(1),
  denominator: z.array(code).min(1),
  cap: z.literal(1),
  workbook: text.optional(),
});
const decreaseFormula = z.strictObject({
  kind: z.literal('decrease'),
  previous: code,
  current: code,
  workbook: text.optional(),
});

const ratioItem = z.strictObject({
  code,
  text,
  type: z.literal('ratio'),
  guidance: text.optional(),
  note: text.optional(),
  inputs: z.array(input).min(2),
  derived: z.array(z.strictObject({ code, text, sum: z.array(code).min(1) })).optional(),
  formula: z.discriminatedUnion('kind', [ratioFormula, decreaseFormula]),
  evidence: z.array(text).optional(),
});

const indexItem = z.strictObject({
  code,
  text,
  type: z.literal('index_0_4'),
  guidance: text.optional(),
  note: text.optional(),
  weight: decimal,
  scaleMax: z.literal(4),
  workbook: text.optional(),
});

export const pengungkitItemSchema = z.discriminatedUnion('type', [optionItem, ratioItem]);
export const hasilItemSchema = z.discriminatedUnion('type', [
  optionItem.required({ weight: true }),
  indexItem,
]);

const leaf = z.strictObject({
  code,
  name: text,
  weight: decimal,
  note: text.optional(),
  items: z.array(pengungkitItemSchema).min(1),
});
// One object with two optional children (not a union), so a mistake deep inside reports its full path.
const subArea = z
  .strictObject({
    code,
    name: text,
    weight: decimal,
    note: text.optional(),
    items: z.array(pengungkitItemSchema).min(1).optional(),
    subSubAreas: z.array(leaf).min(1).optional(),
  })
  .refine((s) => (s.items === undefined) !== (s.subSubAreas === undefined), {
    message: 'a sub-area holds either items or subSubAreas',
  });
const area = z.strictObject({
  code,
  area: z.number().int().min(1),
  name: text,
  weight: decimal,
  subAreas: z.array(subArea).min(1),
});
const aspect = z.strictObject({
  code,
  key: z.enum(['pemenuhan', 'reform']),
  name: text,
  weight: decimal,
  areas: z.array(area).min(1),
});

const ruleText = text.optional();
const rule = z.discriminatedUnion('kind', [
  z.strictObject({ id: text, kind: z.literal('min'), metric: text, value: decimal, text: ruleText }),
  z.strictObject({ id: text, kind: z.literal('areaShare'), share: decimal, text: ruleText }),
  z.strictObject({ id: text, kind: z.literal('context'), flag: z.literal('alreadyWbk'), text: ruleText }),
  z.strictObject({ id: text, kind: z.literal('complete'), text: ruleText }),
]);

const choice = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, allowed: z.array(z.string()).optional(), why: text });

export const lkeTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  title: text,
  regulation: text,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.0.0'),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2021-12-31'),
  openChoices: z.strictObject({
    areaMinimum: choice(z.enum(['combined', 'per_aspect'])),
    ratioZeroOverZero: choice(decimal),
    decreaseFromZero: choice(decimal),
    unanswered: choice(z.literal('exclude_from_mean')),
  }),
  evidenceSource: text.optional(),
  areas: z.array(z.strictObject({ number: z.number().int().min(1), name: text, weight: decimal })).min(1),
  components: z.tuple([
    z.strictObject({
      code,
      key: z.literal('pengungkit'),
      name: text,
      weight: decimal,
      aspects: z.tuple([aspect, aspect]),
    }),
    z.strictObject({
      code,
      key: z.literal('hasil'),
      name: text,
      weight: decimal,
      parts: z
        .array(
          z.strictObject({
            code,
            name: text,
            note: text.optional(),
            weight: decimal,
            items: z.array(hasilItemSchema).min(1),
          }),
        )
        .min(1),
    }),
  ]),
  predicates: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z]+$/),
        name: text,
        source: text.optional(),
        rules: z.array(rule).min(1),
      }),
    )
    .min(1),
});

export type LkeTemplateFile = z.infer<typeof lkeTemplateSchema>;
export type PengungkitItemFile = z.infer<typeof pengungkitItemSchema>;
export type HasilItemFile = z.infer<typeof hasilItemSchema>;
