import { describe, expect, it } from 'vitest';
import { predicateStanding } from './predicate-standing.ts';

const wbk = (decreeDate: string, revokedOn: string | null = null) => ({
  predicate: 'WBK',
  decreeDate,
  revokedOn,
});

describe('predicate standing from the decree history (Pulau decrees and verified earlier ones alike)', () => {
  it('no decree: holds nothing, not already WBK', () => {
    expect(predicateStanding([])).toEqual({ holds: null, revokedOn: null, alreadyWbk: false });
  });
  it('a WBK decree of 2024 recorded before Pulau: holds WBK and is "already WBK" for the WBBM check', () => {
    expect(predicateStanding([wbk('2024-12-10')])).toEqual({
      holds: 'WBK',
      revokedOn: null,
      alreadyWbk: true,
    });
  });
  it('a WBBM after WBK holds WBBM and still counts as already WBK', () => {
    const s = predicateStanding([
      wbk('2022-12-01'),
      { predicate: 'WBBM', decreeDate: '2024-12-01', revokedOn: null },
    ]);
    expect(s).toEqual({ holds: 'WBBM', revokedOn: null, alreadyWbk: true });
  });
  it('orders by the decree date, not by the order the records were typed in', () => {
    const s = predicateStanding([
      { predicate: 'WBBM', decreeDate: '2024-12-01', revokedOn: null },
      wbk('2022-12-01'),
    ]);
    expect(s.holds).toBe('WBBM');
  });
  it('a revoked latest decree holds nothing; the ban counts from the latest revocation', () => {
    const s = predicateStanding([wbk('2020-12-01', '2021-06-01'), wbk('2022-12-01', '2024-03-15')]);
    expect(s).toEqual({ holds: null, revokedOn: '2024-03-15', alreadyWbk: false });
  });
});
