import { describe, expect, it } from 'vitest';
import { toNumber } from '../shared/exact.ts';
import { evaluateAnswers, type LkeAnswer } from './evaluate-answers.ts';
import { T } from './test-support.ts';

const ev = (answers: Record<string, LkeAnswer>) => evaluateAnswers(T, { answers });
const value = (answers: Record<string, LkeAnswer>, code: string) => {
  const v = ev(answers).values[T.itemByCode.get(code)!.index];
  return v ? toNumber(v) : v;
};

describe('item values per answer type (reference §3.2)', () => {
  it('yes_no: Ya 1, Tidak 0 (any case)', () => {
    expect(value({ 'P1.i.a': 'Ya' }, 'P1.i.a')).toBe(1);
    expect(value({ 'P1.i.a': 'tidak' }, 'P1.i.a')).toBe(0);
  });
  it('abc: 1 / 0,5 / 0', () => {
    expect(['A', 'B', 'C'].map((k) => value({ 'P1.i.b': k }, 'P1.i.b'))).toEqual([1, 0.5, 0]);
  });
  it('abcd: the literal 1 / 0,67 / 0,33 / 0', () => {
    const got = ['A', 'B', 'C', 'D'].map(
      (k) => ev({ 'P1.iii.a': k }).values[T.itemByCode.get('P1.iii.a')!.index],
    );
    expect(got.map((v) => `${v!.n}/${v!.d}`)).toEqual(['1/1', '67/100', '33/100', '0/1']);
  });
  it('abcde: 1 / 0,75 / 0,5 / 0,25 / 0', () => {
    expect(['A', 'B', 'C', 'D', 'E'].map((k) => value({ 'P2.i.b': k }, 'P2.i.b'))).toEqual([
      1, 0.75, 0.5, 0.25, 0,
    ]);
  });
  it('index_0_4: the survey index over 4', () => {
    expect(value({ 'H1.a': 3.72 }, 'H1.a')).toBe(0.93);
    expect(value({ 'H2.a': '3,2' }, 'H2.a')).toBe(0.8);
  });
  it('ratio: numerator over denominator, summing the LHKPN obligors', () => {
    expect(value({ 'R1.i.a.1': 5, 'R1.i.a.2': 3 }, 'R1.i.a')).toBe(0.6);
    expect(value({ 'R5.ii.a.1': 8, 'R5.ii.a.2': 1, 'R5.ii.a.3': 6 }, 'R5.ii.a')).toBe(0.75);
    expect(
      value({ 'R5.iii.a.1.1': 1, 'R5.iii.a.1.2': 2, 'R5.iii.a.1.3': 1, 'R5.iii.a.2': 3 }, 'R5.iii.a'),
    ).toBe(0.75);
  });
  it('decrease: (last year − this year) / last year, never below 0', () => {
    expect(value({ 'R3.iii.a.1': 4, 'R3.iii.a.2': 1, 'R3.iii.a.3': 1 }, 'R3.iii.a')).toBe(0.75);
    expect(value({ 'R3.iii.a.1': 2, 'R3.iii.a.2': 5, 'R3.iii.a.3': 5 }, 'R3.iii.a')).toBe(0);
  });
});

