import { evaluateAnswers, type LkeAnswer } from './evaluate-answers.ts';
import type { ItemDef, LkeTemplate } from './template-model.ts';

/** The period's rules for handing an assessment over; each can be relaxed per period. */
export type GateRules = {
  requireAllAnswered: boolean;
  requireExplanation: boolean;
  requireEvidence: boolean;
};

/** A stored answer as the gate needs it: the value and the person's explanation (narasi). */
export type GateAnswer = { value: LkeAnswer; explanation: string };

export type GateInput = {
  /** Answers by item or count-input code. A ratio item's explanation may sit on its own code. */
  answers: Readonly<Record<string, GateAnswer>>;
  /** Codes (item or input) that have at least one evidence link. */
  linkedCodes: ReadonlySet<string>;
};

export type GateRule = 'answered' | 'explained' | 'evidence' | 'invalid';
export type GateFinding = { rule: GateRule; code: string; message: string };

const hasText = (s: string | undefined) => s !== undefined && s.trim().length > 0;

/** The codes a person writes for an item: the item itself, and its count inputs for a ratio item. */
const codesOf = (item: ItemDef): string[] =>
  item.type === 'ratio' ? [item.code, ...item.inputs.map((i) => i.code)] : [item.code];

const given = (input: GateInput, code: string) => {
  const v = input.answers[code]?.value;
  return v !== null && v !== undefined;
};

/**
 * Why an assessment may not be submitted yet: every failed rule for every item, in template order, never
 * just the first. Invalid answers always block; the other rules follow the period. A ratio item is answered
 * when all its count inputs are, including those the official workbook requires though no formula uses them.
 * An item needs evidence when the template lists typical evidence for it; a link on the item or on one of its
 * inputs counts.
 * @example
 * checkSubmission(t, { answers: { 'P1.i.a': { value: 'Ya', explanation: '' } }, linkedCodes: new Set() },
 *   { requireAllAnswered: true, requireExplanation: true, requireEvidence: true })
 * // [{ rule: 'explained', code: 'P1.i.a', … }, { rule: 'evidence', code: 'P1.i.a', … }, { rule: 'answered', code: 'P1.i.b', … }, …]
 */
export const checkSubmission = (template: LkeTemplate, input: GateInput, rules: GateRules): GateFinding[] => {
  const values: Record<string, LkeAnswer> = {};
  for (const [code, a] of Object.entries(input.answers)) values[code] = a.value;
  const evaluated = evaluateAnswers(template, { answers: values });
  const findings: GateFinding[] = [];
  const invalidBy = new Map<string, string[]>();
  for (const e of evaluated.errors) invalidBy.set(e.item, [...(invalidBy.get(e.item) ?? []), e.message]);

  for (const item of template.items) {
    const codes = codesOf(item);
    const invalid = codes.flatMap((c) => (invalidBy.get(c) ?? []).map((message) => ({ code: c, message })));
    for (const i of invalid) findings.push({ rule: 'invalid', code: i.code, message: i.message });
    const missing =
      item.type === 'ratio' ? item.inputs.filter((i) => !given(input, i.code)).map((i) => i.code) : [];
    const answered = item.type === 'ratio' ? missing.length === 0 : evaluated.values[item.index] !== null;
    if (rules.requireAllAnswered && !answered && invalid.length === 0) {
      findings.push({
        rule: 'answered',
        code: item.code,
        message:
          missing.length > 0
            ? `${item.code} is not answered: fill in ${missing.join(', ')}`
            : `${item.code} is not answered`,
      });
    }
    if (rules.requireExplanation && answered && !codes.some((c) => hasText(input.answers[c]?.explanation))) {
      findings.push({ rule: 'explained', code: item.code, message: `${item.code} has no explanation` });
    }
    if (rules.requireEvidence && item.evidence.length > 0 && !codes.some((c) => input.linkedCodes.has(c))) {
      findings.push({
        rule: 'evidence',
        code: item.code,
        message: `${item.code} has no evidence; typically: ${item.evidence.join('; ')}`,
      });
    }
  }
  for (const [code, messages] of invalidBy) {
    if (!template.itemByCode.has(code) && !template.inputByCode.has(code))
      for (const message of messages) findings.push({ rule: 'invalid', code, message });
  }
  return findings;
};
