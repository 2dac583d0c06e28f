import { describe, expect, it } from 'vitest';
import { add, cmp, div, formatId, fromDecimal, gte, mul, ratio, toFixed, toNumber } from './exact.ts';

describe('exact numbers', () => {
  it('reads decimal literals exactly, with a dot or the Indonesian comma', () => {
    expect(fromDecimal(0.67)).toEqual({ n: 67n, d: 100n });
    expect(fromDecimal('0,33')).toEqual({ n: 33n, d: 100n });
    expect(fromDecimal(3.6)).toEqual({ n: 18n, d: 5n });
    expect(fromDecimal(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(fromDecimal('abc')).toBeNull();
    expect(fromDecimal(Number.NaN)).toBeNull();
  });

  it('never lets floating point decide: 3,60 / 4 × 17,5 is exactly 15,75 and 0,1 + 0,2 is exactly 0,3', () => {
    const ipak = mul(div(fromDecimal(3.6)!, ratio(4)), fromDecimal(17.5)!);
    expect(cmp(ipak, fromDecimal(15.75)!)).toBe(0);
    expect(gte(add(fromDecimal(0.1)!, fromDecimal(0.2)!), fromDecimal(0.3)!)).toBe(true);
    expect(0.1 + 0.2 >= 0.3).toBe(true); // and the double happens to agree here, but:
    expect(0.7 + 0.1 >= 0.8).toBe(false); // floating point would fail this threshold
    expect(gte(add(fromDecimal(0.7)!, fromDecimal(0.1)!), fromDecimal(0.8)!)).toBe(true);
  });

  it('formats with the decimal comma, rounding half away from zero, only at the edge', () => {
    expect(formatId(ratio(2, 3))).toBe('0,67');
    expect(formatId(ratio(11, 3))).toBe('3,67');
    expect(formatId(ratio(1234567, 100))).toBe('12.345,67');
    expect(formatId(ratio(-1, 8), 2)).toBe('-0,13');
    expect(toFixed(ratio(5, 8), 2)).toBe('0.63');
    expect(toNumber(ratio(1, 3))).toBeCloseTo(0.3333333333);
  });
});
