import { ONE, ZERO, cmp, div, fromDecimal, max, sub, toFixed, type Exact } from '../shared/exact.ts';
import type { ItemDef, LkeChoices, LkeTemplate, OptionItemDef, RatioItemDef } from './template-model.ts';

/** One answer as people write it: an option key ("Ya", "B"), a count (5) or a survey index (3.72); null = blank. */
export type LkeAnswer = string | number | null;
export type LkeContext = { alreadyWbk?: boolean };
/** The answers file: item codes and input codes to answers, plus facts outside the LKE. */
export type LkeAnswerSet = { answers: Readonly<Record<string, LkeAnswer>>; context?: LkeContext };
/**
 * A problem with one answer. `item` is the code the person typed (or the item it belongs to); `inputs`, when
 * set, are the input codes the problem is about, so a refusal can be tied to whichever of them was typed.
 */
export type LkeIssue = { code: string; item: string; message: string; inputs?: readonly string[] };

export type EvaluatedAnswers = {
  /** Value 0..1 per template item (by index), null when unanswered or invalid. */
  values: (Exact | null)[];
  /** Chosen option position per option item (0 = best), null otherwise. */
  levels: (number | null)[];
  /** Valid count inputs by code. */
  counts: ReadonlyMap<string, bigint>;
  errors: LkeIssue[];
  warnings: LkeIssue[];
};

const percent = (x: Exact): string => `${toFixed({ n: x.n * 100n, d: x.d }, 2).replace(/\.?0+$/, '')} %`;

const YES_NO: Record<string, string> = { ya: 'Ya', tidak: 'Tidak' };

const readOption = (item: OptionItemDef, raw: LkeAnswer, errors: LkeIssue[]): number | null => {
  const keys = item.options.map((o) => o.key);
  const list = () => `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1] ?? ''}`;
  if (typeof raw !== 'string') {
    errors.push({
      code: 'invalid_option',
      item: item.code,
      message: `${item.code} takes ${list()}, not ${JSON.stringify(raw)}`,
    });
    return null;
  }
  const t = raw.trim();
  const key = item.type === 'yes_no' ? YES_NO[t.toLowerCase()] : t.toUpperCase();
  const at = keys.indexOf(key ?? '');
  if (at < 0) {
    errors.push({
      code: 'invalid_option',
      item: item.code,
      message: `${item.code}: "${raw}" is not an option; choose ${list()}`,
    });
    return null;
  }
  return at;
};

const readNumber = (raw: LkeAnswer): Exact | null =>
  typeof raw === 'number' || typeof raw === 'string' ? fromDecimal(raw) : null;

const readCount = (code: string, raw: LkeAnswer, errors: LkeIssue[]): bigint | null => {
  const v = readNumber(raw);
  if (!v || v.d !== 1n || v.n < 0n || v.n > BigInt(Number.MAX_SAFE_INTEGER)) {
    errors.push({
      code: 'invalid_count',
      item: code,
      message: `${code} is a count: a whole number 0 or more, not ${JSON.stringify(raw)}`,
    });
    return null;
  }
  return v.n;
};

const ratioValue = (
  item: RatioItemDef,
  counts: ReadonlyMap<string, bigint>,
  choices: LkeChoices,
  issues: { warnings: LkeIssue[]; errors: LkeIssue[] },
): Exact | null => {
  const { warnings, errors } = issues;
  const used = item.inputs.filter((i) => i.usedInFormula);
  const given = used.filter((i) => counts.has(i.code));
  if (given.length === 0) return null;
  if (given.length < used.length) {
    const missing = used.filter((i) => !counts.has(i.code)).map((i) => i.code);
    warnings.push({
      code: 'incomplete_inputs',
      item: item.code,
      message: `${item.code} stays unanswered until ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} filled in`,
    });
    return null;
  }
  for (const inp of item.inputs) {
    if (!inp.usedInFormula && !counts.has(inp.code)) {
      warnings.push({
        code: 'unused_input_missing',
        item: inp.code,
        message: `${inp.code} (${inp.text}) is required by the official workbook, though no formula uses it`,
      });
    }
  }
  const get = (c: string): bigint => counts.get(c) ?? 0n;
  const f = item.formula;
  if (f.kind === 'ratio') {
    const num = f.numerator.reduce((s, c) => s + get(c), 0n);
    const den = f.denominator.reduce((s, c) => s + get(c), 0n);
    if (den === 0n && num === 0n) {
      warnings.push({
        code: 'zero_denominator',
        item: item.code,
        message: `${item.code}: 0 out of 0; the template rule counts it as ${percent(choices.zeroOverZero)}`,
      });
      return choices.zeroOverZero;
    }
    if (den === 0n) {
      // "2 of 0" is not a share of anything: one of the two counts is wrong, so it is refused rather than
      // scored (docs/review.md, rule ratio-positive-over-zero). 0 of 0 keeps the template's rule above.
      const names = (codes: readonly string[]) => codes.join(' + ');
      errors.push({
        code: 'ratio_positive_over_zero',
        item: item.code,
        inputs: [...f.numerator, ...f.denominator],
        message:
          `${item.code}: ${names(f.numerator)} is ${num} but ${names(f.denominator)} is 0; ` +
          `a count cannot be part of nothing, so correct one of them`,
      });
      return null;
    }
    if (num > den) {
      warnings.push({
        code: 'ratio_capped',
        item: item.code,
        message: `${item.code}: ${num} is more than ${den}; the value is capped at 100 %`,
      });
      return ONE;
    }
    return div({ n: num, d: 1n }, { n: den, d: 1n });
  }
  const prev = get(f.previous);
  const now = get(f.current);
  if (prev === 0n && now === 0n) return choices.zeroOverZero;
  if (prev === 0n) {
    warnings.push({
      code: 'zero_denominator',
      item: item.code,
      message: `${item.code}: 0 violations last year and ${now} this year; the template rule counts it as ${percent(choices.decreaseFromZero)}`,
    });
    return choices.decreaseFromZero;
  }
  return max(ZERO, div(sub({ n: prev, d: 1n }, { n: now, d: 1n }), { n: prev, d: 1n }));
};

