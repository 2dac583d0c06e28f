import { describe, expect, it } from 'vitest';
import { formatDateId, formatId, formatPercentId } from './format.ts';

describe('Indonesian number and date formatting', () => {
  it('uses the decimal comma and the thousands dot', () => {
    expect(formatId(83.33, 2)).toBe('83,33');
    expect(formatId(3.3333333, 4)).toBe('3,3333');
    expect(formatId(1234.5, 1)).toBe('1.234,5');
    expect(formatId(92, 0)).toBe('92');
    expect(formatId(null)).toBe('–');
    expect(formatId(Number.NaN)).toBe('–');
    expect(formatPercentId(0.5)).toBe('50,0 %');
  });

  it('writes dates in words, a Date taken in WIB', () => {
    expect(formatDateId('2026-01-05')).toBe('5 Januari 2026');
    // 31 Dec 2026 20:00 UTC is already 1 January 2027 in Jakarta.
    expect(formatDateId(new Date('2026-12-31T20:00:00Z'))).toBe('1 Januari 2027');
  });
});