describe('caps and zero denominators, reported as warnings', () => {
  it('caps a numerator above its denominator at 1 and says so', () => {
    const r = ev({ 'R4.i.a.1': 4, 'R4.i.a.2': 6 });
    expect(toNumber(r.values[T.itemByCode.get('R4.i.a')!.index]!)).toBe(1);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'ratio_capped', item: 'R4.i.a' }));
    expect(r.errors).toEqual([]);
  });
  it('0 out of 0 gives 1 by the template rule', () => {
    const r = ev({ 'R5.ii.a.1': 0, 'R5.ii.a.2': 0, 'R5.ii.a.3': 0 });
    expect(toNumber(r.values[T.itemByCode.get('R5.ii.a')!.index]!)).toBe(1);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'zero_denominator', item: 'R5.ii.a' }));
  });
  it('a positive count over 0 is refused, naming both inputs, and the item stays blank', () => {
    const r = ev({ 'R5.ii.a.1': 0, 'R5.ii.a.2': 0, 'R5.ii.a.3': 2 });
    expect(r.values[T.itemByCode.get('R5.ii.a')!.index]).toBeNull();
    expect(r.errors).toEqual([
      {
        code: 'ratio_positive_over_zero',
        item: 'R5.ii.a',
        inputs: ['R5.ii.a.3', 'R5.ii.a.1'],
        message:
          'R5.ii.a: R5.ii.a.3 is 2 but R5.ii.a.1 is 0; a count cannot be part of nothing, so correct one of them',
      },
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain('ratio_capped');
  });
  it('a positive count over a zero sum of several denominators names them all', () => {
    const r = ev({ 'R5.iii.a.1.1': 0, 'R5.iii.a.1.2': 0, 'R5.iii.a.1.3': 0, 'R5.iii.a.2': 1 });
    expect(r.errors[0]?.code).toBe('ratio_positive_over_zero');
    expect(r.errors[0]?.message).toContain('R5.iii.a.1.1 + R5.iii.a.1.2 + R5.iii.a.1.3 is 0');
  });
  it('disiplin: 0 and 0 gives 1; 0 last year and more this year gives 0', () => {
    expect(value({ 'R3.iii.a.1': 0, 'R3.iii.a.2': 0, 'R3.iii.a.3': 0 }, 'R3.iii.a')).toBe(1);
    const r = ev({ 'R3.iii.a.1': 0, 'R3.iii.a.2': 3, 'R3.iii.a.3': 3 });
    expect(toNumber(r.values[T.itemByCode.get('R3.iii.a')!.index]!)).toBe(0);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'zero_denominator', item: 'R3.iii.a' }),
    );
  });
  it('a ratio with one input missing stays blank, with a warning', () => {
    const r = ev({ 'R4.i.a.1': 4 });
    expect(r.values[T.itemByCode.get('R4.i.a')!.index]).toBeNull();
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'incomplete_inputs', item: 'R4.i.a' }));
  });
  it('flags inputs that count the same thing differently', () => {
    const r = ev({ 'R1.i.a.1': 5, 'R1.i.a.2': 3, 'R1.i.b.1': 4, 'R1.i.b.2': 2 });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'inconsistent_inputs', item: 'R1.i.b.1' }),
    );
  });
});

describe('invalid answers are errors, never scored', () => {
  const codes = (answers: Record<string, LkeAnswer>) => ev(answers).errors.map((e) => [e.code, e.item]);
  it('a wrong option letter, a letter on a yes/no item, a number on an option item', () => {
    expect(codes({ 'P1.i.b': 'D', 'P1.i.a': 'A', 'P1.ii.b': 1 })).toEqual([
      ['invalid_option', 'P1.i.b'],
      ['invalid_option', 'P1.i.a'],
      ['invalid_option', 'P1.ii.b'],
    ]);
    expect(ev({ 'P1.i.b': 'D' }).errors[0]!.message).toBe('P1.i.b: "D" is not an option; choose A, B or C');
  });
  it('a negative or fractional count, an index outside 0..4', () => {
    expect(codes({ 'R4.i.a.1': -1, 'R4.i.a.2': 2.5, 'H1.a': 4.01, 'H2.a': -0.1 })).toEqual([
      ['invalid_count', 'R4.i.a.1'],
      ['invalid_count', 'R4.i.a.2'],
      ['index_out_of_range', 'H1.a'],
      ['index_out_of_range', 'H2.a'],
    ]);
  });
  it('an unknown code, a computed item, a computed sum', () => {
    expect(codes({ 'P9.i.a': 'A', 'R4.i.a': 0.5, 'R5.iii.a.1': 3 })).toEqual([
      ['unknown_code', 'P9.i.a'],
      ['computed_item', 'R4.i.a'],
      ['computed_input', 'R5.iii.a.1'],
    ]);
  });
  it('null is a blank, not an error', () => {
    expect(ev({ 'P1.i.a': null }).errors).toEqual([]);
  });
});