/**
 * Validates every answer against the template and computes every item's value (0..1).
 * Invalid answers are reported in `errors` and treated as blank (so is a positive count over a zero
 * denominator, which cannot be a share); doubtful ones (a capped ratio, 0 of 0, a decrease from 0) are
 * scored by the template's rules and reported in `warnings`, never silently.
 * @example
 * evaluateAnswers(t, { answers: { 'P1.ii.a': 'Ya', 'P1.ii.b': 'C', 'R4.i.a.1': 4, 'R4.i.a.2': 3 } }, t.choices)
 * // values of P1.ii.a = 1, P1.ii.b = 0, R4.i.a = 3/4
 */
export const evaluateAnswers = (
  template: LkeTemplate,
  set: LkeAnswerSet,
  choices: LkeChoices = template.choices,
): EvaluatedAnswers => {
  const errors: LkeIssue[] = [];
  const warnings: LkeIssue[] = [];
  const values: (Exact | null)[] = new Array<Exact | null>(template.items.length).fill(null);
  const levels: (number | null)[] = new Array<number | null>(template.items.length).fill(null);
  const counts = new Map<string, bigint>();

  for (const [code, raw] of Object.entries(set.answers)) {
    if (raw === null || raw === undefined) continue;
    const item: ItemDef | undefined = template.itemByCode.get(code);
    if (item) {
      if (item.type === 'ratio') {
        const codes = item.inputs.filter((i) => i.usedInFormula).map((i) => i.code);
        errors.push({
          code: 'computed_item',
          item: code,
          message: `${code} is computed; give its inputs ${codes.join(', ')} instead`,
        });
      } else if (item.type === 'index_0_4') {
        const v = readNumber(raw);
        if (!v || cmp(v, ZERO) < 0 || cmp(v, item.scaleMax) > 0) {
          errors.push({
            code: 'index_out_of_range',
            item: code,
            message: `${code} is a survey index from 0 to 4, not ${JSON.stringify(raw)}`,
          });
        } else values[item.index] = div(v, item.scaleMax);
      } else {
        const at = readOption(item, raw, errors);
        if (at !== null) {
          levels[item.index] = at;
          values[item.index] = item.options[at]?.value ?? null;
        }
      }
      continue;
    }
    if (template.inputByCode.has(code)) {
      const n = readCount(code, raw, errors);
      if (n !== null) counts.set(code, n);
      continue;
    }
    if (template.derivedCodes.has(code)) {
      errors.push({
        code: 'computed_input',
        item: code,
        message: `${code} is the sum of its parts (${code}.1, ${code}.2, ${code}.3); give those instead`,
      });
      continue;
    }
    errors.push({
      code: 'unknown_code',
      item: code,
      message: `${code} is not an item or input of ${template.id}`,
    });
  }

  for (const item of template.items) {
    if (item.type !== 'ratio') continue;
    values[item.index] = ratioValue(item, counts, choices, { warnings, errors });
    for (const inp of item.inputs) {
      const other = inp.sameAs === undefined ? undefined : counts.get(inp.sameAs);
      const mine = counts.get(inp.code);
      if (other !== undefined && mine !== undefined && other !== mine) {
        warnings.push({
          code: 'inconsistent_inputs',
          item: inp.code,
          message: `${inp.code} (${mine}) should equal ${inp.sameAs} (${other}): both count the same changes`,
        });
      }
    }
  }
  return { values, levels, counts, errors, warnings };
};
